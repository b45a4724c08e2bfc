package dev.nativeload.binary.pe;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Assembles a tiny PE image in memory for tests: a DOS header, the PE headers, and one section
 * ({@code .rdata} at RVA 0x1000, file offset 0x200) into which the test places tables and strings.
 * Nothing here is validated: the point is to write what a hostile or unusual linker might.
 */
final class PeBuilder {
    static final int SECTION_RVA = 0x1000;
    static final int SECTION_FILE_OFFSET = 0x200;
    static final int PE_OFFSET = 0x40;

    private final boolean pe32Plus;
    private final int sectionSize;
    private final ByteBuffer section;
    private final long[][] directories = new long[16][2];
    private int machine;
    private int characteristics = 0x2022;
    private int subsystem = 3;
    private long imageBase;
    private int used;

    PeBuilder(boolean pe32Plus) {
        this(pe32Plus, 0x1000);
    }

    PeBuilder(boolean pe32Plus, int sectionSize) {
        this.pe32Plus = pe32Plus;
        this.sectionSize = sectionSize;
        this.section = ByteBuffer.allocate(sectionSize).order(ByteOrder.LITTLE_ENDIAN);
        this.machine = pe32Plus ? 0x8664 : 0x14c;
        this.imageBase = pe32Plus ? 0x1_8000_0000L : 0x1000_0000L;
    }

    PeBuilder machine(int value) {
        machine = value;
        return this;
    }

    PeBuilder characteristics(int value) {
        characteristics = value;
        return this;
    }

    PeBuilder subsystem(int value) {
        subsystem = value;
        return this;
    }

    long imageBase() {
        return imageBase;
    }

    boolean pe32Plus() {
        return pe32Plus;
    }

    /** Points a data directory entry at a table. */
    PeBuilder directory(int index, long rva, long size) {
        directories[index][0] = rva;
        directories[index][1] = size;
        return this;
    }

    /** {@return the RVA of the next byte {@link #put} will place} */
    int nextRva() {
        return SECTION_RVA + used;
    }

    /** Places bytes in the section (4-byte aligned) and {@return their RVA} */
    int put(byte[] bytes) {
        used = (used + 3) & ~3;
        int rva = SECTION_RVA + used;
        section.put(used, bytes);
        used += bytes.length;
        return rva;
    }

    int string(String s) {
        byte[] raw = s.getBytes(StandardCharsets.US_ASCII);
        byte[] z = new byte[raw.length + 1];
        System.arraycopy(raw, 0, z, 0, raw.length);
        return put(z);
    }

    /** Places a hint/name entry and {@return its RVA} */
    int hintName(int hint, String name) {
        byte[] raw = name.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(raw.length + 3).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) hint).put(raw).put((byte) 0);
        return put(b.array());
    }

    /** Places 32-bit words and {@return their RVA} */
    int words(long... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putInt((int) v);
        }
        return put(b.array());
    }

    /** Places 16-bit values and {@return their RVA} */
    int halves(int... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putShort((short) v);
        }
        return put(b.array());
    }

    /** Places a thunk table of the image's width (a terminating zero is the caller's) and {@return its RVA} */
    int thunks(long... values) {
        int width = pe32Plus ? 8 : 4;
        ByteBuffer b = ByteBuffer.allocate(values.length * width).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            if (pe32Plus) {
                b.putLong(v);
            } else {
                b.putInt((int) v);
            }
        }
        return put(b.array());
    }

    /** {@return the ordinal flag of a thunk of this image's width} */
    long ordinalFlag() {
        return pe32Plus ? Long.MIN_VALUE : 0x8000_0000L;
    }

    byte[] build() {
        int optionalSize = (pe32Plus ? 112 : 96) + 16 * 8;
        ByteBuffer f = ByteBuffer.allocate(SECTION_FILE_OFFSET + sectionSize).order(ByteOrder.LITTLE_ENDIAN);
        f.put(0, (byte) 'M').put(1, (byte) 'Z').putInt(0x3c, PE_OFFSET);
        f.putInt(PE_OFFSET, 0x4550);
        int coff = PE_OFFSET + 4;
        f.putShort(coff, (short) machine).putShort(coff + 2, (short) 1).putShort(coff + 16, (short) optionalSize)
                .putShort(coff + 18, (short) characteristics);
        int opt = coff + 20;
        f.putShort(opt, (short) (pe32Plus ? 0x20b : 0x10b));
        if (pe32Plus) {
            f.putLong(opt + 24, imageBase);
        } else {
            f.putInt(opt + 28, (int) imageBase);
        }
        f.putInt(opt + 32, 0x1000).putInt(opt + 36, 0x200);
        f.putInt(opt + 56, SECTION_RVA + sectionSize).putInt(opt + 60, SECTION_FILE_OFFSET);
        f.putShort(opt + 68, (short) subsystem);
        int dirs = opt + (pe32Plus ? 112 : 96);
        f.putInt(dirs - 4, 16);
        for (int i = 0; i < 16; i++) {
            f.putInt(dirs + 8 * i, (int) directories[i][0]).putInt(dirs + 8 * i + 4, (int) directories[i][1]);
        }
        int sec = opt + optionalSize;
        f.put(sec, ".rdata".getBytes(StandardCharsets.US_ASCII));
        f.putInt(sec + 8, sectionSize).putInt(sec + 12, SECTION_RVA).putInt(sec + 16, sectionSize)
                .putInt(sec + 20, SECTION_FILE_OFFSET).putInt(sec + 36, 0x4000_0040);
        f.put(SECTION_FILE_OFFSET, section.array());
        return f.array();
    }
}
