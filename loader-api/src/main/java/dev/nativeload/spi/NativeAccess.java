package dev.nativeload.spi;

import dev.nativeload.OpenMode;
import dev.nativeload.platform.Host;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The only way the loader reaches the operating system: open, look up, close, and the host facts
 * a diagnosis needs. {@code loader-ffm} provides it through the Foreign Function and Memory API,
 * found with {@link java.util.ServiceLoader}; tests provide fakes to inject faults.
 *
 * <p>Implementations report failures as raw {@link OsError} facts and never interpret them: that
 * is the classifier's job, in {@code dev.nativeload.failure}. They must be thread-safe, and read
 * {@code dlerror()} / {@code GetLastError()} on the same thread, right after the failing call.
 */
public interface NativeAccess {
    /** {@return a short name for reports, e.g. {@code "ffm-posix"}} */
    String name();

    /** {@return whether this implementation can run on this host} */
    boolean isSupported();

    /**
     * Asks the OS loader to open a library.
     *
     * @param target a bare file name for the OS loader to search for ({@code libz.so.1}), or an absolute path
     * @param mode   binding and visibility (ignored where the OS has no such modes)
     * @return the handle, or the raw error
     */
    OpenResult open(String target, OpenMode mode);

    /**
     * Looks up a symbol in an open library ({@code dlsym} / {@code GetProcAddress}).
     *
     * @param library an open handle from {@link #open}
     * @param name    the symbol's name
     * @return its address as a zero-length segment, or empty when the library has no such symbol
     */
    Optional<MemorySegment> symbol(LibraryHandle library, String name);

    /**
     * {@return the file the OS really loaded for this handle ({@code dlinfo}/{@code dladdr}/{@code GetModuleFileNameW})}
     *
     * @param library an open handle
     */
    Optional<Path> loadedPath(LibraryHandle library);

    /**
     * Drops one reference to a library ({@code dlclose} / {@code FreeLibrary}).
     *
     * @param library an open handle; it must not be used afterwards
     * @return empty on success, or the raw error
     */
    Optional<OsError> close(LibraryHandle library);

    /** {@return the host facts: OS, architecture, C library and its version, page size} */
    Host host();

    /**
     * {@return the OS's own text for an error number: {@code strerror} on POSIX, {@code FormatMessageW} on Windows}
     *
     * @param code an {@code errno} value, or a Windows system error code
     */
    String errorText(int code);

    /**
     * {@return the mount flags of the filesystem holding {@code directory}, or empty when they cannot be read}
     *
     * @param directory an existing directory
     */
    Optional<MountFlags> mountFlags(Path directory);

    /**
     * Opens a file read-only, refusing a symbolic link in its last component ({@code O_NOFOLLOW},
     * {@code O_CLOEXEC}), and reads its status from the descriptor ({@code fstat}).
     *
     * @param file the file, absolute
     * @return the open file, the OS's refusal with its {@code errno}, or {@link FileOpenResult.Unsupported}
     *         where this implementation has no such call (the default)
     */
    default FileOpenResult openNoFollow(Path file) {
        return new FileOpenResult.Unsupported(name() + " does not open files by descriptor");
    }

    /**
     * {@return the process's effective user id ({@code geteuid}), or empty where the OS has none (Windows) or it cannot be read}
     */
    default java.util.OptionalInt effectiveUid() {
        return java.util.OptionalInt.empty();
    }

    /**
     * Opens a lock file for reading and writing, creating it ({@code 0600}) if absent, never through
     * a symbolic link and without blocking on a FIFO ({@code O_NONBLOCK}), and checks with
     * {@code fstat} that it is a regular file.
     *
     * @param file the lock file, absolute
     * @return the open file, a non-regular file found, the OS's refusal, or
     *         {@link LockFileResult.Unsupported} where there are no per-open-file locks (the default)
     */
    default LockFileResult openLockFile(Path file) {
        return new LockFileResult.Unsupported(name() + " has no per-open-file locks");
    }
}
