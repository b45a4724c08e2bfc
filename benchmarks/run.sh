#!/usr/bin/env bash
# Runs the nativeload JMH suite with the settings benchmarks/README.md documents.
#
#   benchmarks/run.sh                    # the whole suite; results in benchmarks/target/jmh-result.{txt,json}
#   benchmarks/run.sh SymbolLookup       # only the benchmarks matching a regular expression
#   benchmarks/run.sh -f 3 -i 10 ...     # JMH options; they override the settings on the classes
#
# It builds the benchmark jar first when it is missing (./mvnw -B -q -DskipTests package -pl benchmarks,loader-cli -am);
# BENCH_REBUILD=1 forces that build.
#
# Java: scripts/find-java.sh, the rule ./mvnw and bin/nativeload use ($JAVA_HOME when it is 22 or
# newer, else the newest JDK >= 22 under /usr/lib/jvm).
set -euo pipefail

die() {
  printf 'benchmarks/run.sh: %s\n' "$*" >&2
  exit 3
}

here="$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd -P -- "$here/.." && pwd)"

java="$("$root/scripts/find-java.sh")" || die "no Java 22 or newer: set JAVA_HOME, or install one under /usr/lib/jvm"

jar="$here/target/benchmarks.jar"
if [[ ! -f "$jar" || "${BENCH_REBUILD:-0}" == 1 ]]; then
  (cd "$root" && ./mvnw -B -q -DskipTests package -pl benchmarks,loader-cli -am) || die "the build failed"
fi

"$java" -version 2>&1 | sed 's/^/# /' >&2
rm -f "$here/target/jmh-result.json"
# The documented settings live on the benchmark classes: 2 forks, 5 warm-up and 5 measured
# iterations of 1 s each (the per-file readelf benchmark: 1 and 3). Added here: the GC profiler
# for the bytes allocated per op, and the results as JSON and as text.
"$java" --enable-native-access=ALL-UNNAMED -jar "$jar" \
  -prof gc \
  -rf json -rff "$here/target/jmh-result.json" \
  "$@" | tee "$here/target/jmh-result.txt"

# The issue's targets as ratios of this run's figures (python3 is optional: the JSON has them all).
if [[ -f "$here/target/jmh-result.json" ]] && command -v python3 >/dev/null 2>&1; then
  python3 "$here/ratios.py" "$here/target/jmh-result.json" | tee "$here/target/jmh-ratios.md"
fi
