#!/usr/bin/env bash
# Builds Showroom in release mode and then every site of the workspace into public/<site-id>/.
# Usage: scripts/build.sh [showroom build options…]   e.g. scripts/build.sh --site aurora-ev
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
swift build -c release --product showroom 2>&1 | grep -Ev '^\[[0-9]+/[0-9]+\]' || true
test -x .build/release/showroom || { echo "build: compiling Showroom failed" >&2; exit 1; }
exec .build/release/showroom build "$@"
