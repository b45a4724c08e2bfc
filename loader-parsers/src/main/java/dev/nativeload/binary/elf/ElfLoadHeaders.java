package dev.nativeload.binary.elf;

import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.MalformedBinaryException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the dynamic loader reads of an object before it maps it: the file header, the program
 * headers and the GNU property note, with the file's size. Unlike {@link ElfFile#read(Path)} it reads
 * nothing the segments point to, so it answers for a file cut short, where glibc maps segments that
 * reach past the end and dies of {@code SIGBUS} touching them.
 *
 * @param header         the file header
 * @param programHeaders the program headers, in table order
 * @param fileSize       the file's size in bytes when it was read
 * @param x86IsaNeeded   the {@code GNU_PROPERTY_X86_ISA_1_NEEDED} bits ({@link #X86_64_V2} ...), if the
 *                       object carries them
 */
public record ElfLoadHeaders(ElfHeader header, List<ProgramHeader> programHeaders, long fileSize,
                             OptionalLong x86IsaNeeded) {
    /** {@code GNU_PROPERTY_X86_ISA_1_BASELINE}: x86-64 as first defined (CMOV, CX8, FPU, FXSR, MMX, SSE, SSE2, ...). */
    public static final long X86_64_BASELINE = 1;
    /** {@code GNU_PROPERTY_X86_ISA_1_V2}: adds CMPXCHG16B, LAHF-SAHF, POPCNT, SSE3, SSSE3, SSE4.1, SSE4.2. */
    public static final long X86_64_V2 = 2;
    /** {@code GNU_PROPERTY_X86_ISA_1_V3}: adds AVX, AVX2, BMI1, BMI2, F16C, FMA, LZCNT, MOVBE, XSAVE. */
    public static final long X86_64_V3 = 4;
    /** {@code GNU_PROPERTY_X86_ISA_1_V4}: adds AVX512F, AVX512BW, AVX512CD, AVX512DQ, AVX512VL. */
    public static final long X86_64_V4 = 8;

    public ElfLoadHeaders {
        Objects.requireNonNull(header, "header");
        programHeaders = List.copyOf(programHeaders);
        Objects.requireNonNull(x86IsaNeeded, "x86IsaNeeded");
    }

    /**
     * Reads the headers of an ELF file.
     *
     * @param file the file
     * @return its load headers
     * @throws IOException              if it cannot be read
     * @throws MalformedBinaryException if it is not ELF, or its header or program header table is malformed
     */
    public static ElfLoadHeaders read(Path file) throws IOException, MalformedBinaryException {
        return BinaryData.read(file, ElfLoadHeaders::read);
    }

    /**
     * Reads the headers from bytes.
     *
     * @param raw the whole file
     * @return its load headers
     * @throws MalformedBinaryException if it is not ELF, or its header or program header table is malformed
     */
    public static ElfLoadHeaders read(BinaryData raw) throws MalformedBinaryException {
        ElfHeader h = ElfHeader.read(raw);
        BinaryData d = raw.withOrder(h.byteOrder());
        List<ProgramHeader> headers = ProgramHeaders.read(d, h);
        return new ElfLoadHeaders(h, headers, d.size(), isaNeeded(d, h, headers));
    }

    /**
     * {@return the first segment the loader maps or reads ({@code PT_LOAD}, {@code PT_DYNAMIC},
     * {@code PT_INTERP}, {@code PT_NOTE}) whose file bytes reach past the end of the file}
     */
    public Optional<ProgramHeader> segmentPastEnd() {
        for (ProgramHeader p : programHeaders) {
            if (readByLoader(p) && p.filesz() != 0 && Long.compareUnsigned(end(p), fileSize) > 0) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * {@return the size the file must have for the loader: the highest byte the file bytes of a segment it
     * maps or reads reach, {@link Long#MAX_VALUE} when that does not fit in 63 bits}
     */
    public long extent() {
        long max = 0;
        for (ProgramHeader p : programHeaders) {
            if (readByLoader(p) && p.filesz() != 0 && Long.compareUnsigned(end(p), max) > 0) {
                max = end(p);
            }
        }
        return max;
    }

    private static boolean readByLoader(ProgramHeader p) {
        return p.isLoad() || p.type().equals(SegmentType.DYNAMIC) || p.type().equals(SegmentType.INTERP)
                || p.type().equals(SegmentType.NOTE);
    }

    /** The end of a segment's file bytes, unsigned, saturated at {@link Long#MAX_VALUE}. */
    private static long end(ProgramHeader p) {
        long end = p.offset() + p.filesz();
        boolean overflow = Long.compareUnsigned(end, p.offset()) < 0 || end < 0;
        return overflow ? Long.MAX_VALUE : end;
    }

    private static OptionalLong isaNeeded(BinaryData d, ElfHeader h, List<ProgramHeader> headers) throws MalformedBinaryException {
        for (ProgramHeader p : headers) {
            if (!p.type().equals(SegmentType.NOTE) || p.filesz() <= 0 || p.offset() < 0 || !d.contains(p.offset(), p.filesz())) {
                continue;
            }
            long at = p.offset();
            long end = p.offset() + p.filesz();
            long align = p.align() == 8 ? 8 : 4;
            for (int n = 0; n < Notes.MAX_NOTES && end - at >= 12; n++) {
                long nameSize = d.u32(at, "n_namesz");
                long descSize = d.u32(at + 4, "n_descsz");
                long type = d.u32(at + 8, "n_type");
                long descAt = at + 12 + ((nameSize + 3) & -4L);
                if (descAt + descSize > end) {
                    break;
                }
                if (type == GnuProperties.NT_GNU_PROPERTY_TYPE_0 && nameSize == 4
                        && new String(d.bytes(at + 12, 3, "n_name"), java.nio.charset.StandardCharsets.US_ASCII).equals("GNU")) {
                    OptionalLong bits = GnuProperties.x86IsaNeeded(d.slice(descAt, descSize, "NT_GNU_PROPERTY_TYPE_0"), h.is64());
                    if (bits.isPresent()) {
                        return bits;
                    }
                }
                at = descAt + ((descSize + align - 1) & -align);
            }
        }
        return OptionalLong.empty();
    }
}
