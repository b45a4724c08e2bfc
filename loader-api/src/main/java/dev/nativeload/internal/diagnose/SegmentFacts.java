package dev.nativeload.internal.diagnose;

import dev.nativeload.binary.Binaries;
import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.NotABinaryException;
import dev.nativeload.binary.elf.ElfFile;
import dev.nativeload.binary.elf.ProgramHeader;
import dev.nativeload.binary.elf.SegmentType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What an ELF file's program headers say about pages and thread-local storage, to name the sizes
 * behind a page-size or static-TLS failure.
 *
 * @param loadAlign  the largest {@code p_align} of its {@code PT_LOAD} segments
 * @param pageFit    the largest page size (a power of two, at most 64 KiB) its segments' address and
 *                   offset are congruent for: the largest kernel page size it can load on
 * @param tlsSize    the size of its {@code PT_TLS} segment, 0 when it has none
 */
record SegmentFacts(long loadAlign, long pageFit, long tlsSize) {
    /** The largest page size Linux kernels use (arm64, ppc64le). */
    static final long MAX_PAGE = 64 * 1024;

    /** {@return the facts of a readable ELF file} @param file the file */
    static Optional<SegmentFacts> of(Path file) {
        try {
            if (Binaries.read(file) instanceof ElfFile elf) {
                return Optional.of(of(elf));
            }
        } catch (IOException | NotABinaryException | MalformedBinaryException unreadable) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    static SegmentFacts of(ElfFile elf) {
        long align = 0;
        long fit = MAX_PAGE;
        long tls = 0;
        for (ProgramHeader ph : elf.programHeaders()) {
            if (ph.type().equals(SegmentType.LOAD)) {
                align = Math.max(align, ph.align());
                long delta = ph.vaddr() - ph.offset();
                while (fit > 1 && Math.floorMod(delta, fit) != 0) {
                    fit >>= 1;
                }
            } else if (ph.type().equals(SegmentType.TLS)) {
                tls = ph.memsz();
            }
        }
        return new SegmentFacts(align, fit, tls);
    }

    /** {@return a byte count in KiB when it is a whole number of them} @param bytes a size */
    static String size(long bytes) {
        return bytes >= 1024 && bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
    }
}
