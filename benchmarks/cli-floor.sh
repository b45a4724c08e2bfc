#!/usr/bin/env bash
# The floor of one command against the command itself, in paired, interleaved rounds (pairs.py):
# an empty JVM; CliFloor (benchmarks/floor: inspect or tree of libz with no argument parsing, no
# launcher script, no System.exit) with and without its own AOT cache; dev.nativeload.cli.Main run
# by java directly with the launcher's AOT cache (the parser and Main, no script); and
# bin/nativeload (the launcher script too). What lies between two lines is what one step costs.
#
#   benchmarks/cli-floor.sh [-n ROUNDS]
#
# Needs loader-cli and the benchmark jar built (./mvnw -DskipTests package -pl benchmarks,loader-cli -am).
# CliFloor is compiled into a copy of the loader-cli jar in a temporary directory (it reads
# package-private classes; --patch-module would switch the AOT cache off).
set -euo pipefail
here="$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"
root="${here%/*}"
rounds=15
[[ "${1:-}" == -n ]] && rounds="$2"
source "$root/scripts/find-java.sh"
find_java || { echo "benchmarks/cli-floor.sh: no Java 22 or newer" >&2; exit 3; }
java="$java_found"
jdk="${java%/bin/java}"
target="$root/loader-cli/target"
jar=""
for candidate in "$target"/loader-cli-*.jar; do jar="$candidate"; done
[[ -f "$jar" && -f "$here/target/benchmarks.jar" ]] || { echo "build first: ./mvnw -DskipTests package -pl benchmarks,loader-cli -am" >&2; exit 3; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/classes" "$work/cache"
chmod 700 "$work/cache"
"$jdk/bin/javac" -d "$work/classes" -p "$target/lib:$jar" --patch-module dev.nativeload.cli="$here/floor" "$here/floor/CliFloor.java"
cp "$jar" "$work/floor.jar"
(cd "$work/classes" && "$jdk/bin/jar" uf "$work/floor.jar" dev/nativeload/cli/CliFloor.class)

opts="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
lib="$(readlink -f /lib/x86_64-linux-gnu/libz.so.1 2>/dev/null || echo "$java")"
floor="--enable-native-access=dev.nativeload.ffm,dev.nativeload.cli -p $target/lib:$work/floor.jar -m dev.nativeload.cli/dev.nativeload.cli.CliFloor"
"$java" $opts "-XX:AOTCacheOutput=$work/floor.aot" "-Xlog:aot*=off,cds*=off" $floor train "$java" >/dev/null 2>&1
# The launcher's own cache, made by the launcher, in this run's XDG_CACHE_HOME.
export XDG_CACHE_HOME="$work/cache"
"$root/bin/nativeload" inspect "$lib" >/dev/null
for _ in $(seq 180); do
  [[ -z "$(compgen -G "$work/cache/nativeload/*.lock")" ]] && break
  sleep 1
done
cache="$(compgen -G "$work/cache/nativeload/*.aot")"
aot="-XX:AOTCache=$cache -Xlog:aot*=off,cds*=off"
main="--enable-native-access=dev.nativeload.ffm,dev.nativeload.cli -p $target/lib:$jar -m dev.nativeload.cli/dev.nativeload.cli.Main"
"$java" -version 2>&1 | head -2 | sed 's/^/# /'
python3 "$here/pairs.py" --runs "$rounds" \
  "empty JVM=$java $opts -cp $here/target/benchmarks.jar dev.nativeload.bench.ColdStartProgram none" \
  "floor inspect, AOT cache=$java $opts -XX:AOTCache=$work/floor.aot -Xlog:aot*=off,cds*=off $floor inspect $lib" \
  "floor inspect, no AOT cache=$java $opts $floor inspect $lib" \
  "floor tree, AOT cache=$java $opts -XX:AOTCache=$work/floor.aot -Xlog:aot*=off,cds*=off $floor tree $lib" \
  "java Main inspect, AOT cache=$java $opts $aot $main inspect $lib" \
  "java Main tree, AOT cache=$java $opts $aot $main tree $lib" \
  "bin/nativeload inspect=$root/bin/nativeload inspect $lib" \
  "bin/nativeload tree=$root/bin/nativeload tree $lib"
