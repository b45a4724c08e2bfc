# shellcheck shell=bash
# The JDK AOT cache of nativeload's launchers (JEP 483/514/515), sourced by bin/nativeload of a
# checkout and of the distribution. One command costs a JVM start plus loading and linking about
# 1,700 classes; a cache made from a training run holds them loaded and linked, and the launcher
# uses it from the second command on.
#
# The rules:
# - JDK 25 or newer only (one-step -XX:AOTCacheOutput); older JDKs run exactly as before.
# - The file lives in the user's own cache directory, $XDG_CACHE_HOME/nativeload or
#   ~/.cache/nativeload, named <nativeload version>-<JDK build>-<FNV-1a hash of the module path and
#   JVM options>.aot, so two installations, two JDK builds or other options never share one.
#   A jar newer than the file makes it stale: it is made again.
# - It is used only when the directory and the file are owned by this user, are not symbolic links,
#   and the directory is writable by no one else; otherwise nothing is read or written there.
# - It is made after the command that found it missing, in the background, at low priority, from a
#   fixed training run (AotTraining: inspect and tree of the java binary), into a temporary file
#   renamed into place (atomic), with owner-only permissions; one maker at a time (a lock
#   directory), and a failed training is not retried until a jar changes.
# - The JVM's AOT log is switched off (it writes to stdout, where --json goes): a stale, foreign,
#   truncated or corrupt cache only makes the JVM run without it.
# - NATIVELOAD_AOT=off turns all of it off.
#
# The launchers call aot_run JAVA MODULE_PATH VERSION ARGS... with their JVM options in the array
# java_opts: it runs dev.nativeload.cli.Main and never returns.

aot_opts=()
aot_make=0
aot_file=""

# The JDK's feature version and build from its release file, into aot_feature and aot_build (empty
# when it has none). Builtins only, as every step before the JVM starts: a program started here
# costs the command more than the rest of this file.
aot_read_release() { # release-file
  local line
  aot_feature=""
  aot_build=""
  [[ -r "$1" ]] || return 0
  while IFS= read -r line; do
    case "$line" in
      JAVA_VERSION=*) aot_feature="${line#JAVA_VERSION=}" ;;
      JAVA_RUNTIME_VERSION=*) aot_build="${line#JAVA_RUNTIME_VERSION=}" ;;
    esac
  done <"$1"
  aot_feature="${aot_feature//\"/}"
  aot_feature="${aot_feature%%[!0-9]*}"
  aot_build="${aot_build//\"/}"
}

