#!/usr/bin/env bash
# Builds the Mach-O fixtures from src/ with clang, ld64.lld and llvm-lipo (no Apple SDK needed).
# Idempotent: the same toolchain gives the same bytes. Run from anywhere; writes next to itself.
#
#   <arch>-<os><min>/libdep.dylib     @rpath/libdep.dylib, current 1.2.3, compatibility 1.0.0
#   <arch>-<os><min>/libweak.dylib    @rpath/libweak.dylib
#   <arch>-<os><min>/libreexp.dylib   @rpath/libreexp.dylib
#   <arch>-<os><min>/libfoo.dylib     @rpath/libfoo.1.dylib, current 2.4.1, compatibility 2.0.0;
#                                     needs libdep (LOAD), libweak (WEAK), libreexp (REEXPORT);
#                                     rpaths @loader_path/../lib, @executable_path/../Frameworks
#   <arch>-<os><min>/hello            MH_EXECUTE (LC_MAIN, LC_LOAD_DYLINKER) needing libdep and libSystem;
#                                     (lld cannot link an executable against libfoo: it fails to find
#                                     the @rpath re-export at link time)
#   x86_64-macos10.15/plugin.bundle   MH_BUNDLE;   x86_64-macos10.15/foo.o  MH_OBJECT
#   x86_64-macos10.12/libold.dylib    LC_VERSION_MIN_MACOSX instead of LC_BUILD_VERSION
#   arm64_32-watchos5/libfoo.dylib    a 32-bit Mach-O (MH_MAGIC, CPU_TYPE_ARM64_32) for watchOS
#   fat/libfoo.dylib                  universal (0xcafebabe) of the arm64 and x86_64 libfoo
#   fat64/libfoo.dylib                the same with a 64-bit fat header (0xcafebabf), made by src/fat64.c
#
#   binding/<arch>-<os><min>/         symbol binding (tree --symbols): libuser imports f1, f2 and weak f3 from
#                                     @rpath/libzoo.dylib, linked against version 2 (f1 f2 f3) but shipped
#                                     with version 1 (f1 only); libreuser imports u1 and g1 from libumbrella,
#                                     which re-exports libinner (g1's definer); v2/ holds libzoo version 2
#                                     and a copy of libuser, which binds cleanly there.
#                                     arm64-macos12: chained fixups (ld64.lld-16 -fixup_chains), and libflat,
#                                     libuser linked -flat_namespace; x86_64-macos10.15: LC_DYLD_INFO bind and
#                                     lazy bind opcodes, linked against the libSystem stand-in (dyld_stub_binder)
#
# libSystem.B.dylib is not available without an SDK; hello links against src/system.c built
# under the install name /usr/lib/libSystem.B.dylib (kept in the build directory, not committed).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
src="$here/src"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

CLANG="${CLANG:-clang-14}"
LD="${LD64:-ld64.lld-14}"
LIPO="${LIPO:-llvm-lipo-14}"
# lld 14 cannot write chained fixups (-fixup_chains came in lld 15).
LD16="${LD64_16:-ld64.lld-16}"

# build <arch> <target triple> <platform> <min> <sdk> <out dir>
build() {
    local arch="$1" triple="$2" platform="$3" min="$4" sdk="$5" out="$here/$6"
    local w="$work/$6"
    mkdir -p "$w" "$out"
    local ld=("$LD" -arch "$arch" -platform_version "$platform" "$min" "$sdk")
    for c in dep weak reexp foo main system; do
        (cd "$src" && "$CLANG" --target="$triple" -O1 -fPIC -c "$c.c" -o "$w/$c.o")
    done
    "${ld[@]}" -dylib -install_name /usr/lib/libSystem.B.dylib -current_version 1311 -compatibility_version 1 \
        -o "$w/libSystem.B.dylib" "$w/system.o"
    "${ld[@]}" -dylib -install_name @rpath/libdep.dylib -current_version 1.2.3 -compatibility_version 1.0 \
        -o "$out/libdep.dylib" "$w/dep.o"
    "${ld[@]}" -dylib -install_name @rpath/libweak.dylib -o "$out/libweak.dylib" "$w/weak.o"
    "${ld[@]}" -dylib -install_name @rpath/libreexp.dylib -current_version 3.0 -compatibility_version 3.0 \
        -o "$out/libreexp.dylib" "$w/reexp.o"
    "${ld[@]}" -dylib -install_name @rpath/libfoo.1.dylib -current_version 2.4.1 -compatibility_version 2.0 \
        -rpath @loader_path/../lib -rpath @executable_path/../Frameworks \
        -o "$out/libfoo.dylib" "$w/foo.o" "$out/libdep.dylib" -weak_library "$out/libweak.dylib" \
        -reexport_library "$out/libreexp.dylib" -U dyld_stub_binder
    "${ld[@]}" -execute -e _main -rpath @executable_path/../lib \
        -o "$out/hello" "$w/main.o" "$out/libdep.dylib" "$w/libSystem.B.dylib"
}

