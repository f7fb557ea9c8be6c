#!/usr/bin/env bash
# Incremental build: how long `showroom build` of the whole benchmark corpus takes after a one-page edit.
#
# Copies the corpus (Benchmarks/build-vs-hugo.py --generate-only makes it) to a temporary folder, builds it
# once (cold), then RUNS times appends a line to one news page of a random site and builds again, timing
# each build as a whole process. Prints each run's seconds, what the build rendered, and the median.
# Needs bash, GNU time (/usr/bin/time) and a built showroom (scripts/build.sh).
#
#   Benchmarks/incremental-build.sh [RUNS] [CORPUS]
#   Benchmarks/incremental-build.sh 9 Benchmarks/corpus/25x2000-seed1/showroom
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-9}
corpus=${2:-Benchmarks/corpus/25x2000-seed1/showroom}
binary=${SHOWROOM:-.build/release/showroom}
[ -x "$binary" ] || { echo "no $binary; run scripts/build.sh first (or set SHOWROOM=path)" >&2; exit 1; }
[ -d "$corpus/sites" ] || { echo "no corpus at $corpus; run python3 Benchmarks/build-vs-hugo.py --generate-only" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install -y time" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$corpus"/. "$work"/
rm -rf "$work/.showroom"

started=$(date +%s%N)
"$binary" build --workspace "$work" --output "$work/public" --quiet > /dev/null
echo "cold build: $(( ($(date +%s%N) - started) / 1000000 )) ms"
sleep 3  # stamps younger than two seconds are compared by content; let the copy age as a real checkout would

sites=($(ls "$work/sites"))
times=()
for run in $(seq 1 "$runs"); do
  site=${sites[$(( RANDOM % ${#sites[@]} ))]}
  pages=($(ls "$work/sites/$site/content/news"))
  page="sites/$site/content/news/${pages[$(( 1 + RANDOM % (${#pages[@]} - 1) ))]}"
  printf '\nEdited in run %s.\n' "$run" >> "$work/$page"
  /usr/bin/time -f "%e" -o "$work/time.txt" "$binary" build --workspace "$work" --output "$work/public" --quiet > "$work/build.txt"
  seconds=$(cat "$work/time.txt")
  times+=("$seconds")
  echo "run $run: $seconds s, $page: $(grep -o 'Rendered [0-9]* pages; kept [0-9]*' "$work/build.txt" || echo 'no summary')"
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "median: ${sorted[$(( ${#sorted[@]} / 2 ))]} s over $runs one-page edits ($corpus, $binary)"
