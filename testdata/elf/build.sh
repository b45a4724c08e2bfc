#!/usr/bin/env bash
# Builds the ELF fixtures from the C sources in src/ into this directory.
# Idempotent and runnable from anywhere; needs gcc, the Debian cross compilers
# (aarch64, arm-gnueabihf, riscv64, s390x, powerpc64le, i686), musl-gcc and binutils.
# Names follow toolchain-arch-what: gcc-x86_64-libzoo.so, musl-x86_64-hello, ...
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
src="$here/src"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
cp "$src"/*.c "$src"/*.map .

# Small, stripped, reproducible outputs. The build-id is a hash of the contents.
common=(-Os -s -fPIC -ffile-prefix-map="$work"=. -Wl,--build-id=sha1 -Wl,-z,max-page-size=4096 -Wl,-z,noseparate-code)

# $1 compiler, $2 prefix (gcc-ARCH)
build_set() {
    local cc="$1" p="$2"
    # libzoo: SONAME, two versions, build-id.
    "$cc" "${common[@]}" -shared -o "$p-libzoo.so" zoo.c \
        -Wl,-soname,libzoo.so.1 -Wl,--version-script=zoo.map
    # hello: a PIE with PT_INTERP.
    "$cc" "${common[@]}" -pie -o "$p-hello" hello.c
}

# Cross toolchains: one library and one executable each.
for pair in \
    aarch64-linux-gnu-gcc:gcc-aarch64 \
    arm-linux-gnueabihf-gcc:gcc-arm \
    riscv64-linux-gnu-gcc:gcc-riscv64 \
    s390x-linux-gnu-gcc:gcc-s390x \
    powerpc64le-linux-gnu-gcc:gcc-ppc64le \
    i686-linux-gnu-gcc:gcc-x86; do
    build_set "${pair%%:*}" "${pair##*:}"
done

# SysV hash tables on other word sizes: 32-bit x86, and 64-bit s390x, whose DT_HASH words are 8 bytes.
s390x-linux-gnu-gcc "${common[@]}" -shared -o gcc-s390x-libhashed-sysv.so hashed.c -Wl,--hash-style=sysv
i686-linux-gnu-gcc "${common[@]}" -shared -o gcc-x86-libhashed-sysv.so hashed.c -Wl,--hash-style=sysv

# x86_64: the full set.
p=gcc-x86_64
build_set gcc "$p"
cp "$p-libzoo.so" libzoo.so && ln -s libzoo.so libzoo.so.1
# libkeeper: NEEDED libzoo.so.1 (a versioned user of it), DT_RPATH $ORIGIN, DF_1_NODEFLIB (ld: -z nodefaultlib), -z now, GNU hash only.
gcc "${common[@]}" -shared -o "$p-libkeeper.so" keeper.c -L. -l:libzoo.so \
    -Wl,-soname,libkeeper.so.2 -Wl,-rpath,'$ORIGIN' -Wl,--disable-new-dtags \
    -Wl,-z,nodefaultlib -Wl,-z,now -Wl,--hash-style=gnu
cp "$p-libkeeper.so" libkeeper.so && ln -s libkeeper.so libkeeper.so.2
# libvisitor: DT_RUNPATH with an empty element, SysV hash only.
gcc "${common[@]}" -shared -o "$p-libvisitor.so" visitor.c -L. -l:libkeeper.so \
    -Wl,-soname,libvisitor.so -Wl,-rpath,'$ORIGIN/../lib::/opt/zoo/lib' -Wl,--enable-new-dtags \
    -Wl,--hash-style=sysv -Wl,-rpath-link,.
# hello-keeper: PIE executable needing libkeeper, with a RUNPATH.
gcc "${common[@]}" -pie -DWITH_KEEPER -o "$p-hello-keeper" hello.c -L. -l:libkeeper.so \
    -Wl,-rpath,'$ORIGIN' -Wl,--enable-new-dtags -Wl,-rpath-link,.
# hello-nopie: ET_EXEC.
gcc "${common[@]}" -no-pie -fno-PIC -o "$p-hello-nopie" hello.c
# libbare: no C library at all, both hash styles.
gcc "${common[@]}" -shared -nostdlib -o "$p-libbare.so" bare.c -Wl,--hash-style=both
# libhashed: many symbols; one GNU-hash and one SysV-hash copy.
gcc "${common[@]}" -shared -o "$p-libhashed-gnu.so" hashed.c -Wl,--hash-style=gnu
gcc "${common[@]}" -shared -o "$p-libhashed-sysv.so" hashed.c -Wl,--hash-style=sysv
# A relocatable object (ET_REL, no program headers).
gcc -Os -fPIC -ffile-prefix-map="$work"=. -c -o "$p-bare.o" bare.c
strip --strip-all "$p-bare.o"

# A library stripped after linking, and a copy of it with no section headers at all
# (e_shoff, e_shnum, e_shstrndx zeroed), which only PT_DYNAMIC can still describe.
gcc -Os -fPIC -ffile-prefix-map="$work"=. -Wl,--build-id=sha1 -Wl,-z,max-page-size=4096 -Wl,-z,noseparate-code \
    -shared -o libzoo-full.so zoo.c -Wl,-soname,libzoo.so.1 -Wl,--version-script=zoo.map
strip --strip-all -o "$p-libzoo-stripped.so" libzoo-full.so
cp "$p-libzoo-stripped.so" "$p-libzoo-noshdr.so"
# ELF64 little endian: e_shoff at 0x28 (8 bytes), e_shnum at 0x3c (2), e_shstrndx at 0x3e (2).
printf '\0\0\0\0\0\0\0\0' | dd of="$p-libzoo-noshdr.so" bs=1 seek=$((0x28)) conv=notrunc status=none
printf '\0\0\0\0' | dd of="$p-libzoo-noshdr.so" bs=1 seek=$((0x3c)) conv=notrunc status=none

# An impossible load span: the last PT_LOAD's p_memsz (offset 0x28 in a 64-bit program header)
# set to 0x7ff000000000, so mapping it must fail with ENOMEM.
cp "$p-libzoo.so" "$p-libzoo-hugememsz.so"
phoff=$(od -An -t u8 -j $((0x20)) -N 8 "$p-libzoo.so" | tr -d ' ')
phnum=$(od -An -t u2 -j $((0x38)) -N 2 "$p-libzoo.so" | tr -d ' ')
last_load=-1
for ((i = 0; i < phnum; i++)); do
    type=$(od -An -t u4 -j $((phoff + i * 56)) -N 4 "$p-libzoo.so" | tr -d ' ')
    if [[ "$type" == 1 ]]; then last_load=$i; fi
done
(( last_load >= 0 )) || { echo "no PT_LOAD in $p-libzoo.so" >&2; exit 1; }
printf '\x00\x00\x00\x00\xf0\x7f\x00\x00' | dd of="$p-libzoo-hugememsz.so" bs=1 \
    seek=$((phoff + last_load * 56 + 0x28)) conv=notrunc status=none

# Android-style: a library with the Android ident note and NEEDED libc.so (linked against a stub
# named libc.so, which is not kept), and an executable whose interpreter is bionic's linker.
gcc "${common[@]}" -shared -nostdlib -o libc.so stub_libc.c -Wl,-soname,libc.so
gcc "${common[@]}" -shared -nostdlib -o "$p-libandroid-ident.so" android.c -L. -l:libc.so
gcc "${common[@]}" -pie -o "$p-hello-bionic-interp" hello.c -Wl,--dynamic-linker=/system/bin/linker64

# musl: a library (NEEDED libc.so) and an executable (PT_INTERP ld-musl).
musl-gcc "${common[@]}" -shared -o musl-x86_64-libzoo.so zoo.c \
    -Wl,-soname,libzoo.so.1 -Wl,--version-script=zoo.map
musl-gcc "${common[@]}" -o musl-x86_64-hello hello.c

# Nothing here may name a path of the build machine.
for f in gcc-* musl-*; do
    if grep -q -a -e "$work" -e "$here" "$f"; then
        echo "$f names a build path" >&2
        exit 1
    fi
done

rm -f "$here"/gcc-* "$here"/musl-*
cp gcc-* musl-* "$here"/
echo "built $(ls gcc-* musl-* | wc -l) fixtures in $here ($(du -cb gcc-* musl-* | tail -1 | cut -f1) bytes)"
