#!/usr/bin/env bash
# Preview latency: how long after a saved edit `showroom serve` serves the new page.
#
# Copies the example fleet to a temporary folder, serves one site, then RUNS times writes a new marker
# line into one of its pages and fetches the page with curl every 5 ms until the marker comes back.
# Prints each run's milliseconds and the median. Needs bash, curl and a built showroom
# (scripts/build.sh makes .build/release/showroom).
#
#   Benchmarks/preview-latency.sh [RUNS] [SITE] [PAGE-FILE] [URL-PATH]
#   Benchmarks/preview-latency.sh 9 lumen sites/lumen/content/about.md /about/
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-9}
site=${2:-lumen}
page=${3:-sites/lumen/content/about.md}
path=${4:-/about/}
binary=${SHOWROOM:-.build/release/showroom}
port=${PORT:-18181}

[ -x "$binary" ] || { echo "no $binary; run scripts/build.sh first (or set SHOWROOM=path)" >&2; exit 1; }
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
cp -r sites shared templates assets "$work"/
[ -f showroom.yaml ] && cp showroom.yaml "$work"/

"$binary" serve --workspace "$work" --site "$site" --port "$port" --no-collector > "$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$port$path" > /dev/null && break; sleep 0.1; done
curl -sf "http://127.0.0.1:$port$path" > /dev/null || { echo "serve did not come up:" >&2; cat "$work/serve.log" >&2; exit 1; }

original=$(cat "$work/$page")
times=()
for run in $(seq 1 "$runs"); do
  sleep 0.5
  marker="latency-marker-$run-$RANDOM"
  start=$(date +%s%N)
  printf '%s\n\n%s\n' "$original" "$marker" > "$work/$page"
  until curl -s "http://127.0.0.1:$port$path" | grep -q "$marker"; do sleep 0.005; done
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "runs (ms): ${times[*]}"
echo "median: ${sorted[$(( ${#sorted[@]} / 2 ))]} ms over $runs runs (edit of $page, served at $path by $binary)"
