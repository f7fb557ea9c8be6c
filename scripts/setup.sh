#!/usr/bin/env bash
# Installs what building Showroom needs on a Debian machine, only when it is missing.
# Usage: scripts/setup.sh [extra Debian packages…]
set -euo pipefail

if ! command -v swift >/dev/null 2>&1 && [ -x /opt/swift/usr/bin/swift ]; then
    export PATH="/opt/swift/usr/bin:$PATH"
fi
command -v swift >/dev/null 2>&1 || { echo "setup: the Swift toolchain (6.0 or later) is not installed" >&2; exit 1; }

wanted=(pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libxml2-dev libvips-dev "$@")
missing=()
for package in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}"
    sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi
