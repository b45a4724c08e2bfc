package dev.nativeload.binary.macho;

import java.util.ArrayList;
import java.util.List;

/**
 * The Mach-O header {@code flags} word, with the {@code MH_*} bit names.
 *
 * @param value the raw flags
 */
public record HeaderFlags(int value) {
    public static final int NOUNDEFS = 0x1;
    public static final int DYLDLINK = 0x4;
    public static final int BINDATLOAD = 0x8;
    public static final int TWOLEVEL = 0x80;
    public static final int FORCE_FLAT = 0x100;
    public static final int WEAK_DEFINES = 0x8000;
    public static final int BINDS_TO_WEAK = 0x10000;
    public static final int ALLOW_STACK_EXECUTION = 0x20000;
    public static final int NO_REEXPORTED_DYLIBS = 0x100000;
    public static final int PIE = 0x200000;
    public static final int HAS_TLV_DESCRIPTORS = 0x800000;
    public static final int APP_EXTENSION_SAFE = 0x2000000;
    public static final int DYLIB_IN_CACHE = 0x8000_0000;

    private static final String[] BIT_NAMES = {
        "NOUNDEFS", "INCRLINK", "DYLDLINK", "BINDATLOAD", "PREBOUND", "SPLIT_SEGS", "LAZY_INIT", "TWOLEVEL",
        "FORCE_FLAT", "NOMULTIDEFS", "NOFIXPREBINDING", "PREBINDABLE", "ALLMODSBOUND", "SUBSECTIONS_VIA_SYMBOLS",
        "CANONICAL", "WEAK_DEFINES", "BINDS_TO_WEAK", "ALLOW_STACK_EXECUTION", "ROOT_SAFE", "SETUID_SAFE",
        "NO_REEXPORTED_DYLIBS", "PIE", "DEAD_STRIPPABLE_DYLIB", "HAS_TLV_DESCRIPTORS", "NO_HEAP_EXECUTION",
        "APP_EXTENSION_SAFE", "NLIST_OUTOFSYNC_WITH_DYLDINFO", "SIM_SUPPORT", null, null, null, "DYLIB_IN_CACHE",
    };

    /**
     * {@return whether every bit of {@code flag} is set}
     *
     * @param flag one of the constants here, or several or-ed together
     */
    public boolean has(int flag) {
        return (value & flag) == flag;
    }

    /** {@return the names of the set bits, low bit first; an unnamed bit appears as {@code 0x...}} */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (int bit = 0; bit < 32; bit++) {
            if ((value & (1 << bit)) != 0) {
                String name = BIT_NAMES[bit];
                names.add(name != null ? name : "0x" + Integer.toHexString(1 << bit));
            }
        }
        return names;
    }

    @Override
    public String toString() {
        return String.join("|", names());
    }
}
