#!/usr/bin/env bash
# The main job on its default: builds what is needed (tests skipped) and runs the LoadAndCall example,
# which loads zlib by name through the chain, calls zlibVersion() and prints the load report.
# Arguments are passed on: scripts/demo.sh [library [function]]
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
cd "$root"
./mvnw -q -B -DskipTests -pl examples -am package
java=$(scripts/find-java.sh)
exec "$java" --enable-native-access=dev.nativeload.ffm,dev.nativeload.examples \
  -p "examples/target/lib:$(ls examples/target/examples-*.jar | head -1)" \
  -m dev.nativeload.examples/dev.nativeload.examples.LoadAndCall "$@"
