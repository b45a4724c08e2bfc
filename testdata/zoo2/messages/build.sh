#!/usr/bin/env bash
# Builds the second failure zoo's loader-message set-ups from the C sources in src/ into OUTDIR:
# one directory per set-up, each holding the file to load and a TARGET file naming it. Nothing here
# is committed output: tests run this script into a temporary directory.
#
# Usage: build.sh OUTDIR
# Needs gcc and readelf; musl-gcc for the musl-* set-ups and i686-linux-gnu-gcc / aarch64-linux-gnu-gcc
# for the cross ones (each set-up whose tool is missing is left out and listed in OUTDIR/MISSING).
set -euo pipefail

out=${1:?usage: build.sh OUTDIR}
here=$(cd "$(dirname "$0")" && pwd)
src=$here/src
mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$out/.work
mkdir -p "$work"
: > "$out/MISSING"

cc() { gcc -O1 -Wall -Werror "$@"; }
have() { command -v "$1" >/dev/null 2>&1; }
setup() { # setup NAME TARGET: make OUTDIR/NAME and record what to load
  mkdir -p "$out/$1"
  printf '%s\n' "$2" > "$out/$1/TARGET"
}
missing() { echo "$1: needs $2" >> "$out/MISSING"; }
patch() { "$work/elfpatch" "$@"; }

cc -o "$work/elfpatch" "$src/elfpatch.c"
cc -o "$out/dlprobe" "$src/dlprobe.c"
cc -shared -fPIC -Wl,-soname,libplain.so.1 -o "$work/libplain.so" "$src/plain.c"

# --- glibc: the file itself ----------------------------------------------------------------
setup missing-file libnone.so
setup empty-file libempty.so;        : > "$out/empty-file/libempty.so"
setup directory libdir.so;           mkdir -p "$out/directory/libdir.so"
setup text-file libtext.so;          printf 'This is not a library, only some text that is long enough to read.\n' > "$out/text-file/libtext.so"

for s in ident-data:ident:5:2 ident-version:ident:6:2 freebsd-abi:ident:7:9 abi-version:ident:8:0x7f \
         ident-padding:ident:15:1 elf-version:u32:0x14:2 phentsize:u16:0x36:0x30; do
  IFS=: read -r name how where value <<< "$s"
  setup "$name" libplain.so
  cp "$work/libplain.so" "$out/$name/libplain.so"
  patch "$out/$name/libplain.so" "$how" "$where" "$value"
done

setup no-load libplain.so
cp "$work/libplain.so" "$out/no-load/libplain.so"
patch "$out/no-load/libplain.so" ptype 1 0x6fff0001          # every PT_LOAD becomes an unknown type

setup no-dynamic libplain.so
cp "$work/libplain.so" "$out/no-dynamic/libplain.so"
patch "$out/no-dynamic/libplain.so" ptype 2 0                 # PT_DYNAMIC becomes PT_NULL

setup huge-memsz libplain.so
cp "$work/libplain.so" "$out/huge-memsz/libplain.so"
patch "$out/huge-memsz/libplain.so" last-load-memsz 0x7ff000000000

setup object-file plain.o;           cc -c -fPIC -o "$out/object-file/plain.o" "$src/plain.c"
setup executable prog;               cc -no-pie -o "$out/executable/prog" "$src/prog.c"
setup pie prog;                      cc -fPIE -pie -o "$out/pie/prog" "$src/prog.c"
setup nodlopen libnodlopen.so;       cc -shared -fPIC -Wl,-z,nodlopen -o "$out/nodlopen/libnodlopen.so" "$src/plain.c"
setup invalid-mode libplain.so;      cp "$work/libplain.so" "$out/invalid-mode/libplain.so"

# Segments laid out for 1 KiB pages: address and offset are not congruent modulo a 4 KiB page.
setup small-pages libsmallpages.so
cc -shared -fPIC -Wl,-z,max-page-size=0x400 -Wl,-z,common-page-size=0x400 -Wl,-z,noseparate-code \
   -o "$out/small-pages/libsmallpages.so" "$src/plain.c"

setup static-tls libbigtls.so
cc -shared -fPIC -Wl,-soname,libbigtls.so -o "$out/static-tls/libbigtls.so" "$src/bigtls.c"

# The same library as the dependency of a wrapper (libjcef.so -> libcef.so), found by RUNPATH $ORIGIN.
setup static-tls-dependency libtlsuser.so
cp "$out/static-tls/libbigtls.so" "$out/static-tls-dependency/libbigtls.so"
cc -shared -fPIC -o "$out/static-tls-dependency/libtlsuser.so" "$src/tlsuser.c" \
   -L"$out/static-tls-dependency" -lbigtls -Wl,-rpath,'$ORIGIN'

