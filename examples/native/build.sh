#!/usr/bin/env bash
# Builds the library the examples jar embeds, for the platforms these compilers reach, into
# examples/src/main/resources/native/<platform-id>/. Run it after changing nlexample.c; the outputs
# are committed. Idempotent and reproducible (no build paths or ids in the outputs).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../src/main/resources/native"
flags=(-shared -fPIC -Os -s -Wl,--build-id=none -Wl,-soname,libnlexample.so)

build() { # compiler platform-id
  mkdir -p "$out/$2"
  (cd "$here" && "$1" "${flags[@]}" -o "$out/$2/libnlexample.so" nlexample.c)
}
build gcc linux-x86_64
build aarch64-linux-gnu-gcc linux-aarch64
build musl-gcc linux-x86_64-musl
mkdir -p "$out/windows-x86_64"
(cd "$here" && x86_64-w64-mingw32-gcc -shared -Os -s -Wl,--no-insert-timestamp -o "$out/windows-x86_64/nlexample.dll" nlexample.c)
ls -l "$out"/*/
