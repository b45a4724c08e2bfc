package dev.nativeload.binary;

import dev.nativeload.binary.elf.ElfFile;
import dev.nativeload.binary.macho.MachOFile;
import dev.nativeload.binary.pe.PeFile;
import java.util.List;

/** A single-architecture image: an ELF object, a PE file, or one Mach-O image. */
public sealed interface BinaryImage extends NativeBinary permits ElfFile, PeFile, MachOFile {
    /** {@return the format-independent facts a loader and a person need} */
    BinarySummary summary();

    @Override
    default List<BinaryImage> images() {
        return List.of(this);
    }
}
