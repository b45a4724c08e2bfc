#!/usr/bin/env bash
# Builds the symbol-binding fixtures from the C sources in src/ into ARCH/CASE/ directories.
# In each case the root object (a library, libuser.so or libzoouser.so, or an executable, app) was
# linked against the full dependency, then ships beside a dependency that lacks something; it finds
# its dependencies through DT_RUNPATH $ORIGIN. expected.txt says what ld.so reports for each case.
# Idempotent and runnable from anywhere; needs gcc, g++, gcc-aarch64-linux-gnu (with libc6-dev-arm64-cross),
# binutils and python3 (to patch one symbol's visibility).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
src="$here/src"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
cp "$src"/*.c "$src"/*.cc "$src"/*.map .

common=(-O1 -s -fPIC -ffile-prefix-map="$work"=. -Wl,--build-id=none -Wl,-z,max-page-size=4096 -Wl,-z,noseparate-code
        -Wl,--enable-new-dtags -Wl,--no-as-needed)
origin=(-Wl,-rpath,'$ORIGIN')

# $1 compiler, $2 output, $3... extra flags: the dependency, GNU hash unless a flag says otherwise.
dep() {
    local cc="$1" out="$2"; shift 2
    "$cc" "${common[@]}" -shared -Wl,-soname,libdep.so -o "$out" dep.c "$@"
}

# $1 compiler, $2 case directory, $3 flags of the dependency it ships with
user_case() {
    local cc="$1" dir="$2"; shift 2
    mkdir -p "$dir"
    dep "$cc" full-libdep.so -Wl,--hash-style=gnu
    "$cc" "${common[@]}" -shared -o "$dir/libuser.so" user.c "${origin[@]}" full-libdep.so
    dep "$cc" "$dir/libdep.so" "$@"
}

# $1 compiler, $2 case directory, $3 map file of the libzoo it ships with
zoo_case() {
    local cc="$1" dir="$2" map="$3"
    mkdir -p "$dir"
    "$cc" "${common[@]}" -shared -Wl,-soname,libzoo.so -o full-libzoo.so zoo.c -Wl,--version-script=zoo.map
    "$cc" "${common[@]}" -shared -o "$dir/libzoouser.so" zoouser.c "${origin[@]}" full-libzoo.so
    "$cc" "${common[@]}" -shared -Wl,-soname,libzoo.so -o "$dir/libzoo.so" zoo.c -Wl,--version-script="$map"
}

# Sets st_other of one dynamic symbol (ELF64 little-endian) to a visibility: $1 file, $2 symbol, $3 value.
set_visibility() {
    python3 - "$@" <<'PY'
import struct, sys
path, name, vis = sys.argv[1], sys.argv[2].encode(), int(sys.argv[3])
b = bytearray(open(path, 'rb').read())
shoff, = struct.unpack_from('<Q', b, 0x28); shentsize, shnum = struct.unpack_from('<HH', b, 0x3a)
sections = [struct.unpack_from('<IIQQQQIIQQ', b, shoff + i * shentsize) for i in range(shnum)]
dynsym = next(s for s in sections if s[1] == 11)
strtab = sections[dynsym[6]]
for off in range(dynsym[4], dynsym[4] + dynsym[5], 24):
    st_name, = struct.unpack_from('<I', b, off)
    end = b.index(0, strtab[4] + st_name)
    if b[strtab[4] + st_name:end] == name:
        b[off + 5] = (b[off + 5] & ~3) | vis
        open(path, 'wb').write(b)
        sys.exit(0)
sys.exit('no dynamic symbol ' + sys.argv[2])
PY
}

rm -rf "$here/x86_64" "$here/aarch64"
x="$here/x86_64"

user_case gcc "$x/clean" -Wl,--hash-style=gnu
user_case gcc "$x/missing-function" -Wl,--hash-style=gnu -DNO_FN
user_case gcc "$x/missing-data" -Wl,--hash-style=gnu -DNO_VAR
user_case gcc "$x/missing-tls" -Wl,--hash-style=gnu -DNO_TLS
user_case gcc "$x/missing-ifunc" -Wl,--hash-style=gnu -DNO_IFUNC
user_case gcc "$x/sysv-hash" -Wl,--hash-style=sysv -DNO_FN
user_case gcc "$x/hidden-definition" -Wl,--hash-style=gnu
set_visibility "$x/hidden-definition/libdep.so" dep_fn 2

zoo_case gcc "$x/version-not-found" zoo-1only.map
zoo_case gcc "$x/symbol-under-other-version" zoo-f2-moved.map
zoo_case gcc "$x/version-clean" zoo.map

# Copy relocation: the executable's copy of dep_var does not satisfy its own lookup.
mkdir -p "$x/copy-relocation"
dep gcc full-libdep.so
gcc "${common[@]}" -no-pie -fno-PIC -o "$x/copy-relocation/app" copyapp.c "${origin[@]}" full-libdep.so
dep gcc "$x/copy-relocation/libdep.so" -DNO_FN -DNO_VAR

# Canonical PLT: app takes dep_fn's address; libcallplt calls it through a PLT slot, libcallgot
# through a GOT entry (-fno-plt). The shipped libdep lacks dep_fn.
c="$x/canonical-plt"
mkdir -p "$c"
gcc "${common[@]}" -shared -Wl,-soname,libcallplt.so -DNAME=call_plt -o "$c/libcallplt.so" caller.c full-libdep.so
gcc "${common[@]}" -shared -Wl,-soname,libcallgot.so -DNAME=call_got -fno-plt -o "$c/libcallgot.so" caller.c full-libdep.so
gcc "${common[@]}" -no-pie -fno-PIC -o "$c/app" addrapp.c "${origin[@]}" "$c/libcallplt.so" "$c/libcallgot.so" full-libdep.so
dep gcc "$c/libdep.so" -DNO_FN

# STB_GNU_UNIQUE: a C library reading a C++ template's static member, which g++ makes unique.
mkdir -p "$x/gnu-unique"
g++ "${common[@]}" -shared -Wl,-soname,libunique.so -o "$x/gnu-unique/libunique.so" unique.cc
gcc "${common[@]}" -shared -o "$x/gnu-unique/libuniqueuser.so" uniqueuser.c "${origin[@]}" "$x/gnu-unique/libunique.so"

# aarch64: the same binder rules through another machine's relocation types.
a="$here/aarch64"
user_case aarch64-linux-gnu-gcc "$a/missing-function" -Wl,--hash-style=gnu -DNO_FN
zoo_case aarch64-linux-gnu-gcc "$a/version-not-found" zoo-1only.map

echo "built symbol fixtures under $here/x86_64 and $here/aarch64"
