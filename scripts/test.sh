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
swift test --skip-build "$@"
