#!/usr/bin/env bash
# Prints the path of a `java` from a JDK >= 22 (with --home: the JDK's home directory), found the
# way the build finds one: $JAVA_HOME when it is new enough, else the newest JDK under /usr/lib/jvm.
#
# Sourced (as bin/nativeload does, to start no process before the JVM), it defines find_java, which
# sets java_found and returns 1 when there is none; it runs no program: bash builtins only.
set -euo pipefail

# The feature version (22, 25, ...) of a java binary into java_feature, 0 when unknown.
find_java_feature() { # java binary
  local v="" line release="${1%/*/*}/release"
  # The JDK's release file names its version without starting a JVM (0.1 s per JDK, on every
  # bin/nativeload run); a home without one is asked directly.
  if [[ -r "$release" ]]; then
    while IFS= read -r line; do
      case "$line" in JAVA_VERSION=*) v="${line#JAVA_VERSION=}"; v="${v//\"/}" ;; esac
    done <"$release"
  fi
  if [[ -z "$v" ]]; then
    v=$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -1)
  fi
  v="${v%%[!0-9.]*}"
  case "$v" in 1.* | '') java_feature=0 ;; *) java_feature="${v%%.*}" ;; esac
}

# Sets java_found to the java to use; returns 1 when there is none.
find_java() {
  java_found=""
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    find_java_feature "$JAVA_HOME/bin/java"
    if ((java_feature >= 22)); then
      java_found="$JAVA_HOME/bin/java"
      return 0
    fi
  fi
  local candidate best_version=0
  for candidate in /usr/lib/jvm/*/bin/java; do
    [[ -x "$candidate" ]] || continue
    find_java_feature "$candidate"
    if ((java_feature > best_version)); then java_found="$candidate" best_version="$java_feature"; fi
  done
  ((best_version >= 22)) || { java_found=""; return 1; }
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  if ! find_java; then
    echo "no JDK 22 or newer found: set JAVA_HOME to one (checked \$JAVA_HOME and /usr/lib/jvm)" >&2
    exit 1
  fi
  if [[ "${1:-}" == "--home" ]]; then
    printf '%s\n' "${java_found%/*/*}"
  else
    printf '%s\n' "$java_found"
  fi
fi
