package dev.nativeload.binary.elf;

import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.MalformedBinaryException;

/** The dynamic string table: {@code DT_STRSZ} bytes at {@code DT_STRTAB}; every read stays inside it. */
final class StringTable {
    private final BinaryData bytes;
    private final long dynamicOffset;

    private StringTable(BinaryData bytes, long dynamicOffset) {
        this.bytes = bytes;
        this.dynamicOffset = dynamicOffset;
    }

    static StringTable of(BinaryData file, long offset, long size) throws MalformedBinaryException {
        return new StringTable(file.slice(offset, size, "ELF dynamic string table (DT_STRTAB, DT_STRSZ)"), offset);
    }

    /** @param dynamicOffset where the dynamic array that lacks DT_STRTAB starts, for errors (-1 if none) */
    static StringTable missing(long dynamicOffset) {
        return new StringTable(null, dynamicOffset);
    }

    /**
     * @param index an offset into the table
     * @param what  what the string is, for the error
     * @return the NUL-terminated string there
     * @throws MalformedBinaryException if the index is outside the table or the string is not terminated inside it
     */
    String get(long index, String what) throws MalformedBinaryException {
        requireInside(index, what);
        return bytes.cString(index, bytes.size() - index, what);
    }

    /**
     * {@return whether the string at an index is exactly these bytes (then a NUL)}, compared in the
     * file without decoding it: what a hash lookup asks of every candidate its chain offers.
     *
     * @param index an offset into the table
     * @param name  the bytes of the name looked for
     * @param what  what the string is, for the error
     * @throws MalformedBinaryException if the index is outside the table, or the string matches up to
     *                                  the table's end without being terminated
     */
    boolean matches(long index, byte[] name, String what) throws MalformedBinaryException {
        requireInside(index, what);
        long room = bytes.size() - index;
        if (name.length < room) {
            return bytes.regionEquals(index, name, what) && bytes.u8(index + name.length, what) == 0;
        }
        // The name reaches the table's end: a match would be a string without its terminator.
        bytes.cString(index, room, what); // throws when the string there is not terminated
        return false;
    }

    private void requireInside(long index, String what) throws MalformedBinaryException {
        if (bytes == null) {
            throw new MalformedBinaryException(dynamicOffset, what + " names a string but the dynamic array has no DT_STRTAB");
        }
        if (index < 0 || index >= bytes.size()) {
            throw new MalformedBinaryException(bytes.fileOffset(), what + " string index 0x" + Long.toHexString(index)
                    + " lies outside the dynamic string table (size 0x" + Long.toHexString(bytes.size()) + ")");
        }
    }
}
