#!/usr/bin/env bash
# A throwaway PostgreSQL server for the collector's store tests.
#
#   eval "$(scripts/postgres.sh start)"   # installs PostgreSQL if missing, starts it on 127.0.0.1,
#                                         # prints `export SHOWROOM_TEST_POSTGRES_URL=postgres://…`
#   scripts/postgres.sh stop              # stops it and removes its data folder
#   scripts/postgres.sh pause             # stops the server but keeps its data (a database that went away)
#   scripts/postgres.sh resume            # starts it again on the same port, with the same data
#
# Only the export lines go to standard output (so `eval` sees nothing else); progress goes to stderr.
# The server keeps its data in a temporary folder, listens only on loopback, trusts local connections,
# and remembers where it lives in $SHOWROOM_POSTGRES_STATE (default /tmp/showroom-postgres.state).
set -euo pipefail

state_file="${SHOWROOM_POSTGRES_STATE:-/tmp/showroom-postgres.state}"
database="showroom_test"

say() { echo "postgres.sh: $*" >&2; }

find_bin_dir() {
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        if [[ -x "$dir/initdb" ]]; then echo "$dir"; fi
    done | sort -V | tail -n 1
}

install_postgres() {
    if [[ -n "$(find_bin_dir)" ]]; then return; fi
    say "installing PostgreSQL with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
}

# Runs a command as the `postgres` user when we are root (PostgreSQL refuses to run as root).
as_owner() {
    if [[ "$(id -u)" == 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

run_server() {
    local bin="$1" dir="$2" port="$3"
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
        -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=on -c max_connections=200" \
        start >&2
}

pause() {
    if [[ ! -f "$state_file" ]]; then say "no server recorded in $state_file"; exit 1; fi
    as_owner "$(sed -n 2p "$state_file")/pg_ctl" -D "$(sed -n 1p "$state_file")/data" -m fast -w stop >&2
    say "paused (data kept)"
}

resume() {
    if [[ ! -f "$state_file" ]]; then say "no server recorded in $state_file"; exit 1; fi
    run_server "$(sed -n 2p "$state_file")" "$(sed -n 1p "$state_file")" "$(sed -n 3p "$state_file")"
    say "resumed on 127.0.0.1:$(sed -n 3p "$state_file")"
}

start() {
    if [[ -f "$state_file" ]]; then
        say "a server is already recorded in $state_file; stopping it first"
        stop
    fi
    install_postgres
    local bin
    bin="$(find_bin_dir)"
    if [[ -z "$bin" ]]; then
        say "no PostgreSQL binaries found under /usr/lib/postgresql/*/bin"
        exit 1
    fi

    local dir
    dir="$(mktemp -d /tmp/showroom-postgres.XXXXXX)"
    chmod 755 "$dir"
    if [[ "$(id -u)" == 0 ]]; then chown postgres: "$dir"; fi
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
        cat "$dir/initdb.log" >&2
        exit 1
    }

    local port attempt
    for attempt in 1 2 3 4 5 6 7 8 9 10; do
        port=$(( 20000 + RANDOM % 12000 ))  # below the ephemeral range (32768+)
        if ss -ltn "sport = :$port" 2>/dev/null | grep -q LISTEN; then continue; fi
        if run_server "$bin" "$dir" "$port"; then
            break
        fi
        port=""
    done
    if [[ -z "$port" ]]; then
        say "could not start PostgreSQL; its log:"
        cat "$dir/server.log" >&2 || true
        exit 1
    fi

    as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres "$database" >&2
    printf '%s\n%s\n%s\n' "$dir" "$bin" "$port" >"$state_file"
    say "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') listening on 127.0.0.1:$port (data in $dir)"
    echo "export SHOWROOM_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:$port/$database"
}

stop() {
    if [[ ! -f "$state_file" ]]; then
        say "no server recorded in $state_file; nothing to stop"
        return
    fi
    local dir bin
    dir="$(sed -n 1p "$state_file")"
    bin="$(sed -n 2p "$state_file")"
    if [[ -d "$dir/data" ]]; then
        as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
    fi
    rm -rf -- "$dir"
    rm -f -- "$state_file"
    say "stopped"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    pause) pause ;;
    resume) resume ;;
    *)
        echo "usage: $0 start|stop|pause|resume" >&2
        exit 2
        ;;
esac
