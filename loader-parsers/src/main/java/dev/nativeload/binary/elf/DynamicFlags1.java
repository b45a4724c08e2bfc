package dev.nativeload.binary.elf;

import java.util.List;

/**
 * The {@code DT_FLAGS_1} bits ({@code DF_1_*}). Bits without a name are kept and print as hex.
 *
 * @param bits the raw value
 */
public record DynamicFlags1(long bits) {
    public static final long DF_1_NOW = 0x1;
    public static final long DF_1_GLOBAL = 0x2;
    public static final long DF_1_GROUP = 0x4;
    public static final long DF_1_NODELETE = 0x8;
    public static final long DF_1_LOADFLTR = 0x10;
    public static final long DF_1_INITFIRST = 0x20;
    public static final long DF_1_NOOPEN = 0x40;
    public static final long DF_1_ORIGIN = 0x80;
    public static final long DF_1_DIRECT = 0x100;
    public static final long DF_1_INTERPOSE = 0x400;
    public static final long DF_1_NODEFLIB = 0x800;
    public static final long DF_1_NODUMP = 0x1000;
    public static final long DF_1_PIE = 0x8000000;

    private static final String[] NAMES = {
        "NOW", "GLOBAL", "GROUP", "NODELETE", "LOADFLTR", "INITFIRST", "NOOPEN", "ORIGIN", "DIRECT", "TRANS",
        "INTERPOSE", "NODEFLIB", "NODUMP", "CONFALT", "ENDFILTEE", "DISPRELDNE", "DISPRELPND", "NODIRECT",
        "IGNMULDEF", "NOKSYMS", "NOHDR", "EDITED", "NORELOC", "SYMINTPOSE", "GLOBAUDIT", "SINGLETON", "STUB", "PIE",
    };

    /**

     * {@return whether every bit of {@code flag} is set}

     *

     * @param flag one of the {@code DF_1_*} constants

     */
    public boolean has(long flag) {
        return (bits & flag) == flag;
    }

    /** {@return the set bits' names without the {@code DF_1_} prefix, in bit order; unnamed bits as hex} */
    public List<String> names() {
        return FlagNames.decode(bits, NAMES);
    }

    @Override
    public String toString() {
        return String.join(" ", names());
    }
}
