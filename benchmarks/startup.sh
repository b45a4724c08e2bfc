#!/usr/bin/env bash
# Start-up of whole processes, timed in paired, interleaved rounds (benchmarks/pairs.py): each
# round runs every contender once in a rotated order, so a busy machine slows them alike. Prints
# medians with their interquartile range and each contender's ratio to the first of its group.
#
#   benchmarks/startup.sh cli   [-n ROUNDS]   empty JVM, inspect and tree of one file (with and
#                                             without the AOT cache), readelf -d, ldd
#   benchmarks/startup.sh load  [-n ROUNDS]   ColdStartProgram: empty JVM, the JDK's libraryLookup,
#                                             NativeLoader.load("z"), each loading zlib and calling it
#   benchmarks/startup.sh trees [-n ROUNDS]   tree of every dynamically linked executable of /usr/bin
#                                             and /usr/sbin in one process, against ldd once per file
#
# BEFORE=DIR adds the same commands from another built checkout (DIR/bin/nativeload, its benchmark
# jar), paired in the same rounds: before and after a change.
#
# Needs the benchmark jar and loader-cli built (./mvnw -DskipTests package -pl benchmarks,loader-cli -am)
# and python3. The AOT cache the cli group uses is made first, in a temporary XDG_CACHE_HOME, by
# the launcher itself; the ld.so-cached files and the page cache are warmed by the warm-up rounds.
set -euo pipefail
here="$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"
root="${here%/*}"
group="${1:-}"
shift || true
die() { printf 'benchmarks/startup.sh: %s\n' "$*" >&2; exit 3; }
rounds=20
while (($#)); do
  case "$1" in
    -n) rounds="$2"; shift 2 ;;
    *) die "unknown option $1" ;;
  esac
done

java="$("$root/scripts/find-java.sh")" || die "no Java 22 or newer"
jar="$here/target/benchmarks.jar"
[[ -f "$jar" ]] || die "build first: ./mvnw -DskipTests package -pl benchmarks,loader-cli -am"
command -v python3 >/dev/null || die "needs python3"
"$java" -version 2>&1 | head -2 | sed 's/^/# /'
nl="$root/bin/nativeload"
launcher_opts="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
empty="$java $launcher_opts -cp $jar dev.nativeload.bench.ColdStartProgram none"

# The binaries of /usr/bin and /usr/sbin that ldd resolves (dynamically linked ELF executables).
dynamic_executables() {
  local f
  for f in /usr/bin/* /usr/sbin/*; do
    [[ -f "$f" && ! -L "$f" && -x "$f" ]] || continue
    [[ "$(head -c 4 "$f" 2>/dev/null | od -An -c | tr -d ' ')" == '177ELF' ]] || continue
    ldd "$f" >/dev/null 2>&1 && printf '%s\n' "$f"
  done
}

# The launcher's AOT cache, in a temporary XDG_CACHE_HOME: the first command makes it in the
# background; wait for it.
cache="$(mktemp -d)"
list="$(mktemp)"
trap 'rm -rf "$cache" "$list"' EXIT
export XDG_CACHE_HOME="$cache"
lib="$(readlink -f /lib/x86_64-linux-gnu/libz.so.1 2>/dev/null || echo "$java")"
# BEFORE's launcher makes its own cache (another module path): both are made before the rounds.
"$nl" inspect "$lib" >/dev/null
[[ -z "${BEFORE:-}" ]] || "$BEFORE/bin/nativeload" inspect "$lib" >/dev/null
for _ in $(seq 180); do
  [[ -z "$(compgen -G "$cache/nativeload/*.lock")" ]] && break
  sleep 1
done
echo "# AOT caches: $(compgen -G "$cache/nativeload/*.aot" | wc -l) (none: JDK older than 25?)"

case "$group" in
  cli)
    before=()
    if [[ -n "${BEFORE:-}" ]]; then
      before=("inspect, $BEFORE=$BEFORE/bin/nativeload inspect $lib" "tree, $BEFORE=$BEFORE/bin/nativeload tree $lib")
    fi
    python3 "$here/pairs.py" --runs "$rounds" \
      "empty JVM=$empty" \
      ${before[@]+"${before[@]}"} \
      "inspect=$nl inspect $lib" \
      "inspect, no AOT cache=NATIVELOAD_AOT=off $nl inspect $lib" \
      "tree=$nl tree $lib" \
      "tree, no AOT cache=NATIVELOAD_AOT=off $nl tree $lib" \
      "readelf -d=readelf -d $lib" \
      "ldd=ldd $lib"
    ;;
  load)
    run="$java --enable-native-access=ALL-UNNAMED -cp $jar dev.nativeload.bench.ColdStartProgram"
    before=()
    if [[ -n "${BEFORE:-}" ]]; then
      before=("nativeload, $BEFORE=${run/"$jar"/"$BEFORE/benchmarks/target/benchmarks.jar"} nativeload")
    fi
    python3 "$here/pairs.py" --runs "$rounds" \
      "jdk=$run jdk" ${before[@]+"${before[@]}"} "nativeload=$run nativeload" "empty JVM=$run none"
    ;;
  trees)
    dynamic_executables >"$list"
    echo "# $(wc -l <"$list") dynamically linked executables"
    before=()
    if [[ -n "${BEFORE:-}" ]]; then
      before=("nativeload tree, $BEFORE=$BEFORE/bin/nativeload tree --json @$list || [ \$? -eq 1 ]")
    fi
    python3 "$here/pairs.py" --runs "$rounds" --warmup 1 \
      "ldd once per file=while read -r f; do ldd \"\$f\"; done <$list" \
      ${before[@]+"${before[@]}"} \
      "nativeload tree=$nl tree --json @$list || [ \$? -eq 1 ]"
    ;;
  *) die "which group: cli, load or trees" ;;
esac