setup undefined-symbol libundefined.so
cc -shared -fPIC -o "$out/undefined-symbol/libundefined.so" "$src/undefined.c"

# Versions: libveruser.so is linked against a libver.so with ZOO_2.0; the copy installed beside it
# lacks ZOO_2.0 (version), has ZOO_2.0 without v2 in it (undefined-versioned), or has a damaged
# version-definition record (verdef-record); verneed-record damages libveruser.so's own needs.
cc -shared -fPIC -Wl,-soname,libver.so -Wl,--version-script="$src/ver2.map" -o "$work/libver2.so" "$src/ver.c"
for name in version undefined-versioned verdef-record verneed-record; do
  setup "$name" libveruser.so
  cp "$work/libver2.so" "$out/$name/libver.so"
  cc -shared -fPIC -o "$out/$name/libveruser.so" "$src/veruser.c" -L"$out/$name" -lver -Wl,-rpath,'$ORIGIN'
done
cc -shared -fPIC -Wl,-soname,libver.so -Wl,--version-script="$src/ver1.map" -o "$out/version/libver.so" "$src/ver.c"
cc -shared -fPIC -Wl,-soname,libver.so -Wl,--version-script="$src/verswap.map" -o "$out/undefined-versioned/libver.so" "$src/ver.c"
patch "$out/verdef-record/libver.so" section-u16 0x6ffffffd 2        # SHT_GNU_verdef: vd_version 2
patch "$out/verneed-record/libveruser.so" section-u16 0x6ffffffe 2   # SHT_GNU_verneed: vn_version 2

cc -shared -fPIC -o "$work/libreloc.so" "$src/reloc.c"
setup bad-reloc libreloc.so;         cp "$work/libreloc.so" "$out/bad-reloc/libreloc.so"
patch "$out/bad-reloc/libreloc.so" reloc .rela.dyn 6 0x7f            # R_X86_64_GLOB_DAT -> 0x7f
setup bad-plt-reloc libreloc.so;     cp "$work/libreloc.so" "$out/bad-plt-reloc/libreloc.so"
patch "$out/bad-plt-reloc/libreloc.so" reloc .rela.plt 7 0x7f        # R_X86_64_JUMP_SLOT -> 0x7f (RTLD_LAZY)

if [ "$(uname -m)" = x86_64 ]; then
  setup isa-level libisa.so
  cc -shared -fPIC -o "$out/isa-level/libisa.so" "$src/isalevel.c"
else
  missing isa-level "an x86-64 host"
fi

# --- dependencies ----------------------------------------------------------------------------
# libtop.so needs libdep.so; libdep.so is beside it, and libtop.so has no RUNPATH.
setup dep-beside libtop.so
cc -shared -fPIC -Wl,-soname,libdep.so -o "$out/dep-beside/libdep.so" "$src/dep.c"
cc -shared -fPIC -o "$out/dep-beside/libtop.so" "$src/top.c" -L"$out/dep-beside" -ldep

# libtop.so needs libdep.so and searches its own directory (RUNPATH $ORIGIN), where there is none.
setup dep-missing libtop.so
cc -shared -fPIC -Wl,-soname,libdep.so -o "$work/libdep-missing.so" "$src/dep.c"
cc -shared -fPIC -o "$out/dep-missing/libtop.so" "$src/top.c" "$work/libdep-missing.so" -Wl,-rpath,'$ORIGIN'

# libtop.so names its dependency by an absolute path that does not exist on the machine loading it.
setup dep-absolute libtop.so
cc -shared -fPIC -Wl,-soname,/opt/nativeload-zoo2-absent/libdep.so -o "$work/libdep-abs.so" "$src/dep.c"
cc -shared -fPIC -o "$out/dep-absolute/libtop.so" "$src/top.c" "$work/libdep-abs.so"

# A dependency that was found, by RUNPATH $ORIGIN, but is a symbolic link flattened into a text file.
setup dep-flattened libtop.so
cc -shared -fPIC -Wl,-soname,libdep.so.1 -o "$out/dep-flattened/libdep.so.1.2.3" "$src/dep.c"
cc -shared -fPIC -o "$out/dep-flattened/libtop.so" "$src/top.c" "$out/dep-flattened/libdep.so.1.2.3" -Wl,-rpath,'$ORIGIN'
printf 'libdep.so.1.2.3' > "$out/dep-flattened/libdep.so.1"

