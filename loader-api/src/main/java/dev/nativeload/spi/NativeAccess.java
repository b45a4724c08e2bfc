package dev.nativeload.spi;

import dev.nativeload.platform.Host;
import java.lang.foreign.Arena;
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
     * @param scope   the library's lifetime: the segment returned must belong to it, so a symbol
     *                used after the library is closed throws {@link IllegalStateException} instead
     *                of calling into unmapped memory
     * @return its address as a zero-length segment in {@code scope}, or empty when the library has no such symbol
     */
    Optional<MemorySegment> symbol(LibraryHandle library, String name, Arena scope);

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

    /**
     * Asks whether the process's global scope defines a symbol: what a library opened now would bind
     * a reference to when none of its own dependencies defines it (the executable, the JVM and
     * everything opened with {@code RTLD_GLOBAL}; {@code dlsym(RTLD_DEFAULT, name)}, or
     * {@code dlvsym} for a versioned reference).
     *
     * @param name    the symbol's name
     * @param version the symbol version the reference asks for ({@code GLIBC_2.34}), if any
     * @return whether it is defined, or empty when this boundary cannot tell (no such lookup on this
     *         OS, or no versioned lookup in this C library); the default implementation cannot tell
     */
    default Optional<Boolean> globalSymbolDefined(String name, Optional<String> version) {
        return Optional.empty();
    }

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
     * The mount flags of the filesystem holding a directory, from {@code statvfs}.
     *
     * @param noExec   {@code ST_NOEXEC}: files there cannot be mapped executable, so libraries there fail to load
     * @param readOnly {@code ST_RDONLY}: nothing can be written there
     * @param noSuid   {@code ST_NOSUID}
     */
    public record MountFlags(boolean noExec, boolean readOnly, boolean noSuid) {
    }
}