build arm64 arm64-apple-macos11 macos 11.0 11.0 arm64-macos11
build x86_64 x86_64-apple-macos10.15 macos 10.15 10.15 x86_64-macos10.15
build arm64_32 arm64_32-apple-watchos5 watchos 5.0 5.0 arm64_32-watchos5
# Only libfoo (and what it needs at link time) is kept for watchOS, to keep the fixtures small.
rm -f "$here/arm64_32-watchos5/hello" "$here/arm64_32-watchos5/libdep.dylib" \
      "$here/arm64_32-watchos5/libweak.dylib" "$here/arm64_32-watchos5/libreexp.dylib"

x="$work/x86_64-macos10.15"
(cd "$src" && "$CLANG" --target=x86_64-apple-macos10.15 -O1 -fPIC -c plugin.c -o "$x/plugin.o")
"$LD" -arch x86_64 -platform_version macos 10.15 10.15 -bundle -o "$here/x86_64-macos10.15/plugin.bundle" "$x/plugin.o"
cp "$x/foo.o" "$here/x86_64-macos10.15/foo.o"

mkdir -p "$work/old" "$here/x86_64-macos10.12"
(cd "$src" && "$CLANG" --target=x86_64-apple-macos10.12 -O1 -fPIC -c dep.c -o "$work/old/dep.o")
"$LD" -arch x86_64 -platform_version macos 10.12 10.13 -dylib -install_name /usr/local/lib/libold.dylib \
    -current_version 5.6.7 -compatibility_version 5.0 -o "$here/x86_64-macos10.12/libold.dylib" "$work/old/dep.o"

mkdir -p "$here/fat" "$here/fat64"
"$LIPO" -create "$here/arm64-macos11/libfoo.dylib" "$here/x86_64-macos10.15/libfoo.dylib" \
    -output "$here/fat/libfoo.dylib"
cc -O1 -o "$work/fat64" "$src/fat64.c"
"$work/fat64" "$here/fat/libfoo.dylib" "$here/fat64/libfoo.dylib"

# binding <arch> <triple> <min> <out dir> [extra linker flags...]
binding() {
    local arch="$1" triple="$2" min="$3" out="$here/binding/$4" w="$work/binding/$4"
    shift 4
    mkdir -p "$w" "$out/v2"
    local ld=("$LD16" -arch "$arch" -platform_version macos "$min" "$min" "$@")
    for c in zoo1 zoo2 user inner umbrella reuser system; do
        (cd "$src" && "$CLANG" --target="$triple" -O1 -fPIC -c "$c.c" -o "$w/$c.o")
    done
    local system=()
    if [[ " $* " != *" -fixup_chains "* ]]; then
        # Lazy binding needs dyld_stub_binder, which libSystem defines.
        "${ld[@]}" -dylib -install_name /usr/lib/libSystem.B.dylib -o "$w/libSystem.B.dylib" "$w/system.o"
        system=("$w/libSystem.B.dylib")
    fi
    "${ld[@]}" -dylib -install_name @rpath/libzoo.dylib -o "$out/v2/libzoo.dylib" "$w/zoo2.o"
    "${ld[@]}" -dylib -install_name @rpath/libzoo.dylib -o "$out/libzoo.dylib" "$w/zoo1.o"
    "${ld[@]}" -dylib -install_name @rpath/libuser.dylib -rpath @loader_path \
        -o "$out/libuser.dylib" "$w/user.o" "$out/v2/libzoo.dylib" "${system[@]}"
    cp "$out/libuser.dylib" "$out/v2/libuser.dylib"
    "${ld[@]}" -dylib -install_name @loader_path/libinner.dylib -o "$out/libinner.dylib" "$w/inner.o"
    "${ld[@]}" -dylib -install_name @rpath/libumbrella.dylib -rpath @loader_path \
        -o "$out/libumbrella.dylib" "$w/umbrella.o" -reexport_library "$out/libinner.dylib"
    "${ld[@]}" -dylib -install_name @rpath/libreuser.dylib -rpath @loader_path \
        -o "$out/libreuser.dylib" "$w/reuser.o" "$out/libumbrella.dylib" "${system[@]}"
    if [[ " $* " == *" -fixup_chains "* ]]; then
        "${ld[@]}" -dylib -flat_namespace -install_name @rpath/libflat.dylib -rpath @loader_path \
            -o "$out/libflat.dylib" "$w/user.o" "$out/v2/libzoo.dylib"
    fi
}

binding arm64 arm64-apple-macos12 12.0 arm64-macos12 -fixup_chains
binding x86_64 x86_64-apple-macos10.15 10.15 x86_64-macos10.15

echo "built Mach-O fixtures under $here"
