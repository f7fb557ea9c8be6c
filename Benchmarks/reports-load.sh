#!/usr/bin/env bash
# How long the reports take over months of data: `showroom report activity` (page views by hour and day, and the
# booking funnel, for every site), `report activity --site kite`, and `showroom assets report`, over a store holding
# EVENTS raw events and DOWNLOADS downloads spread over the 90 days before today.
#
#   Benchmarks/reports-load.sh [events] [downloads] [runs]     (defaults: 10000000 1000000 3)
#
# The repository's own workspace is built into a temporary folder (the assets report needs its usage index). The rows
# are written by a bulk loader in SQL (the collector's path would take an hour for 10 M events), and the hourly
# rollups are then filled with the same statements as migration `3-rollups`, which is what the collector keeps as
# events arrive (the rollup contract tests check both give the raw rows' figures). Each report runs `runs` times; the
# script prints each time and the median.
#
# SHOWROOM_BIN may name an already built `showroom` (otherwise a release build is made). LOAD_POSTGRES_URL (e.g. from
# `scripts/postgres.sh start`) runs against PostgreSQL; its tables are emptied first. Otherwise a SQLite file in a
# temporary folder.
set -euo pipefail
cd "$(dirname "$0")/.."

events="${1:-10000000}"
downloads="${2:-1000000}"
runs="${3:-3}"
if [[ -z "${SHOWROOM_BIN:-}" ]]; then
    swift build -c release --product showroom 2>&1 | grep -Ev '^\[[0-9]+/[0-9]+\]' >&2
    SHOWROOM_BIN="$(swift build -c release --show-bin-path)/showroom"
fi
work="$(mktemp -d /tmp/showroom-reports.XXXXXX)"
trap 'rm -rf "$work"' EXIT

store="sqlite:$work/reports.sqlite"
if [[ -n "${LOAD_POSTGRES_URL:-}" ]]; then store="$LOAD_POSTGRES_URL"; fi
sql() {
    if [[ -n "${LOAD_POSTGRES_URL:-}" ]]; then psql -qtA -v ON_ERROR_STOP=1 "$LOAD_POSTGRES_URL" -c "$1"; else sqlite3 "$work/reports.sqlite" "$1"; fi
}

echo "reports over $events events and $downloads downloads in 90 days, ${store%%:*}; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$SHOWROOM_BIN" build --workspace . --output "$work/public" --quiet >/dev/null
until_day="$(date -u +%F)"
since_day="$(date -u -d "$until_day - 90 days" +%F)"
until_ms=$(( $(date -u -d "$until_day" +%s) * 1000 ))
span_ms=$(( 90 * 86400 * 1000 ))
since_ms=$(( until_ms - span_ms ))

# An empty, migrated store: the report command creates and migrates it.
if [[ -n "${LOAD_POSTGRES_URL:-}" ]]; then
    sql "DROP TABLE IF EXISTS events, downloads, leads, event_rollups, funnel_visitors, download_rollups, showroom_migrations" >/dev/null
fi
"$SHOWROOM_BIN" report activity --workspace . --database "$store" --since "$since_day" --until "$until_day" >/dev/null

