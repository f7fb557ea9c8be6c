#!/usr/bin/env bash
# Installs Debian's Chromium and its WebDriver (chromedriver) for the booking form's browser test, only when
# missing, and prints where they are. Usage: scripts/browser.sh
set -euo pipefail

missing=()
for package in chromium chromium-driver; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "browser: installing ${missing[*]}" >&2
    sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi
echo "chromium=$(command -v chromium)"
echo "chromedriver=$(command -v chromedriver)"
