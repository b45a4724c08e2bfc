package dev.nativeload.binary.elf;

import java.util.Map;

/**
 * A dynamic entry's {@code d_tag}. Open: unknown tags print as hex.
 *
 * @param value the raw tag (a signed word, widened to 64 bits)
 */
public record DynamicTag(long value) {
    public static final DynamicTag NULL = new DynamicTag(0);
    public static final DynamicTag NEEDED = new DynamicTag(1);
    public static final DynamicTag HASH = new DynamicTag(4);
    public static final DynamicTag STRTAB = new DynamicTag(5);
    public static final DynamicTag SYMTAB = new DynamicTag(6);
    public static final DynamicTag STRSZ = new DynamicTag(10);
    public static final DynamicTag SYMENT = new DynamicTag(11);
    public static final DynamicTag SONAME = new DynamicTag(14);
    public static final DynamicTag RPATH = new DynamicTag(15);
    public static final DynamicTag BIND_NOW = new DynamicTag(24);
    public static final DynamicTag RUNPATH = new DynamicTag(29);
    public static final DynamicTag FLAGS = new DynamicTag(30);
    public static final DynamicTag GNU_HASH = new DynamicTag(0x6ffffef5L);
    public static final DynamicTag VERSYM = new DynamicTag(0x6ffffff0L);
    public static final DynamicTag FLAGS_1 = new DynamicTag(0x6ffffffbL);
    public static final DynamicTag VERDEF = new DynamicTag(0x6ffffffcL);
    public static final DynamicTag VERDEFNUM = new DynamicTag(0x6ffffffdL);
    public static final DynamicTag VERNEED = new DynamicTag(0x6ffffffeL);
    public static final DynamicTag VERNEEDNUM = new DynamicTag(0x6fffffffL);

    private static final Map<Long, String> NAMES = Map.ofEntries(
            Map.entry(0L, "DT_NULL"), Map.entry(1L, "DT_NEEDED"), Map.entry(2L, "DT_PLTRELSZ"),
            Map.entry(3L, "DT_PLTGOT"), Map.entry(4L, "DT_HASH"), Map.entry(5L, "DT_STRTAB"),
            Map.entry(6L, "DT_SYMTAB"), Map.entry(7L, "DT_RELA"), Map.entry(8L, "DT_RELASZ"),
            Map.entry(9L, "DT_RELAENT"), Map.entry(10L, "DT_STRSZ"), Map.entry(11L, "DT_SYMENT"),
            Map.entry(12L, "DT_INIT"), Map.entry(13L, "DT_FINI"), Map.entry(14L, "DT_SONAME"),
            Map.entry(15L, "DT_RPATH"), Map.entry(16L, "DT_SYMBOLIC"), Map.entry(17L, "DT_REL"),
            Map.entry(18L, "DT_RELSZ"), Map.entry(19L, "DT_RELENT"), Map.entry(20L, "DT_PLTREL"),
            Map.entry(21L, "DT_DEBUG"), Map.entry(22L, "DT_TEXTREL"), Map.entry(23L, "DT_JMPREL"),
            Map.entry(24L, "DT_BIND_NOW"), Map.entry(25L, "DT_INIT_ARRAY"), Map.entry(26L, "DT_FINI_ARRAY"),
            Map.entry(27L, "DT_INIT_ARRAYSZ"), Map.entry(28L, "DT_FINI_ARRAYSZ"), Map.entry(29L, "DT_RUNPATH"),
            Map.entry(30L, "DT_FLAGS"), Map.entry(32L, "DT_PREINIT_ARRAY"), Map.entry(33L, "DT_PREINIT_ARRAYSZ"),
            Map.entry(0x6ffffef5L, "DT_GNU_HASH"), Map.entry(0x6ffffff0L, "DT_VERSYM"),
            Map.entry(0x6ffffff9L, "DT_RELACOUNT"), Map.entry(0x6ffffffaL, "DT_RELCOUNT"),
            Map.entry(0x6ffffffbL, "DT_FLAGS_1"), Map.entry(0x6ffffffcL, "DT_VERDEF"),
            Map.entry(0x6ffffffdL, "DT_VERDEFNUM"), Map.entry(0x6ffffffeL, "DT_VERNEED"),
            Map.entry(0x6fffffffL, "DT_VERNEEDNUM"));

    /** {@return the constant's name, such as {@code DT_NEEDED}, or {@code 0x...}} */
    public String name() {
        String n = NAMES.get(value);
        return n != null ? n : "0x" + Long.toHexString(value);
    }

    @Override
    public String toString() {
        return name();
    }
}
