package dev.nativeload.binary.pe;

import java.util.List;
import java.util.Map;

/**
 * The COFF header's characteristics flags ({@code IMAGE_FILE_*}).
 *
 * @param value the raw 16-bit field
 */
public record FileCharacteristics(int value) {
    public static final int RELOCS_STRIPPED = 0x0001;
    public static final int EXECUTABLE_IMAGE = 0x0002;
    public static final int LINE_NUMS_STRIPPED = 0x0004;
    public static final int LOCAL_SYMS_STRIPPED = 0x0008;
    public static final int AGGRESSIVE_WS_TRIM = 0x0010;
    public static final int LARGE_ADDRESS_AWARE = 0x0020;
    public static final int BYTES_REVERSED_LO = 0x0080;
    public static final int MACHINE_32BIT = 0x0100;
    public static final int DEBUG_STRIPPED = 0x0200;
    public static final int REMOVABLE_RUN_FROM_SWAP = 0x0400;
    public static final int NET_RUN_FROM_SWAP = 0x0800;
    public static final int SYSTEM = 0x1000;
    public static final int DLL = 0x2000;
    public static final int UP_SYSTEM_ONLY = 0x4000;
    public static final int BYTES_REVERSED_HI = 0x8000;

    private static final Map<Long, String> NAMES = Map.ofEntries(
            Map.entry(0x0001L, "RELOCS_STRIPPED"), Map.entry(0x0002L, "EXECUTABLE_IMAGE"),
            Map.entry(0x0004L, "LINE_NUMS_STRIPPED"), Map.entry(0x0008L, "LOCAL_SYMS_STRIPPED"),
            Map.entry(0x0010L, "AGGRESSIVE_WS_TRIM"), Map.entry(0x0020L, "LARGE_ADDRESS_AWARE"),
            Map.entry(0x0080L, "BYTES_REVERSED_LO"), Map.entry(0x0100L, "32BIT_MACHINE"),
            Map.entry(0x0200L, "DEBUG_STRIPPED"), Map.entry(0x0400L, "REMOVABLE_RUN_FROM_SWAP"),
            Map.entry(0x0800L, "NET_RUN_FROM_SWAP"), Map.entry(0x1000L, "SYSTEM"),
            Map.entry(0x2000L, "DLL"), Map.entry(0x4000L, "UP_SYSTEM_ONLY"),
            Map.entry(0x8000L, "BYTES_REVERSED_HI"));

    /**

     * {@return whether every bit of {@code flag} is set}

     *

     * @param flag one of the constants here

     */
    public boolean has(int flag) {
        return (value & flag) == flag;
    }

    /** {@return whether the image is a DLL} */
    public boolean isDll() {
        return has(DLL);
    }

    /** {@return the names of the set flags (without the {@code IMAGE_FILE_} prefix), unknown bits as hex} */
    public List<String> names() {
        return Flags.names(value, NAMES);
    }

    @Override
    public String toString() {
        return "0x" + Integer.toHexString(value) + " " + names();
    }
}
