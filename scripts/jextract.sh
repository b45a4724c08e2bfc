#!/usr/bin/env bash
# Generates loader-ffm's C bindings with jextract from the real C headers, into
#   loader-ffm/src/main/java/dev/nativeload/ffm/generated/...
# The generated files are committed, so building and testing never need jextract; this script is
# only for regenerating them (after a change to the lists below) and for checking them.
#
# Usage: scripts/jextract.sh           regenerate into the source tree (replaces generated/)
#        scripts/jextract.sh --check   regenerate into a temporary directory, print any difference
#                                      from the committed files, exit 1 if there is one
#
# jextract is taken from $JEXTRACT, else from PATH: a build from the OpenJDK jextract project, or
# one built from its sources (README, "Regenerating the C bindings"). The headers come from Debian
# 12 packages (scripts/install-packages.sh installs them): libc6-dev (glibc of the host, x86_64),
# libc6-dev-{arm64,armhf,i386,riscv64,s390x,ppc64el}-cross, musl-dev and mingw-w64-x86-64-dev.
# Other versions of these headers (or of libclang) may generate slightly different text, which
# --check reports.
#
# Each target is generated in its own working directory whose compile_flags.txt (read by jextract)
# holds the clang flags for that target: --target, -nostdinc and the target's include directory,
# so no header of the host leaks into another target's output.
#
# Post-processing (the only changes made to jextract's output, done here, never by hand):
#   jextract types C `long` by the OS it runs on, not by the target: off Windows it declares
#   C_LONG as a 64-bit ValueLayout.OfLong taken from the running JVM's canonical layouts, with Java
#   `long` carriers. For a target whose C long is 32 bits (i686 and armhf Linux, ILP32; Windows,
#   LLP64) that is wrong both ways: the layout is 8 bytes on a 64-bit JVM, and on the target the
#   cast to OfLong fails. long_is_32_bits() rewrites such a target's output to what jextract itself
#   emits on Windows: C_LONG becomes ValueLayout.JAVA_INT (4 bytes, 4-aligned, native byte order on
#   every target where C long is 32 bits), and every struct field and function parameter or result
#   laid out as C_LONG gets a Java `int` carrier. Each rewritten line ends with the comment
#   "// scripts/jextract.sh: C long is 32 bits", so the changes are visible in the committed files.
#   And for every target: SymbolLookup.findOrThrow (JDK 23) becomes find(...).orElseThrow(), the same
#   in JDK 22, the release nativeload is compiled for; marked "// scripts/jextract.sh: JDK 22".
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tree_rel=loader-ffm/src/main/java/dev/nativeload/ffm/generated
package=dev.nativeload.ffm.generated

check=false
case "${1:-}" in
  --check) check=true ;;
  "") ;;
  *) echo "usage: scripts/jextract.sh [--check]" >&2; exit 2 ;;
esac

jextract_bin="${JEXTRACT:-$(command -v jextract || true)}"
if [[ -z "$jextract_bin" || ! -x "$jextract_bin" ]]; then
  echo "jextract.sh: jextract was not found (set JEXTRACT=/path/to/jextract or put it on PATH)." >&2
  echo "jextract.sh: it is a separate tool from the OpenJDK jextract project, not part of the JDK;" >&2
  echo "jextract.sh: the generated bindings are committed, so the build never needs it." >&2
  exit 2
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/nativeload-jextract.XXXXXX")"
trap 'rm -rf "$work"' EXIT
out="$work/src"
mkdir -p "$out"

# Clang's own headers (stddef.h, stdint.h, ...) come from jextract, which adds them with -I; -nostdinc
# keeps the host's /usr/include out of every target.
flags() { # flags TARGET INCLUDE_DIRS (colon-separated) -> the compile_flags.txt lines
  local dir
  printf -- '--target=%s\n-nostdinc\n' "$1"
  IFS=: read -ra dirs <<< "$2"
  for dir in "${dirs[@]}"; do printf -- '-isystem%s\n' "$dir"; done
}

