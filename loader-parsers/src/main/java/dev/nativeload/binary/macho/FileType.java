package dev.nativeload.binary.macho;

import java.util.Map;

/**
 * A Mach-O header {@code filetype}: an open value with the {@code MH_*} names.
 *
 * @param value the raw {@code filetype}
 */
public record FileType(int value) {
    public static final FileType OBJECT = new FileType(1);
    public static final FileType EXECUTE = new FileType(2);
    public static final FileType FVMLIB = new FileType(3);
    public static final FileType CORE = new FileType(4);
    public static final FileType PRELOAD = new FileType(5);
    public static final FileType DYLIB = new FileType(6);
    public static final FileType DYLINKER = new FileType(7);
    public static final FileType BUNDLE = new FileType(8);
    public static final FileType DYLIB_STUB = new FileType(9);
    public static final FileType DSYM = new FileType(10);
    public static final FileType KEXT_BUNDLE = new FileType(11);
    public static final FileType FILESET = new FileType(12);

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(1, "OBJECT"), Map.entry(2, "EXECUTE"), Map.entry(3, "FVMLIB"), Map.entry(4, "CORE"),
            Map.entry(5, "PRELOAD"), Map.entry(6, "DYLIB"), Map.entry(7, "DYLINKER"), Map.entry(8, "BUNDLE"),
            Map.entry(9, "DYLIB_STUB"), Map.entry(10, "DSYM"), Map.entry(11, "KEXT_BUNDLE"),
            Map.entry(12, "FILESET"), Map.entry(13, "GPU_EXECUTE"), Map.entry(14, "GPU_DYLIB"));

    /** {@return the {@code MH_*} name without prefix ({@code DYLIB}, {@code EXECUTE}, ...), or {@code 0x...} when unknown} */
    public String name() {
        String name = NAMES.get(value);
        return name != null ? name : "0x" + Integer.toHexString(value);
    }

    @Override
    public String toString() {
        return name();
    }
}
