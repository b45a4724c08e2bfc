#!/usr/bin/env bash
# Builds the resolver fixtures from src/: small ELF programs and libraries laid out in directory
# trees, one tree per search rule, plus a dyld @rpath stack (clang + ld64.lld) and a Windows tree
# (mingw-w64). Run from anywhere; writes next to itself. Every path inside the binaries is relative
# ($ORIGIN, @loader_path, @executable_path), so the trees work wherever the repository is.
#
# elf/order/        libdep.so in rpath/, llp/, runpath/ (three copies, one SONAME);
#                   app_rpath (DT_RPATH $ORIGIN/rpath, --disable-new-dtags),
#                   app_runpath (DT_RUNPATH $ORIGIN/runpath, --enable-new-dtags)
# elf/inherit/      lib/libchild.so needs lib/libgrand.so (no run path of its own);
#                   app_rpath (DT_RPATH $ORIGIN/lib), app_runpath (DT_RUNPATH $ORIGIN/lib)
# elf/origin/       real/liblink.so (DT_RUNPATH $ORIGIN) needs libside.so; linkdir/liblink.so is a
#                   symlink to ../real/liblink.so and linkdir/libside.so exists only there;
#                   app (DT_RUNPATH $ORIGIN/linkdir) needs liblink.so
# elf/nodeflib/     lib/libnodef.so (DF_1_NODEFLIB, set with patchelf) needs libm.so.6; app (DT_RUNPATH $ORIGIN/lib) needs libnodef.so
# elf/hwcaps/       lib/libhw.so and lib/glibc-hwcaps/x86-64-v2/libhw.so; app (DT_RUNPATH $ORIGIN/lib)
# elf/wrongclass/   i386/libwc.so (ELFCLASS32), arm64/libwc.so (EM_AARCH64), good/libwc.so;
#                   app (DT_RUNPATH $ORIGIN/i386:$ORIGIN/arm64:$ORIGIN/good)
# elf/cwd/          libcwd.so and app (no run path) needing it
# elf/secure/       lib/libsec.so (DT_RUNPATH $ORIGIN) needs libsecdep.so, also in lib/;
#                   app (DT_RPATH $ORIGIN/lib, --disable-new-dtags) needs libsec.so
# elf/cache/        a/libcv.so.1.0 and b/libcv.so.1.5 (SONAME libcv.so.1), b/libcv.so.2.0 (SONAME
#                   libcv.so.2), a/glibc-hwcaps/x86-64-v2/libcv.so.1.1, i386/libcv.so.1.9 (ELFCLASS32);
#                   app needs libcv.so.1 (the test builds an ld.so.cache over copies with ldconfig)
# elf/cycle/        liba.so needs libb.so needs liba.so (both DT_RUNPATH $ORIGIN); app needs liba.so
# elf/musl/         lib/libm1.so needs libm2.so (both musl-gcc); app (musl, DT_RUNPATH $ORIGIN/lib)
# macho/            bin/app (LC_RPATH @executable_path/../lib) needs @rpath/libone.dylib and
#                   /usr/lib/libSystem.B.dylib; lib/libone.dylib (LC_RPATH @loader_path/../missing,
#                   @loader_path/../deep) needs @rpath/libtwo.dylib, @loader_path/libld.dylib and
#                   @executable_path/../lib/libexe.dylib; deep/libtwo.dylib (no LC_RPATH) needs
#                   @rpath/libthree.dylib, found only through bin/app's LC_RPATH (arm64, macOS 11)
# macho/fw/         bin/fwapp (LC_RPATH @executable_path/../Frameworks) needs
#                   @rpath/Foo.framework/Versions/A/Foo (in Frameworks/, with the Versions/Current and
#                   top-level Foo symlinks), @rpath/Bar.framework/Bar (a flat framework only in
#                   Fallback/), /System/Library/Frameworks/CoreFoundation.framework/Versions/A/CoreFoundation
#                   and /usr/lib/libSystem.B.dylib (stand-ins, not committed); override/ holds a second
#                   Foo.framework for DYLD_FRAMEWORK_PATH
# windows/          app/app.exe imports dep.dll (app/), pathdep.dll (an i686 copy in app/, the
#                   x86_64 one in path/), api-ms-win-core-resolvedemo-l1-1-0.dll, KERNEL32.dll and
#                   msvcrt.dll; sys32/ holds stand-ins kernel32.dll and msvcrt.dll built from src/stub.c;
#                   app/delayapp.exe imports middle.dll and delay-loads delaydep.dll and delaymissing.dll
#                   (built nowhere); app/middle.dll imports delaydep.dll and delay-loads dep.dll
#                   (linked by clang + lld with --delayload)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
src="$here/src"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

