/**
 * The {@link dev.nativeload.spi.NativeAccess} of nativeload through the Foreign Function and
 * Memory API. {@link dev.nativeload.ffm.FfmNativeAccess#provider()} is the service entry point.
 *
 * <p>Inside, one package-private class per C header, written by hand in jextract's shape (a
 * holder per function, the C prototype in the javadoc, no method handle leaving the package):
 * {@code Dlfcn}, {@code StringH}, {@code ErrnoH}, {@code Statvfs}, {@code GnuLibcVersion},
 * {@code Unistd}, {@code Sysctl}, {@code Dyld} and {@code Kernel32}. {@code scripts/jextract.sh}
 * regenerates the POSIX ones with jextract for comparison. Above them, {@code PosixNativeAccess}
 * and {@code WindowsNativeAccess} own the native memory (a per-thread {@code Scratch}).
 */
package dev.nativeload.ffm;
