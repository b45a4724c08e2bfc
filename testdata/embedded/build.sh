#!/usr/bin/env bash
# Builds the embedded-resource fixtures from the C sources in src/ into this directory.
# Idempotent and runnable from anywhere; needs gcc, aarch64-linux-gnu-gcc and musl-gcc.
# Names: gcc-x86_64/libembedded.so (needs libembedded_mid.so, which needs libembedded_dep.so), ...,
# gcc-x86_64/libembedded_impostor.so (embedded_solo with another answer, for the rename race test)
# Tests pack these into jars at run time under the layouts they check.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$here"/src/*.c "$work"
cd "$work"

common=(-Os -s -fPIC -shared -ffile-prefix-map="$work"=. -Wl,--build-id=sha1 -Wl,-z,max-page-size=4096)

# $1 compiler, $2 output directory name
build_set() {
    local cc="$1" out="$here/$2"
    mkdir -p "$out"
    "$cc" "${common[@]}" -o libembedded_dep.so dep.c -Wl,-soname,libembedded_dep.so
    "$cc" "${common[@]}" -o libembedded_mid.so mid.c -Wl,-soname,libembedded_mid.so -L. -l:libembedded_dep.so
    "$cc" "${common[@]}" -o libembedded.so top.c -Wl,-soname,libembedded.so -L. -l:libembedded_mid.so -l:libembedded_dep.so
    "$cc" "${common[@]}" -o libembedded_solo.so solo.c -Wl,-soname,libembedded_solo.so
    cp libembedded_dep.so libembedded_mid.so libembedded.so libembedded_solo.so "$out/"
}

build_set gcc gcc-x86_64
build_set aarch64-linux-gnu-gcc gcc-aarch64
build_set musl-gcc musl-x86_64

gcc "${common[@]}" -o libjniprobe.so jniprobe.c -Wl,-soname,libjniprobe.so
cp libjniprobe.so "$here/gcc-x86_64/"

gcc "${common[@]}" -o libembedded_impostor.so impostor.c -Wl,-soname,libembedded_impostor.so
cp libembedded_impostor.so "$here/gcc-x86_64/"