CC="${CC:-gcc}"
lib() { # lib <out> <soname> <value> [extra args...]
    local out="$1" soname="$2" value="$3"; shift 3
    mkdir -p "$(dirname "$out")"
    "$CC" -shared -fPIC -O1 -DLIBVAL="$value" -Wl,-soname,"$soname" -o "$out" "$src/lib.c" "$@"
}
app() { # app <out> [link args...]
    local out="$1"; shift
    mkdir -p "$(dirname "$out")"
    "$CC" -O1 -o "$out" "$src/main.c" -Wl,--no-as-needed "$@"
}

e="$here/elf"
rm -rf "$e" "$here/macho" "$here/windows"

# order
for d in rpath llp runpath; do lib "$e/order/$d/libdep.so" libdep.so "${#d}"; done
app "$e/order/app_rpath" -L"$e/order/rpath" -l:libdep.so -Wl,--disable-new-dtags -Wl,-rpath,'$ORIGIN/rpath'
app "$e/order/app_runpath" -L"$e/order/runpath" -l:libdep.so -Wl,--enable-new-dtags -Wl,-rpath,'$ORIGIN/runpath'

# inherit
lib "$e/inherit/lib/libgrand.so" libgrand.so 2
lib "$e/inherit/lib/libchild.so" libchild.so 1 -Wl,--no-as-needed -L"$e/inherit/lib" -l:libgrand.so
app "$e/inherit/app_rpath" -L"$e/inherit/lib" -l:libchild.so -Wl,-rpath-link,"$e/inherit/lib" \
    -Wl,--disable-new-dtags -Wl,-rpath,'$ORIGIN/lib'
app "$e/inherit/app_runpath" -L"$e/inherit/lib" -l:libchild.so -Wl,-rpath-link,"$e/inherit/lib" \
    -Wl,--enable-new-dtags -Wl,-rpath,'$ORIGIN/lib'

# origin
lib "$e/origin/linkdir/libside.so" libside.so 3
lib "$e/origin/real/liblink.so" liblink.so 4 -Wl,--no-as-needed -L"$e/origin/linkdir" -l:libside.so \
    -Wl,--enable-new-dtags -Wl,-rpath,'$ORIGIN'
ln -s ../real/liblink.so "$e/origin/linkdir/liblink.so"
app "$e/origin/app" -L"$e/origin/linkdir" -l:liblink.so -Wl,-rpath-link,"$e/origin/linkdir" \
    -Wl,--enable-new-dtags -Wl,-rpath,'$ORIGIN/linkdir'

# nodeflib
lib "$e/nodeflib/lib/libnodef.so" libnodef.so 5 -Wl,--no-as-needed -lm
patchelf --no-default-lib "$e/nodeflib/lib/libnodef.so" # GNU ld ignores -z nodeflib on Linux: DF_1_NODEFLIB
app "$e/nodeflib/app" -L"$e/nodeflib/lib" -l:libnodef.so -Wl,--enable-new-dtags -Wl,-rpath,'$ORIGIN/lib'

# hwcaps
lib "$e/hwcaps/lib/libhw.so" libhw.so 6
lib "$e/hwcaps/lib/glibc-hwcaps/x86-64-v2/libhw.so" libhw.so 62
app "$e/hwcaps/app" -L"$e/hwcaps/lib" -l:libhw.so -Wl,--enable-new-dtags -Wl,-rpath,'$ORIGIN/lib'

# wrong class and machine first on the path
mkdir -p "$e/wrongclass/i386" "$e/wrongclass/arm64"
i686-linux-gnu-gcc -shared -fPIC -O1 -Wl,-soname,libwc.so -o "$e/wrongclass/i386/libwc.so" "$src/lib.c"
aarch64-linux-gnu-gcc -shared -fPIC -O1 -Wl,-soname,libwc.so -o "$e/wrongclass/arm64/libwc.so" "$src/lib.c"
lib "$e/wrongclass/good/libwc.so" libwc.so 7
app "$e/wrongclass/app" -L"$e/wrongclass/good" -l:libwc.so -Wl,--enable-new-dtags \
    -Wl,-rpath,'$ORIGIN/i386:$ORIGIN/arm64:$ORIGIN/good'

# current directory
lib "$e/cwd/libcwd.so" libcwd.so 8
app "$e/cwd/app" -L"$e/cwd" -l:libcwd.so

# secure mode
lib "$e/secure/lib/libsecdep.so" libsecdep.so 9
lib "$e/secure/lib/libsec.so" libsec.so 10 -Wl,--no-as-needed -L"$e/secure/lib" -l:libsecdep.so \
    -Wl,--enable-new-dtags -Wl,-rpath,'$ORIGIN'
