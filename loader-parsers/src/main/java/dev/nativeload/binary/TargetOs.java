package dev.nativeload.binary;

/** The operating system a binary was built for, as far as its headers tell. */
public enum TargetOs {
    /** Linux: an ELF with {@code ELFOSABI_GNU}, or {@code ELFOSABI_NONE} and a Linux marker or musl. */
    LINUX,
    /** macOS (Mach-O). */
    MACOS,
    /** Windows (PE/COFF). */
    WINDOWS,
    /** FreeBSD (ELF). */
    FREEBSD,
    /** OpenBSD (ELF). */
    OPENBSD,
    /** NetBSD (ELF). */
    NETBSD,
    /** DragonFly BSD (ELF): its {@code libc.so.8}, {@code DFnnn.n} symbol versions or its note. */
    DRAGONFLY,
    /** Solaris or illumos (ELF). */
    SOLARIS,
    /** Android: an ELF with an Android note or linked against bionic. */
    ANDROID,
    /** The headers do not say (a plain ELF with {@code ELFOSABI_NONE} and no Linux markers). */
    UNKNOWN
}
