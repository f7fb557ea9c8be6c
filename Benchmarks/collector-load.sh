#!/usr/bin/env bash
# Load test of `showroom collector` on loopback, against a SQLite file in a temporary folder or a PostgreSQL server.
#
#   Benchmarks/collector-load.sh [runs] [seconds]      (defaults: 3 runs of 15 s)
#
# 1. Throughput: drives POST /events (one event per request, as the snippet sends them) and GET /dl (a counted
#    download and redirect) with Debian's wrk, `runs` times each, and prints each run's requests per second, p50 and
#    p99 latency, errors and the CPU the service and the database used, then the median.
# 2. Bookings under load: POST /bookings at LOAD_BOOKING_RATE (default 200) per second while events run at full
#    load; prints the bookings' p50/p99 latency and both rates.
# 3. Exactly once: the store holds every acknowledged event, download and lead, none twice (each request carries a
#    visitor id and each booking a number of its own, so the store can be checked for repeats).
# 4. Signals: kills a service with SIGKILL halfway through a run of events, downloads and bookings (with two
#    instances, one of them, while the other goes on), restarts it, and checks the store again: acknowledged <=
#    stored and nothing stored twice. Then SIGTERM, which must also exit cleanly (status 0).
#
# Environment:
#   SHOWROOM_BIN       an already built `showroom` (otherwise a release build is made)
#   WRK_CONNECTIONS    connections per wrk (default 32)
#   LOAD_POSTGRES_URL  run against this PostgreSQL (e.g. from `scripts/postgres.sh start`, on loopback); its tables
#                      are emptied first
#   LOAD_INSTANCES     1 or 2 collector instances, on two ports, both driven at once (2 needs LOAD_POSTGRES_URL)
#   LOAD_COLLECTOR_ARGS  extra options for `showroom collector` (e.g. `--sqlite-sync normal`, `--commit-window 5`)
#   LOAD_PHASES        which phases to run (default `throughput bookings signals`)
#   LOAD_MODES         which requests the throughput phase drives (default `events downloads`)
# Only loopback traffic; every run is bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${1:-3}"
seconds="${2:-15}"
connections="${WRK_CONNECTIONS:-32}"
instances="${LOAD_INSTANCES:-1}"
booking_rate="${LOAD_BOOKING_RATE:-200}"
phases="${LOAD_PHASES:-throughput bookings signals}"
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
if (( instances > 1 )) && [[ -z "${LOAD_POSTGRES_URL:-}" ]]; then
    echo "LOAD_INSTANCES=$instances needs LOAD_POSTGRES_URL: instances share one store only on PostgreSQL" >&2
    exit 2
fi

work="$(mktemp -d /tmp/showroom-load.XXXXXX)"
declare -a server_pids ports
cleanup() {
    for pid in "${server_pids[@]}"; do
        if [[ -n "$pid" ]]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
    done
    rm -rf "$work"
}
trap cleanup EXIT

# A one-site workspace with one published asset and what the booking form needs to route a lead.
mkdir -p "$work/ws/sites/load-a" "$work/ws/public/.showroom" "$work/ws/shared/data"
printf 'title: Load A\nkind: product\nbaseURL: https://load-a.example/\n' >"$work/ws/sites/load-a/site.yaml"
printf '{"assets": {"load-photo": {"file": "load-photo.1234abcd.jpg", "sites": {"load-a": "https://load-a.example/assets/load-photo.1234abcd.jpg"}}}}\n' \
    >"$work/ws/public/.showroom/assets.json"
printf -- '- {id: aurora, name: Lumen Aurora, brand: lumen}\n' >"$work/ws/shared/data/models.yaml"
printf -- '- {id: lumen-hangzhou, name: Lumen Space Hangzhou, brand: lumen, city: Hangzhou, province: Zhejiang, phone: 0571-61011143, brandDefault: true}\n' \
    >"$work/ws/shared/data/dealers.yaml"