app "$e/secure/app" -L"$e/secure/lib" -l:libsec.so -Wl,-rpath-link,"$e/secure/lib" \
    -Wl,--disable-new-dtags -Wl,-rpath,'$ORIGIN/lib'

# cache
lib "$e/cache/a/libcv.so.1.0" libcv.so.1 10
lib "$e/cache/a/glibc-hwcaps/x86-64-v2/libcv.so.1.1" libcv.so.1 11
lib "$e/cache/b/libcv.so.1.5" libcv.so.1 15
lib "$e/cache/b/libcv.so.2.0" libcv.so.2 20
mkdir -p "$e/cache/i386"
i686-linux-gnu-gcc -shared -fPIC -O1 -Wl,-soname,libcv.so.1 -o "$e/cache/i386/libcv.so.1.9" "$src/lib.c"
app "$e/cache/app" -L"$e/cache/a" -l:libcv.so.1.0

# cycle: liba.so needs libb.so needs liba.so
lib "$e/cycle/liba.so" liba.so 12
lib "$e/cycle/libb.so" libb.so 13 -Wl,--no-as-needed -L"$e/cycle" -l:liba.so -Wl,--enable-new-dtags -Wl,-rpath,'$ORIGIN'
lib "$e/cycle/liba.so" liba.so 12 -Wl,--no-as-needed -L"$e/cycle" -l:libb.so -Wl,--enable-new-dtags -Wl,-rpath,'$ORIGIN'
app "$e/cycle/app" -L"$e/cycle" -l:liba.so -Wl,-rpath-link,"$e/cycle" -Wl,--enable-new-dtags -Wl,-rpath,'$ORIGIN'

# musl
mkdir -p "$e/musl/lib"
musl-gcc -shared -fPIC -O1 -Wl,-soname,libm2.so -o "$e/musl/lib/libm2.so" "$src/lib.c"
musl-gcc -shared -fPIC -O1 -Wl,-soname,libm1.so -o "$e/musl/lib/libm1.so" "$src/lib.c" \
    -Wl,--no-as-needed -L"$e/musl/lib" -l:libm2.so
musl-gcc -O1 -o "$e/musl/app" "$src/main.c" -Wl,--no-as-needed -L"$e/musl/lib" -l:libm1.so \
    -Wl,-rpath-link,"$e/musl/lib" -Wl,--enable-new-dtags -Wl,-rpath,'$ORIGIN/lib'

# dyld @rpath stack (arm64, macOS 11)
m="$here/macho"
mkdir -p "$m/bin" "$m/lib" "$m/deep" "$work/m"
CLANG="${CLANG:-clang-14}"
LD64="${LD64:-ld64.lld-14}"
ld64=("$LD64" -arch arm64 -platform_version macos 11.0 11.0 -U dyld_stub_binder)
for c in machomain machoone machotwo machothree stub; do
    "$CLANG" --target=arm64-apple-macos11 -O1 -fPIC -c "$src/$c.c" -o "$work/m/$c.o"
done
"${ld64[@]}" -dylib -install_name /usr/lib/libSystem.B.dylib -o "$work/m/libSystem.B.dylib" "$work/m/stub.o"
"${ld64[@]}" -dylib -install_name @rpath/libthree.dylib -o "$m/lib/libthree.dylib" "$work/m/machothree.o"
"${ld64[@]}" -dylib -install_name @rpath/libtwo.dylib -o "$m/deep/libtwo.dylib" "$work/m/machotwo.o" \
    "$m/lib/libthree.dylib"
"${ld64[@]}" -dylib -install_name @loader_path/libld.dylib -o "$m/lib/libld.dylib" "$work/m/stub.o"
"${ld64[@]}" -dylib -install_name @executable_path/../lib/libexe.dylib -o "$m/lib/libexe.dylib" "$work/m/stub.o"
"${ld64[@]}" -dylib -install_name @rpath/libone.dylib -rpath @loader_path/../missing -rpath @loader_path/../deep \
    -o "$m/lib/libone.dylib" "$work/m/machoone.o" "$m/deep/libtwo.dylib" "$m/lib/libld.dylib" "$m/lib/libexe.dylib"
"${ld64[@]}" -execute -e _main -rpath @executable_path/../lib -o "$m/bin/app" "$work/m/machomain.o" \
    "$m/lib/libone.dylib" "$work/m/libSystem.B.dylib"

# dyld frameworks (arm64, macOS 11)
f="$m/fw"
for c in machofoo machobar machofwmain; do
    "$CLANG" --target=arm64-apple-macos11 -O1 -fPIC -c "$src/$c.c" -o "$work/m/$c.o"