mapfile -t sites < <(ls sites)
# The (asset, site) pairs the build published, from its manifest.
mapfile -t pairs < <(python3 -c '
import json, sys
manifest = json.load(open(sys.argv[1]))
for asset, entry in sorted(manifest["assets"].items()):
    for site in sorted(entry["sites"]):
        print(asset, site)
' "$work/public/.showroom/assets.json")
site_values="$(for i in "${!sites[@]}"; do printf "(%d, '%s')," "$i" "${sites[$i]}"; done)"
pair_values="$(for i in "${!pairs[@]}"; do read -r a s <<<"${pairs[$i]}"; printf "(%d, '%s', '%s')," "$i" "$a" "$s"; done)"
types="CASE WHEN r % 100 < 90 THEN 'pageview' WHEN r % 100 < 93 THEN 'booking_shown' WHEN r % 100 < 95 THEN 'booking_started'
             WHEN r % 100 < 96 THEN 'booking_field_error' WHEN r % 100 < 97 THEN 'booking_submitted' ELSE 'download_click' END"

# SQLite evaluates random() again wherever a flattened subquery's column is used, which would put every row on one
# site: its rows are spread by arithmetic on the row number instead. PostgreSQL evaluates random() once per row.
# The secondary indexes go while the rows are loaded and come back after (as the migrations define them): building
# an index over sorted rows once is far quicker than updating it 11 million times.
indexes="events_site_time ON events (site, occurred_at); events_site_type_time ON events (site, type, occurred_at);
         events_time ON events (occurred_at); downloads_time ON downloads (at, asset, site);
         downloads_visitor_asset ON downloads (visitor, asset, at)"
drop_indexes="DROP INDEX events_site_time; DROP INDEX events_site_type_time; DROP INDEX events_time;
              DROP INDEX downloads_time; DROP INDEX downloads_visitor_asset;"
create_indexes="$(echo "$indexes" | tr ';' '\n' | sed -E 's/^ *(.+)$/CREATE INDEX \1;/' | grep -v '^ *$')"
started=$(date +%s)
sql "$drop_indexes"
if [[ -n "${LOAD_POSTGRES_URL:-}" ]]; then
    sql "CREATE TEMP TABLE s (k INT, id TEXT); INSERT INTO s VALUES ${site_values%,};
         INSERT INTO events (site, page, type, visitor, occurred_at, received_at)
         SELECT s.id, '/p/' || (r % 50) || '/', $types, 'visitor' || lpad((r % 200000)::text, 12, '0'), t, t
         FROM (SELECT (random() * 1e9)::bigint AS r, $since_ms + (random() * $span_ms)::bigint AS t FROM generate_series(1, $events)) g
         JOIN s ON s.k = g.r % ${#sites[@]}"
    sql "CREATE TEMP TABLE p (k INT, asset TEXT, site TEXT); INSERT INTO p VALUES ${pair_values%,};
         INSERT INTO downloads (asset, site, page, at, visitor, agent, source)
         SELECT p.asset, p.site, '/', t, 'visitor' || lpad((r % 200000)::text, 12, '0'), 'desktop', CASE WHEN r % 5 = 0 THEN 'log' ELSE 'link' END
         FROM (SELECT (random() * 1e9)::bigint AS r, $since_ms + (random() * $span_ms)::bigint AS t FROM generate_series(1, $downloads)) g
         JOIN p ON p.k = g.r % ${#pairs[@]}"
else
    sql "PRAGMA synchronous = OFF; CREATE TEMP TABLE s (k INTEGER PRIMARY KEY, id TEXT); INSERT INTO s VALUES ${site_values%,};
         WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $events)
         INSERT INTO events (site, page, type, visitor, occurred_at, received_at)
         SELECT s.id, '/p/' || (r % 50) || '/', $types, 'visitor' || printf('%012d', r % 200000), t, t
         FROM (SELECT (i * 2654435761) % 1000000007 AS r, $since_ms + (i * 1103515245 + 12345) % $span_ms AS t FROM n) g
         JOIN s ON s.k = g.r % ${#sites[@]};
         CREATE TEMP TABLE p (k INTEGER PRIMARY KEY, asset TEXT, site TEXT); INSERT INTO p VALUES ${pair_values%,};
         WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $downloads)
         INSERT INTO downloads (asset, site, page, at, visitor, agent, source)
         SELECT p.asset, p.site, '/', t, 'visitor' || printf('%012d', r % 200000), 'desktop', CASE WHEN r % 5 = 0 THEN 'log' ELSE 'link' END
         FROM (SELECT (i * 2654435761) % 1000000007 AS r, $since_ms + (i * 1103515245 + 12345) % $span_ms AS t FROM n) g
         JOIN p ON p.k = g.r % ${#pairs[@]};"
fi
sql "$create_indexes"
# The rollups, as migration 3-rollups fills them from stored rows.
sql "DELETE FROM event_rollups; DELETE FROM funnel_visitors; DELETE FROM download_rollups;
     INSERT INTO event_rollups (site, type, hour, events) SELECT site, type, occurred_at / 3600000, COUNT(*) FROM events GROUP BY 1, 2, 3;
     INSERT INTO funnel_visitors (site, type, hour, visitor)
         SELECT DISTINCT site, type, occurred_at / 3600000, visitor FROM events WHERE type LIKE 'booking_%' AND visitor IS NOT NULL;
     INSERT INTO download_rollups (asset, site, source, hour, downloads, last_at)
         SELECT asset, site, source, at / 3600000, COUNT(*), MAX(at) FROM downloads GROUP BY 1, 2, 3, 4;"
if [[ -n "${LOAD_POSTGRES_URL:-}" ]]; then sql "ANALYZE" >/dev/null; else sql "ANALYZE"; fi
echo "loaded in $(( $(date +%s) - started )) s: $(sql "SELECT COUNT(*) FROM events") events, $(sql "SELECT COUNT(*) FROM downloads") downloads;" \
     "rollup rows: $(sql "SELECT COUNT(*) FROM event_rollups") events, $(sql "SELECT COUNT(*) FROM funnel_visitors") funnel visitors, $(sql "SELECT COUNT(*) FROM download_rollups") downloads"

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
time_report() {
    local name="$1"; shift
    local times=() run t0="" t1=""
    for run in $(seq 1 "$runs"); do
        t0=$(date +%s.%N)
        "$SHOWROOM_BIN" "$@" --workspace . --database "$store" --since "$since_day" --until "$until_day" --utc-offset +08:00 >"$work/out" 2>&1 \
            || { echo "FAIL: $name: $(cat "$work/out")" >&2; exit 1; }
        t1=$(date +%s.%N)
        times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')")
    done
    echo "$name: median $(printf '%s\n' "${times[@]}" | median) s (${times[*]} s)"
}
time_report "report activity, every site (hours, days, funnel)" report activity
time_report "report activity --site kite" report activity --site kite
time_report "assets report" assets report --public "$work/public"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
