#!/usr/bin/env bash
# Preview latency: how long after a saved edit `showroom serve` serves the new page.
#
# Copies a workspace (the example fleet by default) to a temporary folder, serves one site, then RUNS times
# edits one of its pages and fetches it with curl every 5 ms until the edit comes back. Prints each run's
# milliseconds, the median, and serve's resident memory at the end. Needs bash, curl and a built showroom
# (scripts/build.sh makes .build/release/showroom).
#
#   Benchmarks/preview-latency.sh [RUNS] [SITE] [PAGE-FILE] [URL-PATH]
#   Benchmarks/preview-latency.sh 9 lumen sites/lumen/content/about.md /about/
#
# EDIT=body (default) appends a new line to the page's body; EDIT=title rewrites its `title:` line, and the
# run ends only when LIST (a list page showing it, e.g. /news/) shows the new title too.
# WORKSPACE=<folder> serves another workspace, e.g. the benchmark corpus (Benchmarks/build-vs-hugo.py
# --generate-only makes it):
#
#   WORKSPACE=Benchmarks/corpus/25x2000-seed1/showroom EDIT=title LIST=/news/ \
#     Benchmarks/preview-latency.sh 9 site-03 sites/site-03/content/news/news-00021.md /news/news-00021/
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-9}
site=${2:-lumen}
page=${3:-sites/lumen/content/about.md}
path=${4:-/about/}
edit=${EDIT:-body}
list=${LIST:-}
source_workspace=${WORKSPACE:-.}
binary=${SHOWROOM:-.build/release/showroom}
port=${PORT:-18181}

[ -x "$binary" ] || { echo "no $binary; run scripts/build.sh first (or set SHOWROOM=path)" >&2; exit 1; }
[ "$edit" = body ] || [ "$edit" = title ] || { echo "EDIT must be body or title" >&2; exit 1; }
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
for entry in sites shared templates assets showroom.yaml; do
  [ -e "$source_workspace/$entry" ] && cp -r "$source_workspace/$entry" "$work"/
done

"$binary" serve --workspace "$work" --site "$site" --port "$port" --no-collector > "$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$port$path" > /dev/null && break; sleep 0.1; done
curl -sf "http://127.0.0.1:$port$path" > /dev/null || { echo "serve did not come up:" >&2; cat "$work/serve.log" >&2; exit 1; }
sleep 3  # stamps younger than two seconds are not trusted; let the copy age

original=$(cat "$work/$page")
times=()
for run in $(seq 1 "$runs"); do
  sleep 0.5
  marker="latency-marker-$run-$RANDOM"
  start=$(date +%s%N)
  if [ "$edit" = body ]; then
    printf '%s\n\n%s\n' "$original" "$marker" > "$work/$page"
  else
    printf '%s\n' "$original" | sed "0,/^title: .*/s//title: \"$marker\"/" > "$work/$page"
  fi
  until curl -s "http://127.0.0.1:$port$path" | grep -q "$marker"; do sleep 0.005; done
  if [ -n "$list" ]; then
    until curl -s "http://127.0.0.1:$port$list" | grep -q "$marker"; do sleep 0.005; done
  fi
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "runs (ms): ${times[*]}"
echo "median: ${sorted[$(( ${#sorted[@]} / 2 ))]} ms over $runs runs ($edit edit of $page, served at $path${list:+ and $list} by $binary)"
echo "serve's memory: $(awk '/VmRSS/ {print $2, $3}' /proc/$server/status) resident"
grep -E "changed: rebuilt" "$work/serve.log" | tail -3 || true