# gen DIR_NAME TARGET INCLUDE_DIRS SUBPACKAGE HEADER OPTIONS...: one jextract run, one header class.
gen() {
  local name="$1" target="$2" include="$3" sub="$4" header="$5" shared
  shift 5
  # One class of C type layouts (C_INT, C_LONG, ...) per package, shared by its header classes,
  # instead of one per header: the same file each time, fewer classes to load at start-up.
  shared="${sub##*.}_shared"
  local dir="$work/run/$name"
  mkdir -p "$dir"
  flags "$target" "$include" > "$dir/compile_flags.txt"
  echo "jextract.sh: $target $header -> $package.$sub" >&2
  (cd "$dir" && "$jextract_bin" -D _GNU_SOURCE --output "$out" --target-package "$package.$sub" \
    --symbols-class-name "$shared" "$@" "$header") \
    > "$dir/log" 2>&1 || { cat "$dir/log" >&2; exit 1; }
  # jextract reports what it skips as warnings; none is expected from these lists.
  if grep -qi 'warning\|error' "$dir/log"; then
    cat "$dir/log" >&2
    echo "jextract.sh: jextract warned about $header for $target" >&2
    exit 1
  fi
}

# ---- POSIX: this machine's glibc (x86_64). What is the same on every Linux ABI and word size: function
# ---- signatures of ints and pointers, Dl_info (four pointers), the constants (glibc and musl agree).
glibc=(x86_64-linux-gnu /usr/include/x86_64-linux-gnu:/usr/include)
gen dlfcn "${glibc[@]}" posix '<dlfcn.h>' \
  --include-function dlopen --include-function dlsym --include-function dlerror \
  --include-function dlclose --include-function dladdr --include-function dlinfo \
  --include-typedef Dl_info \
  --include-constant RTLD_LAZY --include-constant RTLD_NOW --include-constant RTLD_GLOBAL \
  --include-constant RTLD_LOCAL --include-constant RTLD_NOLOAD --include-constant RTLD_DI_LINKMAP
gen string "${glibc[@]}" posix '<string.h>' --include-function strerror
gen errno "${glibc[@]}" posix '<errno.h>' --include-function __errno_location
gen libc-version "${glibc[@]}" posix '<gnu/libc-version.h>' --include-function gnu_get_libc_version

# ---- What depends on the word size alone, once per word size: sysconf() returns a C long, and
# ---- struct link_map begins with an ElfW(Addr). posix.lp64 from this machine's glibc (every LP64
# ---- Linux ABI has these the same), posix.ilp32 from i686's (armhf's are the same; both are checked
# ---- with their compilers by the tests). The posix package above is then free of C long and
# ---- initializes on either word size (see the post-processing below).
word_size() { # word_size SUBPACKAGE TARGET INCLUDE_DIRS
  gen "unistd-$1" "$2" "$3" "posix.$1" '<unistd.h>' \
    --include-function sysconf --include-function getpid --include-constant _SC_PAGESIZE
  gen "link-$1" "$2" "$3" "posix.$1" '<link.h>' --include-struct link_map
}
word_size lp64 "${glibc[@]}"
word_size ilp32 i686-linux-gnu /usr/i686-linux-gnu/include

