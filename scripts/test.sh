#!/usr/bin/env bash
# Runs the whole test suite: installs what it needs (the build's libraries, plus nginx for the publish
# test and Chromium with its WebDriver for the booking form's browser test), starts a throwaway
# PostgreSQL server for the storage contract tests, runs `swift test`, and stops the server again.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh nginx chromium chromium-driver
if [ -x scripts/postgres.sh ]; then
    eval "$(scripts/postgres.sh start)"
    trap 'scripts/postgres.sh stop >/dev/null 2>&1 || true' EXIT
fi
swift build --build-tests 2>&1 | grep -Ev '^\[[0-9]+/[0-9]+\]' || true

# The example fleet's photos are made into their web sizes once, here, into the cache every test's copy of the
# fleet links to (Tests/ShowroomTestSupport/ExampleFleet.swift): otherwise the first tests that build the fleet
# would all resize the same photos at once, on a cold machine, and starve the rest of the suite.
variants="${TMPDIR:-/tmp}/showroom-test-photo-variants"
if [ -x .build/debug/showroom ]; then
    warm=$(mktemp -d)
    cp -r sites shared templates assets "$warm"/
    [ -f showroom.yaml ] && cp showroom.yaml "$warm"/
    mkdir -p "$warm/.showroom/cache" "$variants"
    ln -s "$variants" "$warm/.showroom/cache/variants"
    echo "test: making the example fleet's photo sizes (once per machine)"
    .build/debug/showroom build --workspace "$warm" --quiet > /dev/null || true
    rm -rf "$warm"
fi
swift test --skip-build "$@"
