/**
 * Pure-Java readers for the three native binary formats, with no dependencies.
 *
 * <p>{@link dev.nativeload.binary.Binaries#read(java.nio.file.Path)} sniffs a file and returns an
 * {@link dev.nativeload.binary.NativeBinary}; each format also has its own entry point
 * ({@code ElfFile.read}, {@code PeFile.read}, {@code MachOFile.read}). A malformed file raises
 * {@link dev.nativeload.binary.MalformedBinaryException}, never another exception.
 */
module dev.nativeload.parsers {
    exports dev.nativeload.binary;
    exports dev.nativeload.binary.elf;
    exports dev.nativeload.binary.pe;
    exports dev.nativeload.binary.macho;
    exports dev.nativeload.resolve;
    exports dev.nativeload.resolve.symbols;
    exports dev.nativeload.resolve.symbols.pe;
    exports dev.nativeload.resolve.symbols.macho;
    exports dev.nativeload.platform;
}
