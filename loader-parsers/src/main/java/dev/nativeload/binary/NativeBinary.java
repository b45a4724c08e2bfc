package dev.nativeload.binary;

import dev.nativeload.binary.elf.ElfFile;
import dev.nativeload.binary.macho.FatMachOFile;
import dev.nativeload.binary.macho.MachOFile;
import dev.nativeload.binary.pe.PeFile;
import java.util.List;

/**
 * A parsed native binary of any format: one image, or a universal file of several.
 *
 * <p>Read one with {@link Binaries#read(java.nio.file.Path)}, which sniffs the format, or with a
 * format's own entry point when the caller knows it.
 */
public sealed interface NativeBinary permits BinaryImage, FatMachOFile {
    /** {@return the container format} */
    BinaryFormat format();

    /** {@return the images in this file: itself for a thin file, one per slice of a universal file} */
    List<BinaryImage> images();
}
