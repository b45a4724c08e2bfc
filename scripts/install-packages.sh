#!/usr/bin/env bash
# Installs the Debian packages the tests build and read fixtures with: cross compilers with their C
# libraries, musl, mingw-w64, clang/lld/llvm (Mach-O and reference readers), binutils (readelf),
# patchelf, and the system tools the tests run, among them those the embedded-cache attack tests make
# other users with (passwd: useradd/userdel; util-linux: runuser/setpriv; coreutils: mkfifo).
# Runs apt-get only for what is missing; needs root (or sudo) the first time.
set -euo pipefail

packages=(
  gcc g++ libc6-dev binutils patchelf zlib1g
  gcc-aarch64-linux-gnu gcc-i686-linux-gnu gcc-arm-linux-gnueabihf gcc-riscv64-linux-gnu
  gcc-s390x-linux-gnu gcc-powerpc64le-linux-gnu
  # The cross compilers' C libraries (crti.o, bits/wordsize.h): only Recommends of the compilers, so
  # --no-install-recommends leaves them out and every cross -shared link fails without them.
  libc6-dev-arm64-cross libc6-dev-i386-cross libc6-dev-armhf-cross libc6-dev-riscv64-cross
  libc6-dev-s390x-cross libc6-dev-ppc64el-cross
  gcc-mingw-w64-x86-64 gcc-mingw-w64-i686
  musl-tools clang lld llvm
  # Real Windows PE DLLs (kernel32, ntdll, ucrtbase, apisetschema.dll, ~700 images) for the PE symbol
  # binding and import/export differential tests: under /usr/lib/x86_64-linux-gnu/wine/x86_64-windows.
  # About 100 MB to fetch; it installed in 47 s here.
  wine64
  # Mach-O chained fixups: ld64.lld-16 writes them (testdata/macho/build.sh; lld 14 cannot), llvm-objdump-16
  # reads them (--chained-fixups) for MachOSymbolsDifferentialTest, with llvm-nm-16.
  lld-16 llvm-16
  # Tools the tests run: mount/findmnt/unshare (noexec tmpfs), getconf/ldd/getent, tar (the CLI
  # distribution), useradd/userdel, runuser/setpriv, mkfifo.
  mount util-linux libc-bin tar passwd coreutils
  # libdeflate (soname 0): scan inflates natives with it when present; the loader-cli scan tests compare it with zlib.
  libdeflate0
  # nativeload-maven-plugin's MavenOnJava17IT: plain Maven 3.8 (Debian's maven) started on Java 17.
  maven openjdk-17-jdk-headless
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-packages: all ${#packages[@]} packages present"
  exit 0
fi

sudo=""
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null || { echo "install-packages: need root to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
echo "install-packages: installing ${missing[*]}"
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
