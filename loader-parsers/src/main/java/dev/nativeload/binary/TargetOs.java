package dev.nativeload.binary;

/** The operating system a binary was built for, as far as its headers tell. */
public enum TargetOs {
    LINUX,
    MACOS,
    WINDOWS,
    FREEBSD,
    OPENBSD,
    NETBSD,
    SOLARIS,
    ANDROID,
    /** The headers do not say (a plain ELF with {@code ELFOSABI_NONE} and no Linux markers). */
    UNKNOWN
}
