#!/usr/bin/env bash
# Runs the nativeload JMH suite with the settings benchmarks/README.md documents.
#
#   benchmarks/run.sh                    # the whole suite; results in benchmarks/target/jmh-result.{txt,json}
#   benchmarks/run.sh SymbolLookup       # only the benchmarks matching a regular expression
#   benchmarks/run.sh -f 3 -i 10 ...     # JMH options; they override the settings on the classes
#
# It builds the benchmark jar first when it is missing (./mvnw -B -q -DskipTests package -pl benchmarks -am);
# BENCH_REBUILD=1 forces that build.
#
# Java: $JAVA_HOME when its `java -version` is 22 or newer, else the newest JDK >= 22 under
# /usr/lib/jvm (and /Library/Java/JavaVirtualMachines on macOS); NATIVELOAD_JVM_DIRS, a
# colon-separated list of directories, replaces those. The same rule as bin/nativeload.
set -euo pipefail

readonly MIN_JAVA=22

die() {
  printf 'benchmarks/run.sh: %s\n' "$*" >&2
  exit 3
}

here="$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd -P -- "$here/.." && pwd)"

# Prints the feature version (8, 17, 25, ...) of a java launcher, or nothing if it cannot be told.
java_feature_version() {
  local java="$1" first quoted
  [[ -x "$java" && ! -d "$java" ]] || return 0
  first="$("$java" -version 2>&1 | head -n 1)" || return 0
  [[ "$first" =~ \"([^\"]+)\" ]] || return 0
  quoted="${BASH_REMATCH[1]}"
  if [[ "$quoted" =~ ^1\.([0-9]+) ]] || [[ "$quoted" =~ ^([0-9]+) ]]; then
    printf '%d\n' "$((10#${BASH_REMATCH[1]}))"
  fi
}

find_java() {
  local version best="" best_version=0 dir home java
  local -a dirs
  if [[ -n "${JAVA_HOME:-}" ]]; then
    version="$(java_feature_version "$JAVA_HOME/bin/java")"
    if [[ -n "$version" ]] && ((version >= MIN_JAVA)); then
      printf '%s\n' "$JAVA_HOME/bin/java"
      return 0
    fi
  fi
  if [[ -n "${NATIVELOAD_JVM_DIRS:-}" ]]; then
    IFS=: read -r -a dirs <<<"$NATIVELOAD_JVM_DIRS"
  else
    dirs=(/usr/lib/jvm /Library/Java/JavaVirtualMachines)
  fi
  for dir in "${dirs[@]}"; do
    [[ -d "$dir" ]] || continue
    for home in "$dir"/*; do
      for java in "$home/bin/java" "$home/Contents/Home/bin/java"; do
        version="$(java_feature_version "$java")"
        if [[ -n "$version" ]] && ((version >= MIN_JAVA && version > best_version)); then
          best="$java"
          best_version="$version"
        fi
      done
    done
  done
  if [[ -n "$best" ]]; then
    printf '%s\n' "$best"
  fi
}

java="$(find_java)"
[[ -n "$java" ]] || die "no Java $MIN_JAVA or newer: set JAVA_HOME, or install one under /usr/lib/jvm"

jar="$here/target/benchmarks.jar"
if [[ ! -f "$jar" || "${BENCH_REBUILD:-0}" == 1 ]]; then
  (cd "$root" && ./mvnw -B -q -DskipTests package -pl benchmarks -am) || die "the build failed"
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