# ---- The calls the embedded cache's trust checks make on a descriptor (<fcntl.h>, <sys/stat.h>,
# ---- <unistd.h>), one package per ABI, dev.nativeload.ffm.generated.fcntl.<abi>: the O_* bits
# ---- differ by architecture (O_NOFOLLOW and O_DIRECTORY on arm, arm64 and POWER), struct stat and
# ---- struct flock by architecture and word size. Where C long is 32 bits (i686, armhf) the
# ---- large-file functions and structs are bound (open64, fcntl64, fstat64, pread64, pwrite64,
# ---- struct stat64, struct flock64: 64-bit off_t, what _FILE_OFFSET_BITS=64 redirects the plain
# ---- names to; glibc exports them under these names); elsewhere the plain names, whose off_t is
# ---- 64 bits already.
file_calls() { # file_calls ABI TARGET INCLUDE_DIRS [64]
  local abi="$1" target="$2" include="$3" lfs="${4:-}"
  gen "fcntl-$abi" "$target" "$include" "fcntl.$abi" '<fcntl.h>' \
    --include-function "open$lfs" --include-function "fcntl$lfs" --include-struct "flock$lfs" \
    --include-constant O_RDONLY --include-constant O_RDWR --include-constant O_CREAT \
    --include-constant O_NONBLOCK --include-constant O_NOCTTY --include-constant O_NOFOLLOW \
    --include-constant O_CLOEXEC --include-constant O_DIRECTORY \
    --include-constant F_OFD_GETLK --include-constant F_OFD_SETLK --include-constant F_OFD_SETLKW \
    --include-constant F_RDLCK --include-constant F_WRLCK --include-constant F_UNLCK
  gen "stat-$abi" "$target" "$include" "fcntl.$abi" '<sys/stat.h>' \
    --include-function "fstat$lfs" --include-struct "stat$lfs" --include-struct timespec
  gen "unistd-$abi" "$target" "$include" "fcntl.$abi" '<unistd.h>' \
    --include-function "pread$lfs" --include-function "pwrite$lfs" \
    --include-function close --include-function geteuid
}
file_calls x86_64 "${glibc[@]}"
file_calls aarch64 aarch64-linux-gnu /usr/aarch64-linux-gnu/include
file_calls riscv64 riscv64-linux-gnu /usr/riscv64-linux-gnu/include
file_calls s390x s390x-linux-gnu /usr/s390x-linux-gnu/include
file_calls ppc64le powerpc64le-linux-gnu /usr/powerpc64le-linux-gnu/include
file_calls i686 i686-linux-gnu /usr/i686-linux-gnu/include 64
file_calls armhf arm-linux-gnueabihf /usr/arm-linux-gnueabihf/include 64
file_calls musl_x86_64 x86_64-linux-musl /usr/include/x86_64-linux-musl

# ---- struct statvfs, one package per C library and architecture (the layouts differ); statvfs()
# ---- itself and the ST_* flags (the same on every Linux) only from this machine's glibc.
gen statvfs-x86_64 "${glibc[@]}" statvfs.x86_64 '<sys/statvfs.h>' --include-struct statvfs \
  --include-function statvfs \
  --include-constant ST_RDONLY --include-constant ST_NOSUID --include-constant ST_NOEXEC
statvfs_arch() { # statvfs_arch SUBPACKAGE TARGET INCLUDE_DIR
  gen "statvfs-$1" "$2" "$3" "statvfs.$1" '<sys/statvfs.h>' --include-struct statvfs
}
statvfs_arch aarch64 aarch64-linux-gnu /usr/aarch64-linux-gnu/include
statvfs_arch armhf arm-linux-gnueabihf /usr/arm-linux-gnueabihf/include
statvfs_arch i686 i686-linux-gnu /usr/i686-linux-gnu/include
statvfs_arch riscv64 riscv64-linux-gnu /usr/riscv64-linux-gnu/include
statvfs_arch s390x s390x-linux-gnu /usr/s390x-linux-gnu/include
statvfs_arch ppc64le powerpc64le-linux-gnu /usr/powerpc64le-linux-gnu/include
statvfs_arch musl_x86_64 x86_64-linux-musl /usr/include/x86_64-linux-musl

# ---- Windows: kernel32's functions from mingw-w64's <windows.h> (x86_64).
gen windows x86_64-w64-mingw32 /usr/x86_64-w64-mingw32/include windows '<windows.h>' -l kernel32 \
  --include-function LoadLibraryExW --include-function GetProcAddress --include-function FreeLibrary \
  --include-function GetLastError --include-function FormatMessageW --include-function GetModuleFileNameW \
  --include-function SetDefaultDllDirectories --include-function AddDllDirectory \
  --include-function GetSystemInfo --include-struct _SYSTEM_INFO
