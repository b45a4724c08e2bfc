#!/usr/bin/env bash
# Runs Wine's own loader (Debian wine64) on the PE binding fixtures and prints what it says about
# imports it cannot bind, to compare by eye with `nativeload tree --symbols --target windows-x86_64`.
# Wine binds a missing import to a stub and goes on ("No implementation for DLL.NAME"), where Windows
# refuses the load. Usage: scripts/pe-wine-loader-check.sh [PREFIX_DIR] (default: target/wineprefix).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
prefix="${1:-$here/target/wineprefix}"
wine="$(command -v wine64 || echo /usr/lib/wine/wine64)"
mkdir -p "$prefix"
cd "$here/testdata/pe/bind"
for exe in useall.exe clean.exe; do
    echo "== $exe"
    WINEPREFIX="$prefix" WINEDEBUG=warn+module,-all WINEDLLOVERRIDES="mscoree,mshtml=" \
        timeout 120 "$wine" "./$exe" 2>&1 | grep -E "No implementation|forward" | sed 's/^[0-9a-f]*://' || true
done
