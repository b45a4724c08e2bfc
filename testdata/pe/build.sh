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

# bind/: a tree whose imports do not all bind (tree --symbols). Built without the C runtime
# (-nostdlib, entry point start) so the tree holds only these DLLs. Consumers link against import
# libraries made from .def files that promise more than the shipped DLLs export.
bind() {
    local triple=x86_64-w64-mingw32 out="$here/bind" w="$work/bind" b="$src/bind"
    local cc=("$triple-gcc" "${common[@]}" -nostdlib)
    mkdir -p "$w" "$out"
    cd "$w"
    # foo.dll v1 exports f1; foo-v2.def (f1, f2) is what consumers link against.
    "${cc[@]}" -shared -Wl,--entry,0 -o foo.dll "$b/foo.c"
    "$triple-dlltool" -d "$b/foo-v2.def" -l libfoo-v2.a
    # ords.dll exports ordinals 1 and 2 only; ords-link.def promises 1 and 7.
    "${cc[@]}" -shared -Wl,--entry,0 -o ords.dll "$b/ords.c" "$b/ords.def"
    "$triple-dlltool" -d "$b/ords-link.def" -l libords-link.a
    # fwda.dll forwards g and h to fwdb.dll (which has only g, ordinal 1), k to fwdb.#1, l to loopb.dll;
    # loopb.dll forwards l back to fwda.dll.
    "${cc[@]}" -shared -Wl,--entry,0 -o fwdb.dll "$b/fwdb.c" "$b/fwdb.def"
    "${cc[@]}" -shared -Wl,--entry,0 -o fwda.dll "$b/fwda.c" "$b/fwda.def"
    "${cc[@]}" -shared -Wl,--entry,0 -o loopb.dll "$b/loopb.c" "$b/loopb.def"
    "$triple-dlltool" -d "$b/fwda-link.def" -l libfwda-link.a
    "${cc[@]}" -Wl,--entry,start -o useall.exe "$b/useall.c" libfoo-v2.a libords-link.a libfwda-link.a
    "${cc[@]}" -Wl,--entry,start -o clean.exe "$b/clean.c" libfoo-v2.a libords-link.a libfwda-link.a
    # apiset.exe imports Sleep and NoSuchSynchFunction from the contract api-ms-win-core-synch-l1-2-0.dll.
    "$triple-dlltool" -d "$b/apiset.def" -l libapiset.a
    "${cc[@]}" -Wl,--entry,start -o apiset.exe "$b/apiset.c" libapiset.a
    # lazy.exe delay-loads foo.dll. GNU ld leaves the delay import directory entry zero, so it links
    # with clang + lld, whose --delayload needs a short import library (llvm-dlltool).
    "${LLVM_DLLTOOL:-llvm-dlltool-14}" -m i386:x86-64 -d "$b/foo-v2.def" -l libfoo-v2.short.a
    clang --target=$triple -fuse-ld=lld -Os -s -nostdlib -Wl,--no-insert-timestamp -Wl,--entry,start \
        -o lazy.exe "$b/lazy.c" libfoo-v2.short.a -Wl,--delayload=foo.dll
    cp foo.dll ords.dll fwda.dll fwdb.dll loopb.dll useall.exe clean.exe lazy.exe apiset.exe "$out/"
}

bind
