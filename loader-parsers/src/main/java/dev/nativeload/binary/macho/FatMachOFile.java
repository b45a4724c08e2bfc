package dev.nativeload.binary.macho;

import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.BinaryFormat;
import dev.nativeload.binary.BinaryImage;
import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.NativeBinary;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A universal (fat) Mach-O file: a big-endian header listing one Mach-O image per architecture.
 *
 * <p>Both header forms are read: {@code 0xcafebabe} with 20-byte {@code fat_arch} entries and
 * {@code 0xcafebabf} with 32-byte {@code fat_arch_64} entries. Each slice must lie inside the file,
 * after the header table, without overlapping another, and must be a Mach-O image of the CPU type
 * its entry names. The alignment field must be at most 2^15; a slice offset that does not honour
 * it is accepted (dyld maps slices itself and does not check).
 */
public final class FatMachOFile implements NativeBinary {
    /** {@code FAT_MAGIC}: 32-bit offsets and sizes. */
    public static final long MAGIC = 0xcafebabeL;
    /** {@code FAT_MAGIC_64}: 64-bit offsets and sizes. */
    public static final long MAGIC_64 = 0xcafebabfL;
    /**
     * The most architectures a fat header may list. {@code 0xcafebabe} is also a Java class file's
     * magic, where the next word is the class version (45 and up); {@code Binaries.sniff} uses the
     * same bound to tell the two apart, so every file it calls fat is within this cap.
     */
    public static final int MAX_ARCHES = 32;
    /** The largest slice alignment, 2^15 ({@code MAXSECTALIGN}). */
    public static final int MAX_ALIGN = 15;

    private final boolean is64;
    private final List<FatSlice> slices;

    private FatMachOFile(boolean is64, List<FatSlice> slices) {
        this.is64 = is64;
        this.slices = List.copyOf(slices);
    }

    /**
     * Reads a universal file.
     *
     * @param file the file
     * @return the universal file with every slice read
     * @throws IOException              if the file cannot be read
     * @throws MalformedBinaryException if the fat header or any slice is malformed
     */
    public static FatMachOFile read(Path file) throws IOException, MalformedBinaryException {
        return BinaryData.read(file, FatMachOFile::read);
    }

    /**
     * Reads a universal file from bytes.
     *
     * @param data the whole file
     * @return the universal file with every slice read
     * @throws MalformedBinaryException if the fat header or any slice is malformed
     */
    public static FatMachOFile read(BinaryData data) throws MalformedBinaryException {
        BinaryData be = data.withOrder(ByteOrder.BIG_ENDIAN);
        long magic = be.u32(0, "fat magic");
        if (magic != MAGIC && magic != MAGIC_64) {
            throw new MalformedBinaryException(data.fileOffset(), "not a universal Mach-O file: magic 0x" + Long.toHexString(magic));
        }
        boolean wide = magic == MAGIC_64;
        long count = be.u32(4, "fat architecture count");
        if (count == 0 || count > MAX_ARCHES) {
            throw new MalformedBinaryException(data.fileOffset() + 4, "invalid fat architecture count " + count
                    + " (must be 1 to " + MAX_ARCHES + ")");
        }
        int entrySize = wide ? 32 : 20;
        long tableEnd = 8 + count * entrySize;
        be.check(8, count * entrySize, "fat architecture table");
        List<FatSlice> slices = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            slices.add(readSlice(be, i, 8 + (long) i * entrySize, wide, tableEnd));
        }
        checkDisjoint(data, slices);
        return new FatMachOFile(wide, slices);
    }

    private static FatSlice readSlice(BinaryData be, int index, long at, boolean wide, long tableEnd)
            throws MalformedBinaryException {
        CpuType cpu = new CpuType(be.s32(at, "fat_arch cputype"));
        CpuSubtype subtype = new CpuSubtype(cpu, be.s32(at + 4, "fat_arch cpusubtype"));
        long offset = wide ? be.u64(at + 8, "fat_arch offset") : be.u32(at + 8, "fat_arch offset");
        long size = wide ? be.u64(at + 16, "fat_arch size") : be.u32(at + 12, "fat_arch size");
        long align = be.u32(at + (wide ? 24 : 16), "fat_arch align");
        String what = "fat slice " + index + " (" + subtype.archName() + ")";
        if (align > MAX_ALIGN) {
            throw new MalformedBinaryException(be.fileOffset() + at + (wide ? 24 : 16),
                    what + " alignment 2^" + align + " is larger than 2^" + MAX_ALIGN);
        }
        if (offset >= 0 && offset < tableEnd) {
            throw new MalformedBinaryException(be.fileOffset() + at + 8,
                    what + " offset 0x" + Long.toHexString(offset) + " lies inside the fat header");
        }
        MachOFile image = MachOFile.read(be.slice(offset, size, what));
        if (!image.header().cpuType().equals(cpu)) {
            throw new MalformedBinaryException(be.fileOffset() + offset, what + " holds a Mach-O image for "
                    + image.header().cpuType() + ", not " + cpu);
        }
        return new FatSlice(index, cpu, subtype, offset, size, (int) align, image);
    }

    private static void checkDisjoint(BinaryData data, List<FatSlice> slices) throws MalformedBinaryException {
        List<FatSlice> sorted = new ArrayList<>(slices);
        sorted.sort(Comparator.comparingLong(FatSlice::offset));
        for (int i = 1; i < sorted.size(); i++) {
            FatSlice previous = sorted.get(i - 1);
            FatSlice next = sorted.get(i);
            if (next.offset() < previous.offset() + previous.size()) {
                throw new MalformedBinaryException(data.fileOffset() + next.offset(), "fat slice " + next.index() + " ("
                        + next.cpuSubtype() + ") overlaps fat slice " + previous.index() + " (" + previous.cpuSubtype() + ")");
            }
        }
    }

    @Override
    public BinaryFormat format() {
        return BinaryFormat.FAT_MACHO;
    }

    /** {@return whether the header is the 64-bit form ({@code 0xcafebabf})} */
    public boolean is64() {
        return is64;
    }

    /** {@return the slices, in header order} */
    public List<FatSlice> slices() {
        return slices;
    }

    /** {@return the slices' images, in header order} */
    @Override
    public List<BinaryImage> images() {
        return slices.stream().<BinaryImage>map(FatSlice::image).toList();
    }

    /**
     * {@return the slice for an architecture: the first of that architecture, except that a plain
     * arm64 slice is preferred to arm64e (an arm64 process, such as a JVM, cannot load arm64e code)}
     *
     * @param architecture the normalized architecture, such as {@link Architecture#AARCH64}
     */
    public Optional<FatSlice> slice(Architecture architecture) {
        List<FatSlice> matching = slices.stream().filter(s -> s.architecture().equals(architecture)).toList();
        return matching.stream().filter(s -> !s.cpuSubtype().isArm64e()).findFirst()
                .or(() -> matching.stream().findFirst());
    }

    @Override
    public String toString() {
        return "universal Mach-O " + slices.stream().map(s -> s.cpuSubtype().archName()).toList();
    }
}
