#!/usr/bin/env bash
# Studio preview latency: how long from an edit sent by the page editor to the rebuilt page arriving.
#
# Copies the example fleet to a temporary folder, starts `showroom studio` on it, opens the editor of one
# page (for its session cookie and CSRF token), then RUNS times sends the page with a new marker line to
# /_studio/api/preview, exactly as the editor's script does, and fetches the preview frame it names. The
# time is from sending the edit to having the frame's HTML with the marker: the engine's build of the
# site in the preview workspace plus both HTTP exchanges. Prints each run's milliseconds and the median.
# Needs bash, curl and a built showroom (scripts/build.sh makes .build/release/showroom).
#
#   Benchmarks/studio-preview-latency.sh [RUNS] [SITE] [PAGE-FILE]
#   Benchmarks/studio-preview-latency.sh 15 lumen sites/lumen/content/about.md
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-15}
site=${2:-lumen}
page=${3:-sites/lumen/content/about.md}
binary=${SHOWROOM:-.build/release/showroom}
port=${PORT:-18171}

[ -x "$binary" ] || { echo "no $binary; run scripts/build.sh first (or set SHOWROOM=path)" >&2; exit 1; }
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
cp -r sites shared templates assets "$work"/
[ -f showroom.yaml ] && cp showroom.yaml "$work"/
base="http://localhost:$port"

"$binary" studio --workspace "$work" --port "$port" > "$work/studio.log" 2>&1 &
server=$!
for _ in $(seq 1 600); do curl -sf "$base/_studio/studio.css" > /dev/null && break; sleep 0.1; done
curl -sf "$base/_studio/studio.css" > /dev/null || { echo "the studio did not come up:" >&2; cat "$work/studio.log" >&2; exit 1; }

jar="$work/cookies"
editor=$(curl -sf -c "$jar" -b "$jar" "$base/_studio/edit?site=$site&file=$page")
csrf=$(printf '%s' "$editor" | sed -n 's/.*name="studio-csrf" content="\([0-9a-f]*\)".*/\1/p' | head -1)
version=$(printf '%s' "$editor" | sed -n 's/.*name="version" value="\([0-9a-f]*\)".*/\1/p' | head -1)
original=$(cat "$work/$page")
times=()
for run in $(seq 0 "$runs"); do
  marker="latency-marker-$run-$RANDOM"
  printf '%s\n\n%s\n' "$original" "$marker" > "$work/edit.txt"
  start=$(date +%s%N)
  answer=$(curl -sf -b "$jar" -H "Origin: $base" -H "X-Studio-CSRF: $csrf" \
    --data-urlencode "site=$site" --data-urlencode "file=$page" --data-urlencode "version=$version" \
    --data-urlencode "text@$work/edit.txt" "$base/_studio/api/preview")
  frame=$(printf '%s' "$answer" | sed -n 's/.*"frame":"\([^"]*\)".*/\1/p' | sed 's#\\/#/#g')
  curl -sf -b "$jar" -o "$work/frame.html" "$base$frame"
  grep -q "$marker" "$work/frame.html" || { echo "run $run: the preview lacks the edit: $answer" >&2; exit 1; }
  end=$(date +%s%N)
  # Run 0 warms the preview workspace (its first mirror of the fleet) and is not counted.
  [ "$run" -gt 0 ] && times+=($(( (end - start) / 1000000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "runs (ms): ${times[*]}"
echo "median: ${sorted[$(( ${#sorted[@]} / 2 ))]} ms over $runs runs (edit of $page in $site, $binary)"
