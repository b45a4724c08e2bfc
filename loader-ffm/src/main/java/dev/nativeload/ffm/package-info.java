/**
 * The {@link dev.nativeload.spi.NativeAccess} of nativeload through the Foreign Function and
 * Memory API. {@link dev.nativeload.ffm.FfmNativeAccess#provider()} is the service entry point.
 *
 * <p>Inside, the C bindings are jextract's output over the real headers, committed in the
 * unexported packages {@code dev.nativeload.ffm.generated.*} and regenerated (or checked, with
 * {@code --check}) by {@code scripts/jextract.sh}: glibc's {@code <dlfcn.h>}, {@code <link.h>},
 * {@code <string.h>}, {@code <errno.h>}, {@code <gnu/libc-version.h>}, {@code <unistd.h>},
 * {@code <fcntl.h>} and {@code <sys/stat.h>} ({@code .posix}; aarch64's {@code <fcntl.h>}
 * constants, {@code struct flock} and {@code struct stat} in {@code .fcntl.aarch64}), {@code struct statvfs} per C
 * library and architecture ({@code .statvfs.*}) and mingw-w64's {@code <windows.h>} for kernel32
 * ({@code .windows}). A thin package-private layer adds what jextract does not emit ({@code errno}
 * and {@code GetLastError} capture, per-OS tables, which struct a host reads): {@code Dlfcn},
 * {@code ErrnoH}, {@code Statvfs}, {@code Unistd} and {@code Kernel32}. Written by hand in
 * jextract's shape, because no header of theirs is available here: macOS's {@code Sysctl},
 * {@code Dyld}, {@code statfs} and {@code __error}. Above them, {@code PosixNativeAccess} and
 * {@code WindowsNativeAccess} own the native memory (a per-thread {@code Scratch}).
 */
package dev.nativeload.ffm;