# ---- Its constants in a package of their own, generated without -l kernel32: the class of the
# ---- functions opens kernel32 as it initializes, so off Windows it cannot be touched, while the
# ---- flags are used (and tested) on every host.
gen windows-constants x86_64-w64-mingw32 /usr/x86_64-w64-mingw32/include windows.constants '<windows.h>' \
  --include-constant LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR --include-constant LOAD_LIBRARY_SEARCH_APPLICATION_DIR \
  --include-constant LOAD_LIBRARY_SEARCH_USER_DIRS --include-constant LOAD_LIBRARY_SEARCH_SYSTEM32 \
  --include-constant LOAD_LIBRARY_SEARCH_DEFAULT_DIRS \
  --include-constant FORMAT_MESSAGE_FROM_SYSTEM --include-constant FORMAT_MESSAGE_IGNORE_INSERTS

# ---- Post-processing: targets whose C long is 32 bits (see the header of this script).
long_is_32_bits() { # long_is_32_bits SUBPACKAGE
  local dir="$out/${package//.//}/${1//.//}"
  perl -i -0777 -pe '
    my $mark = " // scripts/jextract.sh: C long is 32 bits";
    # The declaration of C_LONG in the _shared class of the package.
    s{public static final ValueLayout\.OfLong C_LONG = \(ValueLayout\.OfLong\) Linker\.nativeLinker\(\)\.canonicalLayouts\(\)\.get\("long"\);}
     {public static final ValueLayout.OfInt C_LONG = ValueLayout.JAVA_INT;$mark};
    # Struct fields laid out as C_LONG: the type of their layout and the carrier of their accessors.
    for my $f (m{\.C_LONG\.withName\("(\w+)"\)}g) {
      s{(private static final )OfLong( \Q$f\E\$LAYOUT = \()OfLong(\).*)\n}{$1OfInt$2OfInt$3$mark\n}g;
      s{(public static final )OfLong( \Q$f\E\$layout\(\) \{)\n}{$1OfInt$2$mark\n}g;
      s{(public static )long( \Q$f\E\(MemorySegment struct\) \{)\n}{$1int$2$mark\n}g;
      s{(public static void \Q$f\E\(MemorySegment struct, )long( fieldValue\) \{)\n}{$1int$2$mark\n}g;
    }
    # Functions: which of the result (first, unless ofVoid) and the parameters are C_LONG.
    my %fn;
    while (m{private static class (\w+) \{\n\s*public static final FunctionDescriptor DESC = FunctionDescriptor\.(of|ofVoid)\((.*?)\);}gs) {
      my ($name, $kind, $list) = ($1, $2, $3);
      my @l = map { /\.C_LONG\b/ ? 1 : 0 } grep { /\S/ } split /,/, $list;
      unshift @l, 0 if $kind eq "ofVoid";
      $fn{$name} = [@l] if grep { $_ } @l;
    }
    for my $name (keys %fn) {
      my ($ret, @args) = @{$fn{$name}};
      s#public static (\S+) \Q$name\E\(([^)]*)\) \{\n#
        my ($type, @p) = ($1, split /, /, $2);
        die "$ARGV: $name: " . scalar(@p) . " parameters, " . scalar(@args) . " in its descriptor\n" if @p != @args;
        for my $i (0 .. @p - 1) { $p[$i] =~ s/^long /int / if $args[$i]; }
        "public static " . ($ret ? "int" : $type) . " $name(" . join(", ", @p) . ") {$mark\n"
      #e or die "$ARGV: no wrapper method for $name\n";
      if ($ret) {
        s{(\n\s*var mh\$ = \Q$name\E\.HANDLE;\n.*?return )\(long\)(mh\$\.invokeExact\([^\n]*)\n}{$1(int)$2$mark\n}s
          or die "$ARGV: the result of $name was not rewritten\n";
      }
    }
  ' "$dir"/*.java
  grep -q 'C_LONG = ValueLayout.JAVA_INT' "$dir"/*_shared.java \
    || { echo "jextract.sh: C_LONG of $1 was not rewritten (has jextract's output changed?)" >&2; exit 1; }
}
long_is_32_bits statvfs.i686
long_is_32_bits statvfs.armhf
long_is_32_bits fcntl.i686
long_is_32_bits posix.ilp32
long_is_32_bits fcntl.armhf
long_is_32_bits windows
long_is_32_bits windows.constants

# ---- Post-processing: i386 lays 8-byte scalars out 4-aligned inside a struct (the i386 System V ABI:
# ---- struct stat64's st_size is at offset 44, struct flock64's l_start at 4). jextract writes such a
# ---- member as the host's C_LONG_LONG (or C_DOUBLE), 8-aligned, so the struct would not even be
# ---- built (a misaligned member). Each struct member laid out so becomes what jextract itself writes
# ---- for an under-aligned member (of a packed struct): HEADER.align(HEADER.C_LONG_LONG, 4), marked.
i386_struct_alignment() { # i386_struct_alignment SUBPACKAGE
  local dir="$out/${package//.//}/${1//.//}"
  perl -i -pe 's{^(\s+)(\w+)\.(C_LONG_LONG|C_DOUBLE)(\.withName\("\w+"\),?)$}{$1$2.align($2.$3, 4)$4 // scripts/jextract.sh: i386 struct alignment}' "$dir"/*.java
}
i386_struct_alignment fcntl.i686
i386_struct_alignment statvfs.i686

# ---- Post-processing: the posix package uses no C long (its functions and structs take ints and
# ---- pointers), yet jextract declares C_LONG in its _shared class as a cast of the running platform's
# ---- layout for long to ValueLayout.OfLong, which fails where long is 32 bits (an ILP32 JVM, arm32
# ---- Linux) and with it every class of the package. The declaration becomes the running platform's
# ---- layout for long without the cast (typed ValueLayout), marked; the step fails if anything in the
# ---- package uses C_LONG, which would then need a package per word size like posix.lp64 / posix.ilp32.
word_size_neutral() { # word_size_neutral SUBPACKAGE
  local dir="$out/${package//.//}/${1//.//}" shared="${1##*.}_shared"
  if grep -l 'C_LONG\b' "$dir"/*.java | grep -v "/$shared.java\$"; then
    echo "jextract.sh: $1 uses C long (above), so it is not word-size neutral" >&2
    exit 1
  fi
  perl -i -pe 's{^(\s+)public static final ValueLayout\.OfLong C_LONG = \(ValueLayout\.OfLong\) (Linker\.nativeLinker\(\)\.canonicalLayouts\(\)\.get\("long"\));$}{$1public static final ValueLayout C_LONG = (ValueLayout) $2; // scripts/jextract.sh: no C long here}' "$dir/$shared.java"
  grep -q 'no C long here' "$dir/$shared.java" \
    || { echo "jextract.sh: C_LONG of $1 was not rewritten (has jextract's output changed?)" >&2; exit 1; }
}
word_size_neutral posix

# ---- Post-processing: every target. jextract's output calls SymbolLookup.findOrThrow, new in JDK
# ---- 23; nativeload is compiled for JDK 22, where find(name).orElseThrow() does the same (both throw
# ---- NoSuchElementException for a missing symbol, when the holder class is first used).
generated="$out/${package//.//}"
find "$generated" -name '*.java' -exec perl -i -pe \
  's{SYMBOL_LOOKUP\.findOrThrow\(("\w+")\);$}{SYMBOL_LOOKUP.find($1).orElseThrow(); // scripts/jextract.sh: JDK 22}' {} +
if grep -rq 'findOrThrow' "$generated"; then
  echo "jextract.sh: a findOrThrow call was not rewritten (has jextract's output changed?)" >&2
  exit 1
fi

if $check; then
  if diff -ru "$repo/$tree_rel" "$generated"; then
    echo "jextract.sh: the committed bindings are what jextract generates" >&2
  else
    echo "jextract.sh: the committed bindings differ from jextract's output (above); run scripts/jextract.sh" >&2
    exit 1
  fi
else
  rm -rf "${repo:?}/$tree_rel"
  mkdir -p "$(dirname "$repo/$tree_rel")"
  cp -r "$generated" "$repo/$tree_rel"
  echo "jextract.sh: regenerated $tree_rel" >&2
fi
