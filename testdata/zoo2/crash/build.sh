#!/usr/bin/env bash
# Builds the crash zoo: libraries that kill, hang or fail the process that loads them, from the C
# sources in src/. Nothing built here is committed; the tests run this script into a temporary
# directory:   build.sh OUTDIR
# Needs gcc and binutils (ld >= 2.36 for the ISA-level markers) and a JDK's include/jni.h: from
# $JAVA_HOME, else the JDK scripts/find-java.sh finds.
#
# OUTDIR after a build:
#   libctor_sigill.so libctor_sigsegv.so libctor_sigabrt.so libctor_sigbus.so libctor_hang.so
#                           constructors that raise a signal or never return
#   libjni_err.so libjni_badversion.so libjni_throws.so libjni_sigill.so libjni_ok.so
#                           JNI_OnLoad failing in each way, and one that works
#   libisa_v2.so libisa_v3.so libisa_v4.so
#                           marked with GNU_PROPERTY_X86_ISA_1_NEEDED x86-64-v2 / v3 / v4. glibc 2.36
#                           refuses a level the CPU lacks with "<path>: CPU ISA level is lower than
#                           required" (seen here with an unknown level bit set, this CPU having v4)
#   libtrunc.so             a library cut short: its segments reach past the end of the file
#   plain/libplain.so       the same library whole
#   truncdep/libuser.so     needs truncdep/libdep.so, which is cut short
#   crashdep/libuser.so     needs crashdep/libdep.so, whose constructor writes through a null pointer
#   fifodep/libuser.so      needs fifodep/libdep.so (whole; a test replaces it with a FIFO)
set -euo pipefail

if [ $# -ne 1 ]; then
    echo "usage: $0 OUTDIR" >&2
    exit 2
fi
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
src="$here/src"
mkdir -p "$1"
out="$(cd "$1" && pwd)"

java_home="${JAVA_HOME:-}"
if [ -z "$java_home" ] || [ ! -f "$java_home/include/jni.h" ]; then
    java="$("$here/../../../scripts/find-java.sh")"
    java_home="$(dirname "$(dirname "$java")")"
fi
jni=(-I"$java_home/include" -I"$java_home/include/linux")

common=(-O1 -fPIC -shared -Wl,-z,max-page-size=4096 -Wl,-z,noseparate-code)

for name in ctor_sigill ctor_sigsegv ctor_sigabrt ctor_sigbus ctor_hang; do
    gcc "${common[@]}" -o "$out/lib$name.so" "$src/$name.c"
done
for name in jni_err jni_badversion jni_throws jni_sigill jni_ok; do
    gcc "${common[@]}" "${jni[@]}" -o "$out/lib$name.so" "$src/$name.c"
done
for level in 2 3 4; do
    gcc "${common[@]}" -Wl,-z,x86-64-v$level -o "$out/libisa_v$level.so" "$src/isa.c"
done

# A library cut short, as an interrupted download or extraction leaves it: its program headers are
# intact, its segments reach past the end. glibc maps them and dies of SIGBUS touching them, as in
# https://github.com/DataDog/dd-trace-java/issues/11574 (jffi's stub truncated on extraction).
mkdir -p "$out/plain"
gcc "${common[@]}" -o "$out/plain/libplain.so" "$src/plain.c" "$src/dep.c"
head -c 4096 "$out/plain/libplain.so" >"$out/libtrunc.so"

# $1 directory, $2.. extra flags for the dependency
dep_set() {
    local dir="$out/$1"
    shift
    mkdir -p "$dir"
    gcc "${common[@]}" "$@" -Wl,-soname,libdep.so -o "$dir/libdep.so" "$src/dep.c"
    gcc "${common[@]}" -o "$dir/libuser.so" "$src/user.c" -L"$dir" -l:libdep.so \
        -Wl,-rpath,'$ORIGIN' -Wl,--enable-new-dtags
}
dep_set truncdep
head -c 4096 "$out/truncdep/libdep.so" >"$out/truncdep/libdep.so.cut"
mv "$out/truncdep/libdep.so.cut" "$out/truncdep/libdep.so"
dep_set crashdep -DDEP_SIGSEGV
dep_set fifodep
echo "crash zoo built in $out"