done
for d in Frameworks override; do
    mkdir -p "$f/$d/Foo.framework/Versions/A"
    "${ld64[@]}" -dylib -install_name @rpath/Foo.framework/Versions/A/Foo -o "$f/$d/Foo.framework/Versions/A/Foo" \
        "$work/m/machofoo.o"
    ln -s A "$f/$d/Foo.framework/Versions/Current"
    ln -s Versions/Current/Foo "$f/$d/Foo.framework/Foo"
done
mkdir -p "$f/Fallback/Bar.framework" "$f/bin"
"${ld64[@]}" -dylib -install_name @rpath/Bar.framework/Bar -o "$f/Fallback/Bar.framework/Bar" "$work/m/machobar.o"
"${ld64[@]}" -dylib -install_name /System/Library/Frameworks/CoreFoundation.framework/Versions/A/CoreFoundation \
    -o "$work/m/CoreFoundation" "$work/m/stub.o"
"${ld64[@]}" -execute -e _main -rpath @executable_path/../Frameworks -o "$f/bin/fwapp" "$work/m/machofwmain.o" \
    "$f/Frameworks/Foo.framework/Versions/A/Foo" "$f/Fallback/Bar.framework/Bar" "$work/m/CoreFoundation" \
    "$work/m/libSystem.B.dylib"

# Windows tree (x86_64, one i686 decoy)
w="$here/windows"
mkdir -p "$w/app" "$w/path" "$w/sys32" "$work/w"
MINGW=x86_64-w64-mingw32
# Reproducible PE files: no symbol table naming temp files, no time stamp, and a fixed image base (gcc's
# spec turns on --enable-auto-image-base for DLLs, which hashes the output path into the image base).
NOTS="-s -Wl,--no-insert-timestamp -Wl,--disable-auto-image-base"
$MINGW-gcc -shared -O1 $NOTS -DDEPNAME=dep_value -o "$w/app/dep.dll" "$src/windep.c" -Wl,--out-implib,"$work/w/libdep.a"
$MINGW-gcc -shared -O1 $NOTS -DDEPNAME=pathdep_value -o "$w/path/pathdep.dll" "$src/windep.c" \
    -Wl,--out-implib,"$work/w/libpathdep.a"
i686-w64-mingw32-gcc -shared -O1 $NOTS -DDEPNAME=pathdep_value -o "$w/app/pathdep.dll" "$src/windep.c"
$MINGW-dlltool -d "$src/apiset.def" -l "$work/w/libapiset.a"
$MINGW-gcc -O1 $NOTS -o "$w/app/app.exe" "$src/winapp.c" "$work/w/libdep.a" "$work/w/libpathdep.a" "$work/w/libapiset.a"
$MINGW-gcc -shared -nostdlib -O1 $NOTS -o "$w/sys32/kernel32.dll" "$src/stub.c" -Wl,--entry,0
$MINGW-gcc -shared -nostdlib -O1 $NOTS -o "$w/sys32/msvcrt.dll" "$src/stub.c" -Wl,--entry,0

# delay-load imports: GNU ld (2.40) lays out dlltool --output-delaylib tables but leaves the delay import
# directory entry zero, so these link with lld, whose --delayload needs short import libraries (llvm-dlltool)
CLANG_MINGW=("$CLANG" --target=$MINGW -fuse-ld=lld -L"$(dirname "$($MINGW-gcc -print-libgcc-file-name)")" -O1 -s
    -Wl,--no-insert-timestamp)
$MINGW-gcc -shared -O1 $NOTS -DDEPNAME=delaydep_value -o "$w/app/delaydep.dll" "$src/windep.c"
for d in dep delaydep delaymissing; do
    "${LLVM_DLLTOOL:-llvm-dlltool-14}" -m i386:x86-64 -d "$src/$d.def" -l "$work/w/lib$d.short.a"
done
"${CLANG_MINGW[@]}" -shared -o "$w/app/middle.dll" "$src/winmiddle.c" "$work/w/libdelaydep.short.a" \
    "$work/w/libdep.short.a" -Wl,--delayload=dep.dll -Wl,--out-implib,"$work/w/libmiddle.a"
"${CLANG_MINGW[@]}" -o "$w/app/delayapp.exe" "$src/windelayapp.c" "$work/w/libmiddle.a" \
    "$work/w/libdelaydep.short.a" "$work/w/libdelaymissing.short.a" \
    -Wl,--delayload=delaydep.dll -Wl,--delayload=delaymissing.dll

echo "built resolver fixtures under $here"
