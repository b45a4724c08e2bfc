#!/usr/bin/env bash
# Paired whole-process runs of `nativeload scan` over a generated Spring Boot fat jar made of real jars
# (40 nested jars STORED under BOOT-INF/lib/, about 230 MB), against what a team does without it: unzip every
# nested jar and run `readelf -h` on the files named like natives. Runs alternate (scan, manual, scan, ...) so both
# see the same load; prints each time and the median and spread of each.
#
#   benchmarks/scan/scan-fatjar.sh [RUNS]        (default 11; needs bin/nativeload built: ./mvnw -DskipTests package -pl loader-cli -am)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${1:-11}"
work="$root/benchmarks/target/scan-fatjar"
mkdir -p "$work/jars" "$work/boot/BOOT-INF/lib"

# The real jars (the versions loader-cli's tests use), fetched into the local Maven repository by Maven itself.
artifacts=(org.xerial:sqlite-jdbc:3.54.1.0 com.github.luben:zstd-jni:1.5.7-28 org.xerial.snappy:snappy-java:1.1.10.8
           net.java.dev.jna:jna:5.19.1 org.lz4:lz4-java:1.8.0 com.github.jnr:jffi:1.4.3:jar:native
           org.fusesource.jansi:jansi:2.4.2 io.netty:netty-transport-native-epoll:4.2.18.Final:jar:linux-x86_64)
for a in "${artifacts[@]}"; do
  IFS=: read -r _ artifact version _ <<<"$a"
  ls "$work/jars/$artifact-$version"*.jar >/dev/null 2>&1 ||
    "$root/mvnw" -q -f "$root/pom.xml" -N dependency:copy -Dartifact="$a" -DoutputDirectory="$work/jars" >/dev/null
done
mapfile -t jars < <(ls "$work/jars"/*.jar)

# 40 nested jars: sqlite-jdbc and zstd-jni (the big ones) 11 times each, the others in turn for the rest.
rm -f "$work/boot/BOOT-INF/lib"/*.jar
n=0
for big in sqlite-jdbc zstd-jni; do
  for i in $(seq 1 11); do cp "$work/jars/$big"-*.jar "$work/boot/BOOT-INF/lib/$big-copy$i.jar"; n=$((n + 1)); done
done
i=0
while [ "$n" -lt 40 ]; do
  j="${jars[$((i % ${#jars[@]}))]}"; i=$((i + 1))
  case "$(basename "$j")" in sqlite-jdbc*|zstd-jni*) continue ;; esac
  cp "$j" "$work/boot/BOOT-INF/lib/$(basename "$j" .jar)-copy$i.jar"; n=$((n + 1))
done
fat="$work/app.jar"
rm -f "$fat"
(cd "$work/boot" && zip -q -0 -r "$fat" BOOT-INF)
echo "fat jar: $(du -m "$fat" | cut -f1) MB, $(ls "$work/boot/BOOT-INF/lib" | wc -l) nested jars; load average: $(cut -d' ' -f1-3 /proc/loadavg)"

manual() { # what the issue's "Why" describes: unzip every jar, readelf what is named like a native
  local t; t="$(mktemp -d)"
  unzip -q "$fat" -d "$t/outer"
  for j in "$t"/outer/BOOT-INF/lib/*.jar; do
    mkdir "$t/x"; unzip -q "$j" '*.so' '*.dll' '*.dylib' '*.jnilib' -d "$t/x" 2>/dev/null || true
    find "$t/x" -type f -exec readelf -h {} + >/dev/null 2>&1 || true
    rm -rf "$t/x"
  done
  rm -rf "$t"
}
now() { date +%s%N; }
scan_ms=(); manual_ms=()
for r in $(seq 1 "$runs"); do
  s=$(now); "$root/bin/nativeload" scan --json --target linux-x86_64 "$fat" >/dev/null || true; e=$(now)
  scan_ms+=($(( (e - s) / 1000000 )))
  s=$(now); manual; e=$(now)
  manual_ms+=($(( (e - s) / 1000000 )))
  echo "run $r: scan ${scan_ms[-1]} ms, unzip+readelf ${manual_ms[-1]} ms"
done
stats() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "median %d ms (min %d, max %d, n=%d)", a[int((NR+1)/2)], a[1], a[NR], NR}'; }
echo "scan:          $(stats "${scan_ms[@]}")"
echo "unzip+readelf: $(stats "${manual_ms[@]}")"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
