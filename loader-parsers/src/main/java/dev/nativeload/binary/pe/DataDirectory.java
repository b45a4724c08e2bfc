package dev.nativeload.binary.pe;

import java.util.List;

/**
 * One entry of the optional header's data directory: where a table lives in the loaded image.
 *
 * @param index          the entry's position, one of the constants here ({@link #EXPORT}, {@link #IMPORT}, ...)
 * @param virtualAddress the table's relative virtual address (for {@link #SECURITY}, a file offset)
 * @param size           the table's size in bytes
 */
public record DataDirectory(int index, long virtualAddress, long size) {
    public static final int EXPORT = 0;
    public static final int IMPORT = 1;
    public static final int RESOURCE = 2;
    public static final int EXCEPTION = 3;
    public static final int SECURITY = 4;
    public static final int BASE_RELOCATION = 5;
    public static final int DEBUG = 6;
    public static final int ARCHITECTURE = 7;
    public static final int GLOBAL_POINTER = 8;
    public static final int TLS = 9;
    public static final int LOAD_CONFIG = 10;
    public static final int BOUND_IMPORT = 11;
    public static final int IAT = 12;
    public static final int DELAY_IMPORT = 13;
    public static final int CLR_RUNTIME_HEADER = 14;
    public static final int RESERVED = 15;

    /** The most entries a loader reads; a larger {@code NumberOfRvaAndSizes} is capped to this. */
    public static final int MAX_ENTRIES = 16;

    private static final List<String> NAMES = List.of("EXPORT", "IMPORT", "RESOURCE", "EXCEPTION", "SECURITY",
            "BASE_RELOCATION", "DEBUG", "ARCHITECTURE", "GLOBAL_POINTER", "TLS", "LOAD_CONFIG", "BOUND_IMPORT",
            "IAT", "DELAY_IMPORT", "CLR_RUNTIME_HEADER", "RESERVED");

    /** {@return the entry's name, e.g. {@code IMPORT}} */
    public String name() {
        return index >= 0 && index < NAMES.size() ? NAMES.get(index) : "DIRECTORY_" + index;
    }

    /** {@return whether the entry points at a table (a non-zero address)} */
    public boolean isPresent() {
        return virtualAddress != 0;
    }
}
