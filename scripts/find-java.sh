#!/usr/bin/env bash
# Prints the path of a `java` from a JDK >= 22 (with --home: the JDK's home directory), found the
# way the build finds one: $JAVA_HOME when it is new enough, else the newest JDK under /usr/lib/jvm.
set -euo pipefail

print() { # java binary
  if [ "$want_home" = 1 ]; then dirname "$(dirname "$1")"; else echo "$1"; fi
}
want_home=0
[ "${1:-}" = "--home" ] && want_home=1

feature_version() { # java binary -> its feature version (22, 25, ...), or 0
  local v="" release line
  # The JDK's release file names its version without starting a JVM (0.1 s per JDK, on every
  # bin/nativeload run); a home without one is asked directly.
  release="$(dirname "$(dirname "$1")")/release"
  if [ -r "$release" ]; then
    while IFS= read -r line; do
      case "$line" in JAVA_VERSION=*) v="${line#JAVA_VERSION=}"; v="${v//\"/}" ;; esac
    done <"$release"
  fi
  if [ -z "$v" ]; then
    v=$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -1)
  fi
  v="${v%%[!0-9.]*}"
  case "$v" in 1.*) echo 0 ;; '') echo 0 ;; *) echo "${v%%.*}" ;; esac
}

if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(feature_version "$JAVA_HOME/bin/java")" -ge 22 ]; then
  print "$JAVA_HOME/bin/java"
  exit 0
fi
best="" best_version=0
for java in /usr/lib/jvm/*/bin/java; do
  [ -x "$java" ] || continue
  v=$(feature_version "$java")
  if [ "$v" -gt "$best_version" ]; then best="$java" best_version="$v"; fi
done
if [ "$best_version" -ge 22 ]; then
  print "$best"
  exit 0
fi
echo "no JDK 22 or newer found: set JAVA_HOME to one (checked \$JAVA_HOME and /usr/lib/jvm)" >&2
exit 1
