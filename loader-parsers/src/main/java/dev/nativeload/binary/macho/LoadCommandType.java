package dev.nativeload.binary.macho;

import java.util.HashMap;
import java.util.Map;

/**
 * A load command's {@code cmd} value: an open value with the {@code LC_*} names.
 *
 * @param value the raw {@code cmd}, including {@code LC_REQ_DYLD} (0x80000000) where set
 */
public record LoadCommandType(int value) {
    /** {@code LC_REQ_DYLD}: dyld must understand this command or refuse the image. */
    public static final int REQ_DYLD = 0x8000_0000;

    public static final int LC_SEGMENT = 0x1;
    public static final int LC_LOAD_DYLIB = 0xc;
    public static final int LC_ID_DYLIB = 0xd;
    public static final int LC_LOAD_DYLINKER = 0xe;
    public static final int LC_ID_DYLINKER = 0xf;
    public static final int LC_LOAD_WEAK_DYLIB = 0x18 | REQ_DYLD;
    public static final int LC_SEGMENT_64 = 0x19;
    public static final int LC_UUID = 0x1b;
    public static final int LC_RPATH = 0x1c | REQ_DYLD;
    public static final int LC_REEXPORT_DYLIB = 0x1f | REQ_DYLD;
    public static final int LC_LAZY_LOAD_DYLIB = 0x20;
    public static final int LC_LOAD_UPWARD_DYLIB = 0x23 | REQ_DYLD;
    public static final int LC_VERSION_MIN_MACOSX = 0x24;
    public static final int LC_VERSION_MIN_IPHONEOS = 0x25;
    public static final int LC_DYLD_ENVIRONMENT = 0x27;
    public static final int LC_MAIN = 0x28 | REQ_DYLD;
    public static final int LC_VERSION_MIN_TVOS = 0x2f;
    public static final int LC_VERSION_MIN_WATCHOS = 0x30;
    public static final int LC_BUILD_VERSION = 0x32;

    private static final Map<Integer, String> NAMES = names();

    private static Map<Integer, String> names() {
        String[] low = {
            null, "SEGMENT", "SYMTAB", "SYMSEG", "THREAD", "UNIXTHREAD", "LOADFVMLIB", "IDFVMLIB", "IDENT",
            "FVMFILE", "PREPAGE", "DYSYMTAB", "LOAD_DYLIB", "ID_DYLIB", "LOAD_DYLINKER", "ID_DYLINKER",
            "PREBOUND_DYLIB", "ROUTINES", "SUB_FRAMEWORK", "SUB_UMBRELLA", "SUB_CLIENT", "SUB_LIBRARY",
            "TWOLEVEL_HINTS", "PREBIND_CKSUM", null, "SEGMENT_64", "ROUTINES_64", "UUID", null,
            "CODE_SIGNATURE", "SEGMENT_SPLIT_INFO", null, "LAZY_LOAD_DYLIB", "ENCRYPTION_INFO", "DYLD_INFO",
            null, "VERSION_MIN_MACOSX", "VERSION_MIN_IPHONEOS", "FUNCTION_STARTS", "DYLD_ENVIRONMENT", null,
            "DATA_IN_CODE", "SOURCE_VERSION", "DYLIB_CODE_SIGN_DRS", "ENCRYPTION_INFO_64", "LINKER_OPTION",
            "LINKER_OPTIMIZATION_HINT", "VERSION_MIN_TVOS", "VERSION_MIN_WATCHOS", "NOTE", "BUILD_VERSION",
            null, null, null, "ATOM_INFO",
        };
        Map<Integer, String> names = new HashMap<>();
        for (int i = 0; i < low.length; i++) {
            if (low[i] != null) {
                names.put(i, "LC_" + low[i]);
            }
        }
        names.put(LC_LOAD_WEAK_DYLIB, "LC_LOAD_WEAK_DYLIB");
        names.put(LC_RPATH, "LC_RPATH");
        names.put(LC_REEXPORT_DYLIB, "LC_REEXPORT_DYLIB");
        names.put(0x22 | REQ_DYLD, "LC_DYLD_INFO_ONLY");
        names.put(LC_LOAD_UPWARD_DYLIB, "LC_LOAD_UPWARD_DYLIB");
        names.put(LC_MAIN, "LC_MAIN");
        names.put(0x33 | REQ_DYLD, "LC_DYLD_EXPORTS_TRIE");
        names.put(0x34 | REQ_DYLD, "LC_DYLD_CHAINED_FIXUPS");
        names.put(0x35 | REQ_DYLD, "LC_FILESET_ENTRY");
        return Map.copyOf(names);
    }

    /** {@return the {@code LC_*} name, such as {@code LC_LOAD_DYLIB}, or {@code LC_0x...} when unknown} */
    public String name() {
        String name = NAMES.get(value);
        return name != null ? name : "LC_0x" + Integer.toHexString(value);
    }

    /** {@return whether dyld refuses an image with this command when it does not know it ({@code LC_REQ_DYLD} set)} */
    public boolean requiredByDyld() {
        return (value & REQ_DYLD) != 0;
    }

    @Override
    public String toString() {
        return name();
    }
}
