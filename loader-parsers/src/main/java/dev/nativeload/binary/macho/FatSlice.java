package dev.nativeload.binary.macho;

import dev.nativeload.binary.Architecture;
import java.util.Objects;

/**
 * One architecture of a universal file: its {@code fat_arch} (or {@code fat_arch_64}) entry and
 * the image it points at.
 *
 * @param index      the entry's position in the fat header, from 0
 * @param cpuType    the entry's CPU type (equal to the image's)
 * @param cpuSubtype the entry's CPU subtype
 * @param offset     where the image starts in the file
 * @param size       the image's size in bytes
 * @param align      the alignment of {@code offset}, as a power of 2
 * @param image      the image
 */
public record FatSlice(int index, CpuType cpuType, CpuSubtype cpuSubtype, long offset, long size, int align,
                       MachOFile image) {
    /** Requires the types and the image. */
    public FatSlice {
        Objects.requireNonNull(cpuType, "cpuType");
        Objects.requireNonNull(cpuSubtype, "cpuSubtype");
        Objects.requireNonNull(image, "image");
    }

    /** {@return the normalized architecture of this slice} */
    public Architecture architecture() {
        return cpuType.architecture();
    }
}
