/**
 * The {@link dev.nativeload.spi.NativeAccess} of nativeload through the Foreign Function and
 * Memory API. {@link dev.nativeload.ffm.FfmNativeAccess#provider()} is the service entry point.
 *
 * <p>Inside, the C bindings are jextract's output over the real headers, committed in the
 * unexported packages {@code dev.nativeload.ffm.generated.*} and regenerated (or checked, with
 * {@code --check}) by {@code scripts/jextract.sh}: glibc's {@code <dlfcn.h>}, {@code <string.h>},
 * {@code <errno.h>} and {@code <gnu/libc-version.h>} ({@code .posix}, the same on every word size),
 * {@code sysconf} and {@code struct link_map} per word size ({@code .posix.lp64}, {@code .posix.ilp32}),
 * the descriptor calls of {@code <fcntl.h>}, {@code <sys/stat.h>} and {@code <unistd.h>} per ABI
 * ({@code .fcntl.<abi>}), {@code struct statvfs} per C library and architecture ({@code .statvfs.*})
 * and mingw-w64's {@code <windows.h>} for kernel32 ({@code .windows}, {@code .windows.constants}).
 * A thin package-private layer adds what jextract does not emit ({@code errno} and
 * {@code GetLastError} capture, per-OS tables, which package a host uses): {@code Dlfcn},
 * {@code ErrnoH}, {@code WordSize}, {@code PosixAbi} with {@code GeneratedFileCalls} and
 * {@code FileCalls}, {@code Statvfs}, {@code Unistd} and {@code Kernel32}. Written by hand in
 * jextract's shape, because no header of theirs is available here: macOS's {@code Sysctl},
 * {@code Dyld}, {@code DarwinFileCalls}, {@code statfs} and {@code __error}. Above them,
 * {@code PosixNativeAccess} and {@code WindowsNativeAccess} own the native memory (a per-thread
 * {@code Scratch}).
 */
package dev.nativeload.ffm;