# The 32-bit FNV-1a hash of TEXT's bytes into aot_hash, in bash arithmetic (cksum, a program,
# took longer than the whole rest of this file).
aot_fnv1a() { # text
  local LC_ALL=C text="$1" i code
  aot_hash=2166136261
  for ((i = 0; i < ${#text}; i++)); do
    printf -v code '%d' "'${text:i:1}"
    ((aot_hash = ((aot_hash ^ (code & 0xff)) * 16777619) & 0xffffffff))
  done
}

# Whether DIR is a directory of this user's own: owned by the effective uid, not a symbolic link,
# writable by neither group nor others.
aot_own_directory() { # dir
  [[ -d "$1" && ! -L "$1" && -O "$1" ]] || return 1
  [[ -z "$(find "$1" -maxdepth 0 \( -perm -0020 -o -perm -0002 \) -print 2>/dev/null)" ]]
}

aot_setup() { # java module-path version java-opts...
  local java="$1" module_path="$2" version="$3"
  shift 3
  [[ "${NATIVELOAD_AOT:-on}" != off ]] || return 0
  local opt
  for opt in "$@"; do
    # The user chose AOT or CDS options of their own: leave them alone.
    case "$opt" in -XX:*AOT* | -XX:SharedArchiveFile* | -Xshare*) return 0 ;; esac
  done
  local real
  # readlink only for a link (a java on PATH): each program started here delays the JVM.
  real="$java"
  if [[ -L "$java" ]]; then real="$(readlink -f -- "$java" 2>/dev/null)" || real="$java"; fi
  aot_read_release "${real%/bin/*}/release"
  local build="$aot_build"
  [[ -n "$aot_feature" && -n "$build" ]] && ((aot_feature >= 25)) || return 0

  local base
  if [[ -n "${XDG_CACHE_HOME:-}" && "$XDG_CACHE_HOME" == /* ]]; then
    base="$XDG_CACHE_HOME"
  elif [[ -n "${HOME:-}" && "$HOME" == /* ]]; then
    base="$HOME/.cache"
  else
    return 0
  fi
  local dir="$base/nativeload"
  if [[ ! -e "$dir" ]]; then
    (umask 077 && mkdir -p -- "$dir") 2>/dev/null || return 0
  fi
  aot_own_directory "$dir" || return 0

  local key
  printf -v key '%s\n' "$module_path" "$real" "$@"
  aot_fnv1a "$key"
  aot_file="$dir/$version-${build//[^A-Za-z0-9.+_-]/_}-$aot_hash.aot"
  aot_java="$java"
  aot_trained_on="$real"
  aot_module_path="$module_path"
  aot_java_opts=("$@")

  local newest="" jar
  IFS=: read -r -a aot_jars <<<"$module_path"
  for jar in "${aot_jars[@]}"; do
    if [[ -d "$jar" ]]; then
      for jar in "$jar"/*.jar; do [[ -z "$newest" || "$jar" -nt "$newest" ]] && newest="$jar"; done
    elif [[ -z "$newest" || "$jar" -nt "$newest" ]]; then
      newest="$jar"
    fi
  done
  if [[ -f "$aot_file" && ! -L "$aot_file" && -O "$aot_file" && ! "$newest" -nt "$aot_file" ]]; then
    aot_opts=("-XX:AOTCache=$aot_file" "-Xlog:aot*=off,cds*=off")
  elif [[ -e "$aot_file.failed" && ! "$newest" -nt "$aot_file.failed" ]]; then
    : # the training failed with these jars; tried again when one changes
  else
    aot_make=1
  fi
}

# Makes the cache in the background: a training run of the same JVM, options and module path,
# into a temporary file that is renamed into place when the JVM wrote it whole.
aot_make_later() {
  ((aot_make == 1)) || return 0
  local lock="$aot_file.lock"
  # A lock left by a maker that was killed is taken over after ten minutes.
  if [[ -d "$lock" && -n "$(find "$lock" -maxdepth 0 -mmin +10 2>/dev/null)" ]]; then
    rmdir -- "$lock" 2>/dev/null || true
  fi
  mkdir -m 700 -- "$lock" 2>/dev/null || return 0
  (
    umask 077
    exec </dev/null >/dev/null 2>&1
    tmp="$aot_file.$$.tmp"
    if nice -n 10 "$aot_java" "${aot_java_opts[@]}" "-XX:AOTCacheOutput=$tmp" "-Xlog:aot*=off,cds*=off" \
        --enable-native-access=dev.nativeload.ffm,dev.nativeload.cli -p "$aot_module_path" \
        -m dev.nativeload.cli/dev.nativeload.cli.AotTraining "$aot_trained_on" && [[ -s "$tmp" ]]; then
      mv -f -- "$tmp" "$aot_file" && rm -f -- "$aot_file.failed"
    else
      : >"$aot_file.failed"
    fi
    rm -f -- "$tmp" "$tmp.config"
    rmdir -- "$lock"
  ) &
}

# Runs the command line with the cache when there is one. When none is to be made, the JVM replaces
# this shell; otherwise the command runs first, the maker starts after it, and the command's status
# is this script's.
aot_run() { # java module-path version args...
  local java="$1" module_path="$2" version="$3"
  shift 3
  aot_setup "$java" "$module_path" "$version" "${java_opts[@]}"
  local command=("$java" "${java_opts[@]}" ${aot_opts[@]+"${aot_opts[@]}"} --enable-native-access=dev.nativeload.ffm,dev.nativeload.cli
    -p "$module_path" -m dev.nativeload.cli/dev.nativeload.cli.Main "$@")
  if ((aot_make == 0)); then
    exec "${command[@]}"
  fi
  local status=0
  "${command[@]}" || status=$?
  aot_make_later
  exit "$status"
}
