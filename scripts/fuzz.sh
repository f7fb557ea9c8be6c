#!/usr/bin/env bash
# Builds Showroom's libFuzzer targets (Fuzz/) and runs them, one after another.
# Usage: scripts/fuzz.sh [TARGET|all] [SECONDS per target, default 600]
# TARGET is one of: FrontMatter HTMLRewriter Markdown EventsPayload BookingForm AccessLog.
# The growing corpus and any crash files go to .build-fuzz/; the committed seeds are Fuzz/Seeds/<TARGET>/.
# Prints one line per target: executions, corpus size, crashes. Exits non-zero when a target crashed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${2:-600}"
targets=(FrontMatter HTMLRewriter Markdown EventsPayload BookingForm AccessLog)
if [ -n "${1:-}" ] && [ "$1" != all ]; then targets=("$1"); fi
set --  # setup.sh takes extra packages from its arguments
source scripts/setup.sh

# libFuzzer's runtime without `main`, from the Swift toolchain's clang.
fuzzer_runtime() {
    find "$(dirname "$(dirname "$(command -v swift)")")/lib" -name 'libclang_rt.fuzzer_no_main-x86_64.a' | head -1
}

export SHOWROOM_FUZZ=1
export SWIFT_BACKTRACE=enable=no  # libFuzzer and AddressSanitizer report crashes themselves
scratch=.build-fuzz
status=0
for target in "${targets[@]}"; do
    product="Fuzz$target"
    # AddressSanitizer with libFuzzer's coverage hooks, and libFuzzer without its own `main` (SwiftPM gives an
    # executable's `main` to its module). Debug, so the collector's internal decoders are reachable with
    # @testable import.
    swift build --scratch-path "$scratch" --product "$product" -Xswiftc -sanitize=address \
        -Xswiftc -sanitize-coverage=edge,trace-cmp,inline-8bit-counters,pc-table \
        -Xlinker "$(fuzzer_runtime)" -Xlinker -lstdc++ 2>&1 | grep -Ev '^\[[0-9]+/[0-9]+\]|unhandled|CMakeLists|Cannot export local symbol|^(Fetch|Comput|Creat|Working copy)' || true
    corpus="$scratch/corpus/$target"
    crashes="$scratch/crashes/$target/"
    mkdir -p "$corpus" "$crashes"
    log="$scratch/$target.log"
    set +e
    "$scratch/debug/$product" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
        -artifact_prefix="$crashes" "$corpus" "Fuzz/Seeds/$target" >"$log" 2>&1
    code=$?
    set -e
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    found=$(find "$crashes" -type f | wc -l)
    echo "$target: $runs executions in ${seconds}s, corpus $(ls "$corpus" | wc -l) files, $found crash files (exit $code, log $log)"
    if [ "$code" -ne 0 ] || [ "$found" -ne 0 ]; then status=1; fi
done
exit "$status"
