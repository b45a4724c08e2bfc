#!/usr/bin/env bash
# Builds the PE/COFF fixtures from src/ with the mingw-w64 cross compilers (Debian packages
# gcc-mingw-w64-x86-64 and gcc-mingw-w64-i686). Output: mingw-x86_64/ (PE32+) and
# mingw-i686/ (PE32). Timestamps are left out so a rebuild gives the same bytes.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
src="$here/src"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

common=(-Os -s -Wl,--no-insert-timestamp)

build() {
    local triple="$1" out="$here/$2"
    local cc="$triple-gcc"
    local w="$work/$2"
    mkdir -p "$w" "$out"
    cd "$w"
    # dep.dll: plain __declspec(dllexport) functions and data.
    "$cc" "${common[@]}" -shared -o dep.dll "$src/dep.c" -Wl,--out-implib,libdep.dll.a
    # api.dll: imports dep.dll, KERNEL32.dll and msvcrt.dll.
    "$cc" "${common[@]}" -shared -o api.dll "$src/api.c" -L. -ldep
    # ordinal.dll: two exports by ordinal only (NONAME), one by name and ordinal.
    "$cc" "${common[@]}" -shared -o ordinal.dll "$src/ordinal.c" "$src/ordinal.def" \
        -Wl,--out-implib,libordinal.dll.a
    # forward.dll: forwarder exports to dep.dll and KERNEL32.dll.
    "$cc" "${common[@]}" -shared -o forward.dll "$src/forward.c" "$src/forward.def"
    # console.exe: console subsystem; imports dep.dll by name and ordinal.dll by ordinal.
    "$cc" "${common[@]}" -o console.exe "$src/console.c" -L. -ldep -lordinal
    # gui.exe: GUI subsystem.
    "$cc" "${common[@]}" -mwindows -o gui.exe "$src/gui.c"
    cp dep.dll api.dll ordinal.dll forward.dll console.exe gui.exe "$out/"
}

build x86_64-w64-mingw32 mingw-x86_64
build i686-w64-mingw32 mingw-i686
