package dev.nativeload.cli;

import dev.nativeload.binary.Binaries;
import dev.nativeload.binary.BinaryData;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * What an entry of an archive or a file of a tree is, from its first bytes alone (never its name): an archive
 * to descend into, a native to read, a Java class to search for native methods, or something else to skip.
 */
enum ScanEntryKind {
    /** A ZIP archive (jar, war, ear, zip): a local file header or an empty archive's end record. */
    ARCHIVE,
    /** ELF, PE or (universal) Mach-O, as {@link Binaries#sniff} tells. */
    NATIVE,
    /** A Java class file ({@code 0xCAFEBABE} with a class version, not a universal Mach-O's slice count). */
    CLASS,
    /** Anything else. */
    OTHER;

    /** How many leading bytes {@link #of} needs. */
    static final int HEAD = 8;

    /**
     * {@return the kind of a file whose first bytes these are}
     *
     * @param head   the first bytes
     * @param length how many of them are valid (fewer than {@link #HEAD} for a short file)
     */
    static ScanEntryKind of(byte[] head, int length) {
        if (length >= 4 && head[0] == 'P' && head[1] == 'K'
                && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6))) {
            return ARCHIVE;
        }
        BinaryData data = BinaryData.of(Arrays.copyOf(head, length), ByteOrder.LITTLE_ENDIAN);
        if (Binaries.sniff(data).isPresent()) {
            return NATIVE;
        }
        boolean cafebabe = length >= 4 && (head[0] & 0xFF) == 0xCA && (head[1] & 0xFF) == 0xFE
                && (head[2] & 0xFF) == 0xBA && (head[3] & 0xFF) == 0xBE;
        return cafebabe ? CLASS : OTHER;
    }
}
