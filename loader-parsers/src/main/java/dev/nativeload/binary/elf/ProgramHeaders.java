package dev.nativeload.binary.elf;

import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.MalformedBinaryException;
import java.util.ArrayList;
import java.util.List;

/** Reads the program header table, the way the loader does: from {@code e_phoff}, never the sections. */
final class ProgramHeaders {
    /** More program headers than this is hostile (a real object has a dozen or two). */
    static final int MAX_COUNT = 65535;

    private ProgramHeaders() {
    }

    static List<ProgramHeader> read(BinaryData d, ElfHeader h) throws MalformedBinaryException {
        long count = count(d, h);
        if (count == 0) {
            return List.of();
        }
        if (h.phentsize() != h.standardPhentsize()) {
            throw new MalformedBinaryException(h.is64() ? 0x36 : 0x2A,
                    "invalid ELF program header size " + h.phentsize() + " (expected " + h.standardPhentsize() + ")");
        }
        if (count > MAX_COUNT) {
            throw new MalformedBinaryException(h.is64() ? 0x38 : 0x2C, "invalid ELF program header count " + count);
        }
        long tableSize = Math.multiplyExact(count, (long) h.phentsize());
        if (h.phoff() < 0 || !d.contains(h.phoff(), tableSize)) {
            throw new MalformedBinaryException(h.is64() ? 0x20 : 0x1C, "ELF program header table (" + count
                    + " entries at 0x" + Long.toHexString(h.phoff()) + ") lies outside the file (size 0x"
                    + Long.toHexString(d.size()) + ")");
        }
        List<ProgramHeader> result = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            long at = h.phoff() + i * h.phentsize();
            result.add(h.is64() ? read64(d, at) : read32(d, at));
        }
        return List.copyOf(result);
    }

    /**
     * Checks that a segment's file bytes lie inside the file.
     *
     * @param index the segment's index in the program header table, so the error names the header that lies
     */
    static void requireInFile(BinaryData d, ElfHeader h, ProgramHeader p, int index, String what)
            throws MalformedBinaryException {
        if (p.offset() < 0 || !d.contains(p.offset(), p.filesz())) {
            throw new MalformedBinaryException(h.phoff() + (long) index * h.phentsize(), what + " segment (0x"
                    + Long.toHexString(p.filesz()) + " bytes at file offset 0x" + Long.toHexString(p.offset())
                    + ") lies outside the file (size 0x" + Long.toHexString(d.size()) + ")");
        }
    }

    /** The real count: {@code e_phnum}, or section header 0's {@code sh_info} when it is PN_XNUM. */
    private static long count(BinaryData d, ElfHeader h) throws MalformedBinaryException {
        if (h.phnum() != ElfHeader.PN_XNUM) {
            return h.phnum();
        }
        int infoAt = h.is64() ? 44 : 28;
        if (h.shoff() <= 0 || !d.contains(h.shoff(), (long) infoAt + 4)) {
            throw new MalformedBinaryException(h.is64() ? 0x38 : 0x2C,
                    "invalid ELF program header count 65535 (PN_XNUM) without a section header 0 to hold the real count");
        }
        return d.u32(h.shoff() + infoAt, "section header 0 sh_info (program header count)");
    }

    private static ProgramHeader read64(BinaryData d, long at) throws MalformedBinaryException {
        return new ProgramHeader(new SegmentType(d.u32(at, "p_type")), (int) d.u32(at + 4, "p_flags"),
                d.u64(at + 8, "p_offset"), d.u64(at + 16, "p_vaddr"), d.u64(at + 24, "p_paddr"),
                d.u64(at + 32, "p_filesz"), d.u64(at + 40, "p_memsz"), d.u64(at + 48, "p_align"));
    }

    private static ProgramHeader read32(BinaryData d, long at) throws MalformedBinaryException {
        return new ProgramHeader(new SegmentType(d.u32(at, "p_type")), (int) d.u32(at + 24, "p_flags"),
                d.u32(at + 4, "p_offset"), d.u32(at + 8, "p_vaddr"), d.u32(at + 12, "p_paddr"),
                d.u32(at + 16, "p_filesz"), d.u32(at + 20, "p_memsz"), d.u32(at + 28, "p_align"));
    }
}
