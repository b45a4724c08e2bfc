package dev.nativeload.binary.macho;

import java.nio.ByteOrder;
import java.util.Objects;

/**
 * The Mach header ({@code mach_header} or {@code mach_header_64}) of one image.
 *
 * @param magic        the magic as read in the file's own byte order: {@code 0xfeedface} (32-bit)
 *                     or {@code 0xfeedfacf} (64-bit)
 * @param is64         whether the header is {@code mach_header_64} (arm64_32 is a 32-bit header on a
 *                     64-bit CPU)
 * @param byteOrder    the byte order the magic revealed
 * @param cpuType      the CPU type
 * @param cpuSubtype   the CPU subtype, with its capability bits
 * @param fileType     the file type
 * @param commandCount {@code ncmds}
 * @param commandsSize {@code sizeofcmds}
 * @param flags        the {@code MH_*} flags
 */
public record MachHeader(long magic, boolean is64, ByteOrder byteOrder, CpuType cpuType, CpuSubtype cpuSubtype,
                         FileType fileType, long commandCount, long commandsSize, HeaderFlags flags) {
    /** {@code MH_MAGIC}. */
    public static final long MAGIC_32 = 0xfeedfaceL;
    /** {@code MH_MAGIC_64}. */
    public static final long MAGIC_64 = 0xfeedfacfL;

    /** Requires every reference component. */
    public MachHeader {
        Objects.requireNonNull(byteOrder, "byteOrder");
        Objects.requireNonNull(cpuType, "cpuType");
        Objects.requireNonNull(cpuSubtype, "cpuSubtype");
        Objects.requireNonNull(fileType, "fileType");
        Objects.requireNonNull(flags, "flags");
    }

    /** {@return the header's size in bytes: 28, or 32 for {@code mach_header_64}; the load commands follow} */
    public int size() {
        return is64 ? 32 : 28;
    }
}
