package dev.nativeload.binary.elf;

import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.MalformedBinaryException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Reads the notes in the {@code PT_NOTE} segments. */
final class Notes {
    /** Notes larger than this are not read (a build-id is 20 bytes; an ABI tag 16). */
    static final long MAX_DESCRIPTOR = 1 << 16;
    /** More notes than this in one file is hostile. */
    static final int MAX_NOTES = 4096;
    /** Note names longer than this are not read (real owners are a few bytes: GNU, Android, FreeBSD). */
    static final long MAX_NAME = 256;

    private Notes() {
    }

    static List<ElfNote> read(BinaryData d, ElfHeader h, List<ProgramHeader> headers) throws MalformedBinaryException {
        List<ElfNote> notes = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            ProgramHeader p = headers.get(i);
            if (!p.type().equals(SegmentType.NOTE)) {
                continue;
            }
            ProgramHeaders.requireInFile(d, h, p, i, "PT_NOTE");
            readSegment(d, p, notes);
        }
        return List.copyOf(notes);
    }

    private static void readSegment(BinaryData d, ProgramHeader p, List<ElfNote> notes) throws MalformedBinaryException {
        long align = p.align() == 8 ? 8 : 4;
        long at = p.offset();
        long end = p.offset() + p.filesz();
        while (end - at >= 12) {
            if (notes.size() >= MAX_NOTES) {
                throw new MalformedBinaryException(at, "more than " + MAX_NOTES + " ELF notes");
            }
            long nameSize = d.u32(at, "n_namesz");
            long descSize = d.u32(at + 4, "n_descsz");
            long type = d.u32(at + 8, "n_type");
            long nameAt = at + 12;
            long descAt = nameAt + roundUp(nameSize, 4);
            long next = descAt + roundUp(descSize, align);
            if (descAt + descSize > end) {
                throw new MalformedBinaryException(at, "ELF note (name 0x" + Long.toHexString(nameSize) + ", descriptor 0x"
                        + Long.toHexString(descSize) + " bytes) runs past the end of its PT_NOTE segment");
            }
            String owner = nameSize == 0 || nameSize > MAX_NAME ? "" : name(d.bytes(nameAt, (int) nameSize, "n_name"));
            String desc = descSize <= MAX_DESCRIPTOR ? HexFormat.of().formatHex(d.bytes(descAt, (int) descSize, "n_desc")) : "";
            notes.add(new ElfNote(owner, type, desc, at));
            at = next;
        }
    }

    private static String name(byte[] raw) {
        int n = 0;
        while (n < raw.length && raw[n] != 0) {
            n++;
        }
        return new String(raw, 0, n, StandardCharsets.UTF_8);
    }

    private static long roundUp(long value, long align) {
        return (value + align - 1) & -align;
    }
}
