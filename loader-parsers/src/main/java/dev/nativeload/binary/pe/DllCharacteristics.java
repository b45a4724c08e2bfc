package dev.nativeload.binary.pe;

import java.util.List;
import java.util.Map;

/**
 * The optional header's DLL characteristics flags ({@code IMAGE_DLLCHARACTERISTICS_*}).
 *
 * @param value the raw 16-bit field
 */
public record DllCharacteristics(int value) {
    public static final int HIGH_ENTROPY_VA = 0x0020;
    public static final int DYNAMIC_BASE = 0x0040;
    public static final int FORCE_INTEGRITY = 0x0080;
    public static final int NX_COMPAT = 0x0100;
    public static final int NO_ISOLATION = 0x0200;
    public static final int NO_SEH = 0x0400;
    public static final int NO_BIND = 0x0800;
    public static final int APPCONTAINER = 0x1000;
    public static final int WDM_DRIVER = 0x2000;
    public static final int GUARD_CF = 0x4000;
    public static final int TERMINAL_SERVER_AWARE = 0x8000;

    private static final Map<Long, String> NAMES = Map.ofEntries(
            Map.entry(0x0020L, "HIGH_ENTROPY_VA"), Map.entry(0x0040L, "DYNAMIC_BASE"),
            Map.entry(0x0080L, "FORCE_INTEGRITY"), Map.entry(0x0100L, "NX_COMPAT"),
            Map.entry(0x0200L, "NO_ISOLATION"), Map.entry(0x0400L, "NO_SEH"),
            Map.entry(0x0800L, "NO_BIND"), Map.entry(0x1000L, "APPCONTAINER"),
            Map.entry(0x2000L, "WDM_DRIVER"), Map.entry(0x4000L, "GUARD_CF"),
            Map.entry(0x8000L, "TERMINAL_SERVER_AWARE"));

    /**

     * {@return whether every bit of {@code flag} is set}

     *

     * @param flag one of the constants here

     */
    public boolean has(int flag) {
        return (value & flag) == flag;
    }

    /** {@return the names of the set flags (without the {@code IMAGE_DLLCHARACTERISTICS_} prefix), unknown bits as hex} */
    public List<String> names() {
        return Flags.names(value, NAMES);
    }

    @Override
    public String toString() {
        return "0x" + Integer.toHexString(value) + " " + names();
    }
}
