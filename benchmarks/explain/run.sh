#!/usr/bin/env bash
# Whole-process speed of `nativeload explain` over a 100 MB log (issue #15: under 3 s), interleaved
# in the same run with `nativeload --version` (the launcher and the JVM's start: what explain costs beyond
# it is the scan) and `grep -c` over the same file (reading 100 MB from the page cache).
# Runs RUNS (default 7) interleaved pairs after one warm-up of each, and prints the median and the
# spread (min..max) of wall time and of CPU time (user+sys) for each, and their ratio.
#
#   ./mvnw -B -q -DskipTests package -pl loader-cli -am && benchmarks/explain/run.sh [RUNS]
#
# The log is made once by make-log.sh under benchmarks/target/ (about 3 s) and reused.
set -euo pipefail
root="$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-7}"
log="$root/benchmarks/target/explain-100mb.log"
mkdir -p "$root/benchmarks/target"
[[ -s "$log" ]] || "$root/benchmarks/explain/make-log.sh" "$log" 100 2>/dev/null
times="$(mktemp)"
trap 'rm -f "$times"' EXIT

measure() { # NAME COMMAND...: appends "NAME wall cpu" to $times
  local name="$1" t
  shift
  t="$( { TIMEFORMAT='%R %U %S'; time "$@" >/dev/null 2>&1 || true; } 2>&1 )"
  read -r wall user sys <<<"$t"
  echo "$name $wall $(echo "$user + $sys" | bc)" >>"$times"
}

found="$("$root/bin/nativeload" explain --json "$log" | wc -l || true)"
grep -c UnsatisfiedLinkError "$log" >/dev/null
for ((i = 0; i < runs; i++)); do
  measure explain "$root/bin/nativeload" explain --json "$log"
  measure version "$root/bin/nativeload" --version
  measure grep grep -c UnsatisfiedLinkError "$log"
done

stats() { # NAME COLUMN: median min max
  awk -v n="$1" -v c="$2" '$1 == n { print $c }' "$times" | sort -n |
    awk '{ v[NR] = $1 } END { printf "%.2f %.2f %.2f", (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2), v[1], v[NR] }'
}
read -r ew ewmin ewmax <<<"$(stats explain 2)"
read -r ec ecmin ecmax <<<"$(stats explain 3)"
read -r vw vwmin vwmax <<<"$(stats version 2)"
read -r vc vcmin vcmax <<<"$(stats version 3)"
read -r gw gwmin gwmax <<<"$(stats grep 2)"
read -r gc gcmin gcmax <<<"$(stats grep 3)"
echo "log: $(du -m "$log" | cut -f1) MB, $found failures reported; $runs interleaved pairs; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| command | wall median (min..max) | CPU user+sys median (min..max) |"
echo "|---|---|---|"
echo "| nativeload explain --json | $ew s ($ewmin..$ewmax) | $ec s ($ecmin..$ecmax) |"
echo "| nativeload --version | $vw s ($vwmin..$vwmax) | $vc s ($vcmin..$vcmax) |"
echo "| grep -c UnsatisfiedLinkError | $gw s ($gwmin..$gwmax) | $gc s ($gcmin..$gcmax) |"
echo "explain beyond the JVM's start (medians): wall $(echo "$ew - $vw" | bc) s, CPU $(echo "$ec - $vc" | bc) s"