printf -- '- {city: Hangzhou, province: Zhejiang}\n' >"$work/ws/shared/data/cities.yaml"

# Ports below the kernel's ephemeral range (32768+), so wrk's own client ports never take a service's port
# between a kill and the restart.
free_port() {
    local port=$(( 20000 + RANDOM % 12000 ))
    while ss -ltn "sport = :$port" | grep -q LISTEN || [[ " ${ports[*]:-} " == *" $port "* ]]; do port=$(( 20000 + RANDOM % 12000 )); done
    echo "$port"
}
for i in $(seq 0 $(( instances - 1 ))); do ports[$i]="$(free_port)"; server_pids[$i]=""; done
database="$work/collector.sqlite"
store="sqlite:$database"
if [[ -n "${LOAD_POSTGRES_URL:-}" ]]; then store="$LOAD_POSTGRES_URL"; fi

start_server() {
    local i="$1" base="http://127.0.0.1:${ports[$1]}"
    # shellcheck disable=SC2086
    LOG_LEVEL=warning "$SHOWROOM_BIN" collector --workspace "$work/ws" --database "$store" \
        --host 127.0.0.1 --port "${ports[$i]}" --rate-limit 0 --booking-rate-limit 0 ${LOAD_COLLECTOR_ARGS:-} \
        >>"$work/server-$i.log" 2>&1 &
    server_pids[$i]=$!
    for _ in $(seq 1 100); do
        if curl -fsS "$base/healthz" >/dev/null 2>&1; then return; fi
        sleep 0.1
    done
    echo "collector $i did not start; its log:" >&2
    cat "$work/server-$i.log" >&2
    exit 1
}
start_all() { for i in $(seq 0 $(( instances - 1 ))); do start_server "$i"; done; }

stop_server() {
    local i="$1" status=0
    kill -TERM "${server_pids[$i]}"
    wait "${server_pids[$i]}" || status=$?
    server_pids[$i]=""
    return "$status"
}
stop_all() { for i in $(seq 0 $(( instances - 1 ))); do stop_server "$i" || true; done; }

sql() {
    if [[ -n "${LOAD_POSTGRES_URL:-}" ]]; then psql -qtA "$LOAD_POSTGRES_URL" -c "$1"; else sqlite3 "$database" "$1"; fi
}

empty_store() {
    rm -f "$database" "$database-wal" "$database-shm"
    if [[ -n "${LOAD_POSTGRES_URL:-}" ]]; then
        psql -qtA "$LOAD_POSTGRES_URL" -c "TRUNCATE events, downloads, leads" >/dev/null 2>&1 || true
    fi
}

# The PostgreSQL server this run writes to: its postmaster's and its backends' process ids, read from the server's
# own postmaster.pid, so that other servers on the machine (other engineers' tests) are not counted.
postmaster_pid=""
if [[ -n "${LOAD_POSTGRES_URL:-}" ]]; then
    data_directory="$(psql -qtA "$LOAD_POSTGRES_URL" -c "SHOW data_directory" 2>/dev/null || true)"
    postmaster_pid="$(head -n 1 "$data_directory/postmaster.pid" 2>/dev/null || true)"
    if [[ -z "$postmaster_pid" ]]; then
        echo "cannot read the database server's postmaster.pid (data directory '$data_directory'); run this as the" \
             "server's owner or root, with a superuser in LOAD_POSTGRES_URL" >&2
        exit 1
    fi
fi
database_pids() {
    if [[ -n "$postmaster_pid" ]]; then echo "$postmaster_pid"; pgrep -P "$postmaster_pid" || true; fi
}
# CPU ticks (user + system, with exited children) the given processes have used so far.
ticks_of() {
    local total=0 pid
    for pid in "$@"; do
        if [[ -n "$pid" && -r "/proc/$pid/stat" ]]; then
            total=$(( total + $(awk '{print $14 + $15 + $16 + $17}' "/proc/$pid/stat") ))
        fi
    done
    echo "$total"
}
# CPU ticks the collectors and the database server have used so far.
cpu_ticks() { ticks_of "${server_pids[@]}" $(database_pids); }
db_ticks() { ticks_of $(database_pids); }

