#!/usr/bin/env bash
# Load test of `showroom collector` on loopback, against a SQLite file in a temporary folder.
#
#   Benchmarks/collector-load.sh [runs] [seconds]      (defaults: 3 runs of 15 s)
#
# 1. Throughput: drives POST /events (one event per request, as the snippet sends them) and GET /dl
#    (a counted download and redirect) with Debian's wrk, `runs` times each, and prints the median
#    requests per second with the error counts, then checks that the store holds exactly what was acknowledged.
# 2. Durability: kills the service with SIGKILL in the middle of a run, restarts it on the same file, and
#    checks that every event it had acknowledged (2xx) is stored: acknowledged <= stored. Then the same
#    with SIGTERM, which must also exit cleanly (status 0) after finishing the writes in flight.
#
# Only loopback traffic; every run is bounded in time. SHOWROOM_BIN may name an already built `showroom`;
# otherwise a release build is made. WRK_CONNECTIONS (default 32) sets the concurrency.
# LOAD_POSTGRES_URL (e.g. from `scripts/postgres.sh start`, on loopback) runs the same against PostgreSQL;
# its events and downloads tables are emptied first.
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${1:-3}"
seconds="${2:-15}"
connections="${WRK_CONNECTIONS:-32}"
here="$(pwd)"

if ! command -v wrk >/dev/null; then
    echo "installing wrk with apt-get" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq wrk >&2
fi
if [[ -z "${SHOWROOM_BIN:-}" ]]; then
    swift build -c release --product showroom 2>&1 | grep -Ev '^\[[0-9]+/[0-9]+\]' >&2
    SHOWROOM_BIN="$(swift build -c release --show-bin-path)/showroom"
fi

work="$(mktemp -d /tmp/showroom-load.XXXXXX)"
server_pid=""
cleanup() {
    if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

# A one-site workspace with one published asset.
mkdir -p "$work/ws/sites/load-a" "$work/ws/public/.showroom"
printf 'title: Load A\nkind: product\nbaseURL: https://load-a.example/\n' >"$work/ws/sites/load-a/site.yaml"
printf '{"assets": {"load-photo": {"file": "load-photo.1234abcd.jpg", "sites": {"load-a": "https://load-a.example/assets/load-photo.1234abcd.jpg"}}}}\n' \
    >"$work/ws/public/.showroom/assets.json"
# Below the kernel's ephemeral range (32768+), so wrk's own client ports never take the service's port
# between a kill and the restart.
port=$(( 20000 + RANDOM % 12000 ))
while ss -ltn "sport = :$port" | grep -q LISTEN; do port=$(( 20000 + RANDOM % 12000 )); done
database="$work/collector.sqlite"
store="sqlite:$database"
if [[ -n "${LOAD_POSTGRES_URL:-}" ]]; then store="$LOAD_POSTGRES_URL"; fi
base="http://127.0.0.1:$port"

start_server() {
    LOG_LEVEL=warning "$SHOWROOM_BIN" collector --workspace "$work/ws" --database "$store" \
        --host 127.0.0.1 --port "$port" --rate-limit 0 >>"$work/server.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 1 100); do
        if curl -fsS "$base/healthz" >/dev/null 2>&1; then return; fi
        sleep 0.1
    done
    echo "the collector did not start; its log:" >&2
    cat "$work/server.log" >&2
    exit 1
}

stop_server() {
    kill -TERM "$server_pid"
    wait "$server_pid" || true
    server_pid=""
}

rows() {
    local sql="SELECT (SELECT COUNT(*) FROM events) + (SELECT COUNT(*) FROM downloads)"
    if [[ -n "${LOAD_POSTGRES_URL:-}" ]]; then psql -qtA "$LOAD_POSTGRES_URL" -c "$sql"; else sqlite3 "$database" "$sql"; fi
}

empty_store() {
    rm -f "$database" "$database-wal" "$database-shm"
    if [[ -n "${LOAD_POSTGRES_URL:-}" ]]; then
        psql -qtA "$LOAD_POSTGRES_URL" -c "TRUNCATE events, downloads" >/dev/null 2>&1 || true
    fi
}

# Runs wrk once; prints "requests/s errors acknowledged".
drive() {
    local mode="$1" duration="$2" out="$work/wrk.out"
    LOAD_MODE="$mode" LOAD_ACKED_FILE="$work/acked" wrk -t2 -c"$connections" -d"${duration}s" --latency \
        -s "$here/Benchmarks/collector-load.lua" "$base" >"$out" 2>&1 || true
    local rps errors non2xx
    rps="$(awk '/^Requests\/sec:/ {print $2}' "$out")"
    non2xx="$(awk '/Non-2xx or 3xx responses:/ {print $5}' "$out")"
    errors="$(awk '/Socket errors:/ {gsub(",", ""); print $4 + $6 + $8 + $10}' "$out")"
    echo "${rps:-0} $(( ${non2xx:-0} + ${errors:-0} )) $(cat "$work/acked" 2>/dev/null || echo 0)"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "collector load test: $runs runs of ${seconds}s per endpoint, $connections connections, 2 wrk threads, ${store%%:*}"
empty_store
start_server
total_acked=0
for mode in events downloads; do
    rates=()
    for run in $(seq 1 "$runs"); do
        read -r rps errors acked < <(drive "$mode" "$seconds")
        rates+=("$rps")
        total_acked=$(( total_acked + acked ))
        echo "  $mode run $run: $rps requests/s, $errors errors, $acked acknowledged"
    done
    echo "$mode: median $(printf '%s\n' "${rates[@]}" | median) requests/s"
done
stored="$(rows)"
stop_server
echo "store after the runs: $stored rows for $total_acked acknowledged requests"
if (( stored < total_acked )); then
    echo "FAIL: $(( total_acked - stored )) acknowledged requests are not in the store" >&2
    exit 1
fi

# Sends `signal` to the service halfway through a run, restarts it on the same file, and compares.
interrupt_under_load() {
    local signal="$1"
    empty_store
    start_server
    local kill_after
    kill_after="$(awk -v s="$seconds" 'BEGIN { printf "%.1f", s / 2 }')"
    ( sleep "$kill_after"; kill "-$signal" "$server_pid" ) &
    local killer=$! status=0
    read -r rps errors acked < <(drive events "$seconds")
    wait "$killer" || true
    wait "$server_pid" 2>/dev/null || status=$?
    server_pid=""
    start_server
    stored="$(rows)"
    stop_server
    echo "  SIG$signal: exit status $status; acknowledged before it: $acked; stored after restart: $stored"
    if (( acked > stored )); then
        echo "FAIL: $(( acked - stored )) acknowledged events were lost after SIG$signal" >&2
        exit 1
    fi
    echo "  no acknowledged event was lost ($(( stored - acked )) stored but never acknowledged: in flight at the signal)"
}

echo "signals under load: halfway through a ${seconds}s run, then a restart on the same file"
interrupt_under_load KILL
interrupt_under_load TERM
