package dev.nativeload.report;

/**
 * Why one attempt to load a library failed: the cause, not the OS's words for it.
 *
 * <p>The order runs from the least to the most telling, and {@link #specificity()} says which
 * of several failed attempts the final exception reports: a library that was found but built for
 * another machine says more than a dozen directories where it was not.
 */
public enum FailureKind {
    /** No file of that name where the step looked. */
    NOT_FOUND(0),
    /** Neither the OS nor the file's headers say why. */
    UNKNOWN(1),
    /** A directory or a device, not a regular file. */
    NOT_A_FILE(2),
    /** A loop of symbolic links ({@code ELOOP}). */
    SYMLINK_LOOP(3),
    /** Shorter than any valid binary; an interrupted download or extraction. */
    TRUNCATED(3),
    /** Not a binary of this OS's format at all: a text file, an ELF on Windows, a PE on Linux ({@code ENOEXEC}). */
    WRONG_FORMAT(4),
    /** The right format, another machine or word size: aarch64 on x86_64, ELFCLASS32 in a 64-bit JVM. */
    WRONG_ARCHITECTURE(5),
    /** Built against another C library: musl on glibc, glibc on musl. */
    WRONG_LIBC(5),
    /** The file or its directory cannot be read or mapped executable ({@code EACCES}, {@code EPERM}). */
    ACCESS_DENIED(4),
    /** The filesystem holding the file is mounted {@code noexec}. */
    NOEXEC_MOUNT(6),
    /** No space was left to write the library where it had to go (an embedded library's cache, {@code ENOSPC}). */
    NO_SPACE(6),
    /** The loader could not reserve or map the memory the library asks for ({@code ENOMEM}). */
    OUT_OF_MEMORY(5),
    /** The kernel or a sandbox lacks a system call the loader needs ({@code ENOSYS}). */
    SYSCALL_UNAVAILABLE(5),
    /** The filesystem or kernel refused an operation the loader needs ({@code EOPNOTSUPP}/{@code ENOTSUP}). */
    OPERATION_NOT_SUPPORTED(5),
    /** The library was found, but a library it needs was not. */
    MISSING_DEPENDENCY(7),
    /** The library references a symbol no loaded library defines. */
    UNDEFINED_SYMBOL(7),
    /** A dependency is too old: it lacks a symbol version, such as {@code GLIBC_2.38}. */
    VERSION_NOT_FOUND(7),
    /** The library loaded but has no symbol of that name (a lookup, not a load). */
    SYMBOL_NOT_FOUND(7),
    /** The library's initializer ({@code DllMain}, a constructor) failed. */
    INIT_FAILED(7),
    /**
     * nativeload itself is not set up: its OS boundary ({@code loader-ffm}) is missing, or the JVM
     * denies it native access. No library was tried.
     */
    SETUP_INCOMPLETE(8);

    private final int specificity;

    FailureKind(int specificity) {
        this.specificity = specificity;
    }

    /** {@return how much this cause says about the library, higher meaning more} */
    public int specificity() {
        return specificity;
    }
}