# Runs one wrk per instance at once; prints "requests/s errors acknowledged p50ms p99ms" (rates and counts summed
# over the instances, latencies of the first).
drive() {
    local mode="$1" duration="$2" tag="$3" rate="${4:-0}" conns="${5:-$connections}"
    local per=$(( conns / instances )) pids=() i threads
    threads=$(( per < 2 ? 1 : 2 ))
    for i in $(seq 0 $(( instances - 1 ))); do
        LOAD_MODE="$mode" LOAD_TAG=$(( tag * 10 + i )) LOAD_RATE=$(( rate / instances )) LOAD_THREADS="$threads" \
            LOAD_ACKED_FILE="$work/acked-$mode-$i" \
            wrk -t"$threads" -c"$per" -d"${duration}s" --latency -s "$here/Benchmarks/collector-load.lua" \
            "http://127.0.0.1:${ports[$i]}" >"$work/wrk-$mode-$i.out" 2>&1 &
        pids+=($!)
    done
    for pid in "${pids[@]}"; do wait "$pid" || true; done
    local rps=0 errors=0 acked=0 out
    for i in $(seq 0 $(( instances - 1 ))); do
        out="$work/wrk-$mode-$i.out"
        rps="$(awk -v a="$rps" '/^Requests\/sec:/ {a += $2} END {printf "%.0f", a}' "$out")"
        errors=$(( errors + $(awk '/Non-2xx or 3xx responses:/ {n = $5} /Socket errors:/ {gsub(",", ""); s = $4 + $6 + $8 + $10} END {print n + s}' "$out") ))
        acked=$(( acked + $(cat "$work/acked-$mode-$i" 2>/dev/null || echo 0) ))
    done
    local p50 p99
    p50="$(awk '$1 == "50%" {print $2}' "$work/wrk-$mode-0.out")"
    p99="$(awk '$1 == "99%" {print $2}' "$work/wrk-$mode-0.out")"
    echo "$rps $errors $acked ${p50:-?} ${p99:-?}"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
hz="$(getconf CLK_TCK)"
percent() { awk -v t="$1" -v s="$2" -v hz="$hz" 'BEGIN { printf "%.0f%%", 100 * t / hz / s }'; }

acked_events=0; acked_downloads=0; acked_leads=0
# Every acknowledged row is stored, and none twice (each request's visitor id, each booking's number, is its own).
check_store() {
    local what="$1"
    local events downloads leads dup
    events="$(sql "SELECT COUNT(*) FROM events")"
    downloads="$(sql "SELECT COUNT(*) FROM downloads")"
    leads="$(sql "SELECT COUNT(*) FROM leads WHERE NOT spam")"
    dup="$(sql "SELECT (SELECT COUNT(*) - COUNT(DISTINCT visitor) FROM events) + (SELECT COUNT(*) - COUNT(DISTINCT visitor) FROM downloads) + (SELECT COUNT(*) - COUNT(DISTINCT phone) FROM leads)")"
    echo "  $what: stored $events events, $downloads downloads, $leads leads for $acked_events, $acked_downloads, $acked_leads acknowledged; $dup stored twice"
    if (( events < acked_events || downloads < acked_downloads || leads < acked_leads || dup != 0 )); then
        echo "FAIL: acknowledged rows are missing or stored twice ($what)" >&2
        exit 1
    fi
}

echo "collector load test: $runs runs of ${seconds}s, $connections connections, $instances instance(s), ${store%%:*}${LOAD_COLLECTOR_ARGS:+, $LOAD_COLLECTOR_ARGS}"
echo "machine: $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
tag=1

if [[ " $phases " == *" throughput "* ]]; then
    empty_store
    start_all
    for mode in ${LOAD_MODES:-events downloads}; do
        rates=()
        for run in $(seq 1 "$runs"); do
            before="$(cpu_ticks)"; before_db="$(db_ticks)"
            read -r rps errors acked p50 p99 < <(drive "$mode" "$seconds" "$tag")
            after="$(cpu_ticks)"; after_db="$(db_ticks)"
            tag=$(( tag + 1 ))
            rates+=("$rps")
            if [[ "$mode" == events ]]; then acked_events=$(( acked_events + acked )); else acked_downloads=$(( acked_downloads + acked )); fi
            echo "  $mode run $run: $rps requests/s, p50 $p50, p99 $p99, $errors errors, $acked acknowledged;" \
                 "CPU: service + database $(percent $(( after - before )) "$seconds") (database $(percent $(( after_db - before_db )) "$seconds")) of $(nproc)00%"
        done
        echo "$mode: median $(printf '%s\n' "${rates[@]}" | median) requests/s"
    done
    check_store "after the throughput runs"
    stop_all
fi

if [[ " $phases " == *" bookings "* ]]; then
    empty_store; acked_events=0; acked_downloads=0; acked_leads=0
    start_all
    # Bookings on a schedule of LOAD_BOOKING_RATE a second over 16 connections (enough that a slow answer does not
    # hold the schedule up) beside events at full load.
    booking_conns=16
    drive events "$seconds" "$tag" 0 "$connections" >"$work/bookings-events" &
    events_job=$!
    sleep 1
    read -r brps berrors backed bp50 bp99 < <(drive bookings $(( seconds - 2 )) $(( tag + 1 )) "$booking_rate" "$booking_conns")
    wait "$events_job" || true
    read -r erps eerrors eacked _ _ <"$work/bookings-events"
    tag=$(( tag + 2 ))
    acked_events=$(( acked_events + eacked )); acked_leads=$(( acked_leads + backed ))
    echo "bookings under load: $brps bookings/s, p50 $bp50, p99 $bp99, $berrors errors; beside $erps events/s, $eerrors errors"
    check_store "after the bookings run"
    stop_all
fi

# Sends `signal` to the first instance halfway through a run of all three kinds of request, restarts it, and compares.
interrupt_under_load() {
    local signal="$1"
    empty_store; acked_events=0; acked_downloads=0; acked_leads=0
    start_all
    local kill_after
    kill_after="$(awk -v s="$seconds" 'BEGIN { printf "%.1f", s / 2 }')"
    ( sleep "$kill_after"; kill "-$signal" "${server_pids[0]}" ) &
    local killer=$! status=0
    drive events "$seconds" "$tag" 0 $(( connections / 2 )) >"$work/signal-events" &
    local e=$!
    drive downloads "$seconds" $(( tag + 1 )) 0 $(( connections / 2 )) >"$work/signal-downloads" &
    local d=$!
    drive bookings "$seconds" $(( tag + 2 )) "$booking_rate" 16 >"$work/signal-bookings" &
    local b=$!
    wait "$e" "$d" "$b" || true
    tag=$(( tag + 3 ))
    wait "$killer" || true
    wait "${server_pids[0]}" 2>/dev/null || status=$?
    server_pids[0]=""
    read -r _ _ acked_events _ _ <"$work/signal-events"
    read -r _ _ acked_downloads _ _ <"$work/signal-downloads"
    read -r _ _ acked_leads _ _ <"$work/signal-bookings"
    start_server 0
    echo "  SIG$signal to instance 1 of $instances halfway: exit status $status"
    check_store "after SIG$signal and a restart"
    stop_all
}

if [[ " $phases " == *" signals "* ]]; then
    echo "signals under load: halfway through a ${seconds}s run of events, downloads and bookings, then a restart"
    interrupt_under_load KILL
    interrupt_under_load TERM
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
