package dev.nativeload.binary;

/** The container formats the parsers read. */
public enum BinaryFormat {
    /** Executable and Linkable Format: Linux, the BSDs, most Unix systems. */
    ELF,
    /** Portable Executable / COFF: Windows DLLs and executables. */
    PE,
    /** A single-architecture Mach-O image: macOS, iOS. */
    MACHO,
    /** A universal (fat) Mach-O file holding one Mach-O image per architecture. */
    FAT_MACHO
}
