#!/usr/bin/env bash
# Builds Showroom in release mode, puts `showroom` on the PATH, and then builds every site of the workspace
# into public/<site-id>/.
# Usage: scripts/build.sh [showroom build options…]   e.g. scripts/build.sh --site aurora --drafts
# SHOWROOM_NO_INSTALL=1 leaves the PATH alone.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
if [ ! -x .build/release/showroom ]; then
    echo "Compiling Showroom (release). The first time this takes about 15-20 minutes on a 2-core machine"
    echo "(it compiles the web server and database libraries too); later builds take seconds."
fi
tty=0; [ -t 2 ] && tty=1
swift build -c release --product showroom 2>&1 | awk -v tty="$tty" -f scripts/progress.awk || true
[ "$tty" = 1 ] && echo >&2
test -x .build/release/showroom || { echo "build: compiling Showroom failed (the lines above say why)" >&2; exit 1; }

# `showroom` on the PATH, so every command in the README runs as written: a link to this build in the first
# of /usr/local/bin (when writable) or ~/.local/bin.
if [ "${SHOWROOM_NO_INSTALL:-}" != 1 ]; then
    binary="$(pwd)/.build/release/showroom"
    bin=/usr/local/bin
    [ -w "$bin" ] || { bin="$HOME/.local/bin"; mkdir -p "$bin"; }
    if [ "$(readlink "$bin/showroom" 2>/dev/null)" != "$binary" ]; then
        ln -sf "$binary" "$bin/showroom"
        echo "Installed: $bin/showroom -> $binary"
    fi
    case ":$PATH:" in
        *":$bin:"*) ;;
        *) echo "Note: $bin is not on your PATH; add it (echo 'export PATH=\"$bin:\$PATH\"' >> ~/.bashrc) or run .build/release/showroom" ;;
    esac
fi
exec .build/release/showroom build "$@"
