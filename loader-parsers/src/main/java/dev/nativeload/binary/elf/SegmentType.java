package dev.nativeload.binary.elf;

import java.util.Map;

/**
 * A program header's {@code p_type}.
 *
 * @param value the raw 32-bit value, unsigned
 */
public record SegmentType(long value) {
    public static final SegmentType NULL = new SegmentType(0);
    public static final SegmentType LOAD = new SegmentType(1);
    public static final SegmentType DYNAMIC = new SegmentType(2);
    public static final SegmentType INTERP = new SegmentType(3);
    public static final SegmentType NOTE = new SegmentType(4);
    public static final SegmentType SHLIB = new SegmentType(5);
    public static final SegmentType PHDR = new SegmentType(6);
    public static final SegmentType TLS = new SegmentType(7);
    public static final SegmentType GNU_EH_FRAME = new SegmentType(0x6474e550L);
    public static final SegmentType GNU_STACK = new SegmentType(0x6474e551L);
    public static final SegmentType GNU_RELRO = new SegmentType(0x6474e552L);
    public static final SegmentType GNU_PROPERTY = new SegmentType(0x6474e553L);

    private static final Map<Long, String> NAMES = Map.ofEntries(
            Map.entry(0L, "PT_NULL"), Map.entry(1L, "PT_LOAD"), Map.entry(2L, "PT_DYNAMIC"),
            Map.entry(3L, "PT_INTERP"), Map.entry(4L, "PT_NOTE"), Map.entry(5L, "PT_SHLIB"),
            Map.entry(6L, "PT_PHDR"), Map.entry(7L, "PT_TLS"), Map.entry(0x6474e550L, "PT_GNU_EH_FRAME"),
            Map.entry(0x6474e551L, "PT_GNU_STACK"), Map.entry(0x6474e552L, "PT_GNU_RELRO"),
            Map.entry(0x6474e553L, "PT_GNU_PROPERTY"), Map.entry(0x70000001L, "PT_ARM_EXIDX"),
            Map.entry(0x70000003L, "PT_RISCV_ATTRIBUTES"));

    /** Rejects a value that does not fit the 32-bit {@code p_type} field. */
    public SegmentType {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("p_type is 32 bits: " + value);
        }
    }

    /** {@return the constant's name, such as {@code PT_LOAD}, or {@code 0x...}} */
    public String name() {
        String n = NAMES.get(value);
        return n != null ? n : "0x" + Long.toHexString(value);
    }

    @Override
    public String toString() {
        return name();
    }
}
