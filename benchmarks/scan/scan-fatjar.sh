#!/usr/bin/env bash
# Paired whole-process runs of `nativeload scan` over a generated Spring Boot fat jar made of 40 distinct real jars
# (benchmarks/scan/fatjar-artifacts.txt: ten versions of sqlite-jdbc, eleven of zstd-jni, snappy-java, JNA, lz4-java,
# jffi's natives, jansi, netty's natives, JLine, DJL's tokenizers; STORED under BOOT-INF/lib/, about 209 MB, 530
# natives, no two alike: natives-distinct.py checks), timed with benchmarks/pairs.py in interleaved rounds against
# what a team does without it: unzip every nested jar and run `readelf -h` on the files named like natives.
#
#   benchmarks/scan/scan-fatjar.sh [RUNS] [--against CHECKOUT] [--no-manual]
#
# RUNS rounds (default 11). --against CHECKOUT adds the scan of another built checkout (the code before a change:
# `git worktree add DIR main`, then build it) as the reference; --no-manual leaves out unzip + readelf (6 s a run).
# Needs bin/nativeload built: ./mvnw -DskipTests package -pl loader-cli -am. The jars are fetched into the local
# Maven repository by Maven itself on the first run. The fat jar is left at benchmarks/target/scan-fatjar/app.jar.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
here="$root/benchmarks/scan"
runs=11 against="" manual=1
while [ $# -gt 0 ]; do
  case "$1" in
    --against) against="$(cd "$2" && pwd)"; shift 2 ;;
    --no-manual) manual=0; shift ;;
    *) runs="$1"; shift ;;
  esac
done
work="$root/benchmarks/target/scan-fatjar"
mkdir -p "$work/jars" "$work/boot/BOOT-INF/lib"
mapfile -t artifacts < <(grep -v '^#' "$here/fatjar-artifacts.txt")

# One Maven run fetches them all: a reactor of small POMs, one per version of each artifact (a POM names an
# artifact once), each depending on its jars alone.
if [ "$(ls "$work/jars" | wc -l)" -ne "${#artifacts[@]}" ]; then
  rm -rf "$work/fetch" "$work/jars"/*
  declare -A round=()
  for a in "${artifacts[@]}"; do
    IFS=: read -r g art v _ classifier <<<"$a"
    key="$g:$art:$classifier"; i="${round[$key]:-0}"; round[$key]=$((i + 1))
    mkdir -p "$work/fetch/m$i"
    printf '<dependency><groupId>%s</groupId><artifactId>%s</artifactId><version>%s</version>%s<exclusions><exclusion><groupId>*</groupId><artifactId>*</artifactId></exclusion></exclusions></dependency>\n' \
      "$g" "$art" "$v" "${classifier:+<classifier>$classifier</classifier>}" >>"$work/fetch/m$i/deps"
  done
  modules=""
  for m in "$work/fetch"/m*; do
    n="$(basename "$m")"; modules+="<module>$n</module>"
    printf '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion><groupId>bench</groupId><artifactId>%s</artifactId><version>1</version><packaging>pom</packaging><dependencies>%s</dependencies></project>\n' \
      "$n" "$(cat "$m/deps")" >"$m/pom.xml"
  done
  printf '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion><groupId>bench</groupId><artifactId>fetch</artifactId><version>1</version><packaging>pom</packaging><modules>%s</modules></project>\n' \
    "$modules" >"$work/fetch/pom.xml"
  "$root/mvnw" -B -q -f "$work/fetch/pom.xml" dependency:copy-dependencies -DoutputDirectory="$work/jars" >/dev/null
fi
python3 "$here/natives-distinct.py" "$work/jars"/*.jar

fat="$work/app.jar"
if [ ! -f "$fat" ]; then
  rm -f "$work/boot/BOOT-INF/lib"/*.jar
  cp "$work/jars"/*.jar "$work/boot/BOOT-INF/lib/"
  (cd "$work/boot" && zip -q -0 -r "$fat" BOOT-INF)
fi
echo "fat jar: $(du -m "$fat" | cut -f1) MB, $(ls "$work/boot/BOOT-INF/lib" | wc -l) nested jars; load average: $(cut -d' ' -f1-3 /proc/loadavg)"

# What the issue's "Why" describes: unzip every jar, readelf what is named like a native.
manual_cmd="t=\$(mktemp -d) && unzip -q '$fat' -d \$t/outer && for j in \$t/outer/BOOT-INF/lib/*.jar; do mkdir \$t/x; unzip -q \$j '*.so' '*.dll' '*.dylib' '*.jnilib' -d \$t/x 2>/dev/null; find \$t/x -type f -exec readelf -h {} + >/dev/null 2>&1; rm -rf \$t/x; done; rm -rf \$t; true"
contenders=()
[ -n "$against" ] && contenders+=("before=NATIVELOAD_AOT=off '$against/bin/nativeload' scan --json --target linux-x86_64 '$fat'")
contenders+=("scan=NATIVELOAD_AOT=off '$root/bin/nativeload' scan --json --target linux-x86_64 '$fat'")
[ "$manual" = 1 ] && contenders+=("unzip+readelf=$manual_cmd")
if [ "${#contenders[@]}" -lt 2 ]; then
  echo "nothing to compare the scan with: drop --no-manual or give --against" >&2
  exit 2
fi
# scan exits 1 when it finds problems (natives for other platforms): pairs.py wants 0 for a successful run.
python3 "$root/benchmarks/pairs.py" --runs "$runs" --warmup 1 "${contenders[@]/%/ ; test \$? -le 1}"