# --- files that are not libraries --------------------------------------------------------------
setup flattened-symlink libplain.so.1
cp "$work/libplain.so" "$out/flattened-symlink/libplain.so.1.0.0"
printf 'libplain.so.1.0.0' > "$out/flattened-symlink/libplain.so.1"
setup ld-script libplain.so
cp "$work/libplain.so" "$out/ld-script/libplain.so.1"
printf '/* GNU ld script\n   The shared library is libplain.so.1. */\nINPUT ( libplain.so.1 )\n' > "$out/ld-script/libplain.so"
setup lfs-pointer libplain.so
printf 'version https://git-lfs.github.com/spec/v1\noid sha256:%s\nsize %s\n' \
  "$(sha256sum "$work/libplain.so" | cut -d' ' -f1)" "$(stat -c %s "$work/libplain.so")" > "$out/lfs-pointer/libplain.so"
setup html-page libplain.so
printf '<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head>\n<body><h1>Not Found</h1><p>The requested URL was not found on this server.</p></body></html>\n' \
  > "$out/html-page/libplain.so"
setup text-filtered libplain.so      # every byte that is not valid UTF-8 becomes EF BF BD
perl -0777 -pe 's/([\x80-\xff])/\xef\xbf\xbd/g' < "$work/libplain.so" > "$out/text-filtered/libplain.so"
setup crlf libplain.so               # every LF becomes CR LF
perl -0777 -pe 's/\n/\r\n/g' < "$work/libplain.so" > "$out/crlf/libplain.so"

# --- cross-built files -------------------------------------------------------------------------
if have i686-linux-gnu-gcc; then
  setup elfclass32 libplain32.so
  i686-linux-gnu-gcc -shared -fPIC -nostdlib -o "$out/elfclass32/libplain32.so" "$src/plain.c"
else
  missing elfclass32 i686-linux-gnu-gcc
fi
if have aarch64-linux-gnu-gcc; then
  # libtop.so (x86_64) needs libdep.so; the only libdep.so on its RUNPATH is built for aarch64.
  setup dep-other-machine libtop.so
  aarch64-linux-gnu-gcc -shared -fPIC -nostdlib -Wl,-soname,libdep.so -o "$out/dep-other-machine/libdep.so" "$src/dep.c"
  cc -shared -fPIC -Wl,-soname,libdep.so -o "$work/libdep.so" "$src/dep.c"
  cc -shared -fPIC -o "$out/dep-other-machine/libtop.so" "$src/top.c" "$work/libdep.so" -Wl,-rpath,'$ORIGIN'
else
  missing dep-other-machine aarch64-linux-gnu-gcc
fi

# --- musl --------------------------------------------------------------------------------------
if have musl-gcc; then
  musl-gcc -O1 -o "$out/dlprobe-musl" "$src/dlprobe.c"
  musl-gcc -O1 -static -o "$out/dlprobe-musl-static" "$src/dlprobe.c"
  mgcc() { musl-gcc -O1 -Wall -Werror "$@"; }
  setup musl-missing libnone.so
  setup musl-static libplain.so;     mgcc -shared -fPIC -o "$out/musl-static/libplain.so" "$src/plain.c"
  setup musl-noload libplain.so;     cp "$out/musl-static/libplain.so" "$out/musl-noload/libplain.so"
  setup musl-undefined libundefined.so
  mgcc -shared -fPIC -o "$out/musl-undefined/libundefined.so" "$src/undefined.c"
  setup musl-missing-dep libtop.so
  mgcc -shared -fPIC -Wl,-soname,libdep.so -o "$work/libdep-musl.so" "$src/dep.c"
  mgcc -shared -fPIC -o "$out/musl-missing-dep/libtop.so" "$src/top.c" "$work/libdep-musl.so"
  setup musl-static-tls libtlsuse.so
  mgcc -shared -fPIC -Wl,-soname,libtlsdef.so -o "$out/musl-static-tls/libtlsdef.so" "$src/tlsdef.c"
  mgcc -shared -fPIC -o "$out/musl-static-tls/libtlsuse.so" "$src/tlsuse.c" "$out/musl-static-tls/libtlsdef.so" -Wl,-rpath,'$ORIGIN'
  setup musl-bad-reloc libreloc.so
  mgcc -shared -fPIC -o "$out/musl-bad-reloc/libreloc.so" "$src/reloc.c"
  patch "$out/musl-bad-reloc/libreloc.so" reloc .rela.dyn 6 0x7f
else
  for s in musl-missing musl-static musl-noload musl-undefined musl-missing-dep musl-static-tls musl-bad-reloc; do
    missing "$s" musl-gcc
  done
fi
rm -rf "$work"
