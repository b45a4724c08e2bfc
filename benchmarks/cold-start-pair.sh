#!/usr/bin/env bash
# The first load in a new JVM, before and after a change: runs ColdStartProgram (load zlib, call
# zlibVersion(), exit) from two builds of the benchmarks jar, alternating which goes first, RUNS
# times each (default 21), and prints the median and spread of wall time and of CPU time (user+sys,
# steadier on a busy machine) for each, and the median of the paired differences (after - before). WAY is the program's argument (default nativeload; none
# measures the JVM alone).
#
#   ./mvnw -B -q -DskipTests package -pl benchmarks -am && cp benchmarks/target/benchmarks.jar before.jar
#   (change, rebuild)  && benchmarks/cold-start-pair.sh before.jar benchmarks/target/benchmarks.jar 21
set -euo pipefail
before="${1:?usage: cold-start-pair.sh BEFORE.jar AFTER.jar [RUNS] [WAY]}"
after="${2:?usage: cold-start-pair.sh BEFORE.jar AFTER.jar [RUNS] [WAY]}"
runs="${3:-21}"
way="${4:-nativeload}"
root="$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)"
java="$("$root/scripts/find-java.sh")"
out="$(mktemp)"
trap 'rm -f "$out"' EXIT

once() { # JAR: prints "wall-ms cpu-ms" of one new JVM
  local t
  t="$( { TIMEFORMAT='%R %U %S'; time "$java" --enable-native-access=ALL-UNNAMED -cp "$1" \
        dev.nativeload.bench.ColdStartProgram "$way" >/dev/null; } 2>&1 )"
  echo "$t" | awk '{ printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000 }'
}

once "$before" >/dev/null
once "$after" >/dev/null
for ((i = 0; i < runs; i++)); do
  if ((i % 2 == 0)); then b=$(once "$before"); a=$(once "$after"); else a=$(once "$after"); b=$(once "$before"); fi
  read -r bw bc <<<"$b"
  read -r aw ac <<<"$a"
  echo "$bw $aw $((aw - bw)) $bc $ac $((ac - bc))" >>"$out"
done
median() { sort -n | awk '{ v[NR] = $1 } END { printf "%d", v[int((NR + 1) / 2)] }'; }
spread() { sort -n | awk '{ v[NR] = $1 } END { printf "%d..%d", v[1], v[NR] }'; }
col() { cut -d' ' -f"$1" "$out"; }
echo "ColdStartProgram $way, $runs pairs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| | wall ms median (min..max) | CPU ms median (min..max) |"
echo "|---|---|---|"
echo "| before | $(col 1 | median) ($(col 1 | spread)) | $(col 4 | median) ($(col 4 | spread)) |"
echo "| after | $(col 2 | median) ($(col 2 | spread)) | $(col 5 | median) ($(col 5 | spread)) |"
echo "| after - before, paired | $(col 3 | median) ($(col 3 | spread)) | $(col 6 | median) ($(col 6 | spread)) |"
