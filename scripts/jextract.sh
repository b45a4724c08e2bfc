#!/usr/bin/env bash
# Regenerates, with jextract, the C bindings that loader-ffm writes by hand, so they can be compared:
# <dlfcn.h>, <string.h>, <sys/statvfs.h>, <gnu/libc-version.h>, <unistd.h> and <errno.h>.
#
# Usage: scripts/jextract.sh [OUTPUT_DIR]
#   jextract is taken from $JEXTRACT, else from PATH. OUTPUT_DIR defaults to a new temporary
#   directory. Nothing in the repository is changed. Linux (glibc or musl headers) only.
#
# After generating, it prints, for each bound function, jextract's FunctionDescriptor next to the
# one in loader-ffm's hand-written class, for a reader to compare.
set -euo pipefail

jextract_bin="${JEXTRACT:-}"
if [[ -z "$jextract_bin" ]]; then
  jextract_bin="$(command -v jextract || true)"
fi
if [[ -z "$jextract_bin" || ! -x "$jextract_bin" ]]; then
  echo "jextract.sh: jextract was not found (set JEXTRACT=/path/to/jextract or put it on PATH)." >&2
  echo "jextract.sh: it is a separate download from the OpenJDK jextract project, not part of the JDK;" >&2
  echo "jextract.sh: loader-ffm's bindings are written by hand in its shape, so the build never needs it." >&2
  exit 2
fi

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ours="$repo/loader-ffm/src/main/java/dev/nativeload/ffm"
out="${1:-$(mktemp -d "${TMPDIR:-/tmp}/nativeload-jextract.XXXXXX")}"
mkdir -p "$out"
package=dev.nativeload.ffm.jextracted

# generate HEADER CLASS ARGS...: one header class per C header, only the named declarations.
generate() {
  local header="$1" class="$2"
  shift 2
  echo "jextract.sh: $header -> $class"
  "$jextract_bin" -D _GNU_SOURCE --output "$out/src" --target-package "$package" \
    --header-class-name "$class" "$@" "$header"
}

generate "<dlfcn.h>" Dlfcn \
  --include-function dlopen --include-function dlsym --include-function dlerror \
  --include-function dlclose --include-function dladdr --include-function dlinfo \
  --include-struct Dl_info \
  --include-constant RTLD_LAZY --include-constant RTLD_NOW --include-constant RTLD_GLOBAL \
  --include-constant RTLD_LOCAL --include-constant RTLD_NOLOAD --include-constant RTLD_DI_LINKMAP
generate "<string.h>" StringH --include-function strerror
generate "<sys/statvfs.h>" Statvfs --include-function statvfs --include-struct statvfs \
  --include-constant ST_RDONLY --include-constant ST_NOSUID --include-constant ST_NOEXEC
generate "<gnu/libc-version.h>" GnuLibcVersion --include-function gnu_get_libc_version
generate "<unistd.h>" Unistd --include-function sysconf --include-constant _SC_PAGESIZE
generate "<errno.h>" ErrnoH --include-function __errno_location

echo
echo "jextract.sh: generated sources in $out/src/${package//.//}"
echo
echo "Function descriptors, jextract (J) against loader-ffm (H):"
for fn in dlopen dlsym dlerror dlclose dladdr dlinfo strerror statvfs gnu_get_libc_version sysconf __errno_location; do
  j="$(grep -rh -A2 "class ${fn}\b" "$out/src" 2>/dev/null | grep -o 'FunctionDescriptor\.[a-zA-Z]*([^;]*' | head -1 || true)"
  h="$(grep -rh -A3 "class ${fn}\\$" "$ours" 2>/dev/null | grep -o 'FunctionDescriptor\.[a-zA-Z]*([^;]*' | head -1 || true)"
  printf '%-22s J: %s\n%-22s H: %s\n' "$fn" "${j:-(not found)}" "" "${h:-(not found)}"
done
echo
echo "jextract.sh: struct statvfs as jextract lays it out:"
grep -rh -A20 'structLayout' "$out/src/${package//.//}/statvfs.java" 2>/dev/null | sed -n '1,20p' || true
