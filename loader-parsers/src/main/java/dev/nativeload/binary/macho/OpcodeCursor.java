package dev.nativeload.binary.macho;

import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.MalformedBinaryException;
import java.nio.charset.StandardCharsets;

/**
 * A position in one of dyld's byte streams (bind opcodes, an export trie): ULEB128 and SLEB128
 * numbers and NUL-terminated strings, each read checked against the stream's end.
 */
final class OpcodeCursor {
    /** The most bytes a 64-bit LEB128 number takes (ten: 9 x 7 + 1 bits). */
    private static final int MAX_LEB_BYTES = 10;

    private final BinaryData stream;
    private final String what;
    private long at;

    /**
     * @param stream the stream's bytes
     * @param what   what it is, for errors ({@code "bind opcodes"}, {@code "export trie"})
     */
    OpcodeCursor(BinaryData stream, String what) {
        this.stream = stream;
        this.what = what;
    }

    long position() {
        return at;
    }

    void seek(long position) throws MalformedBinaryException {
        if (position < 0 || position > stream.size()) {
            throw error(position, "offset 0x" + Long.toHexString(position) + " is outside the " + what + " (0x"
                    + Long.toHexString(stream.size()) + " bytes)");
        }
        at = position;
    }

    boolean atEnd() {
        return at >= stream.size();
    }

    int u8() throws MalformedBinaryException {
        int b = stream.u8(at, what);
        at++;
        return b;
    }

    /** {@return an unsigned LEB128 number; one that needs more than 64 bits is malformed} */
    long uleb() throws MalformedBinaryException {
        long start = at;
        long value = 0;
        for (int i = 0; i < MAX_LEB_BYTES; i++) {
            int b = u8();
            long bits = b & 0x7f;
            if (i == MAX_LEB_BYTES - 1 && bits > 1) {
                throw error(start, "ULEB128 number in the " + what + " overflows 64 bits");
            }
            value |= bits << (7 * i);
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw error(start, "ULEB128 number in the " + what + " is longer than " + MAX_LEB_BYTES + " bytes");
    }

    /** {@return a signed LEB128 number} */
    long sleb() throws MalformedBinaryException {
        long start = at;
        long value = 0;
        for (int i = 0; i < MAX_LEB_BYTES; i++) {
            int b = u8();
            value |= (long) (b & 0x7f) << (7 * i);
            if ((b & 0x80) == 0) {
                int shift = 7 * (i + 1);
                if (shift < 64 && (b & 0x40) != 0) {
                    value |= -1L << shift;
                }
                return value;
            }
        }
        throw error(start, "SLEB128 number in the " + what + " is longer than " + MAX_LEB_BYTES + " bytes");
    }

    /** {@return a ULEB128 number that must fit a non-negative int (a count, an ordinal, an offset in the stream)} */
    int ulebInt(String field) throws MalformedBinaryException {
        long start = at;
        long v = uleb();
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw error(start, field + " 0x" + Long.toUnsignedString(v, 16) + " in the " + what + " is out of range");
        }
        return (int) v;
    }

    String cString(String field) throws MalformedBinaryException {
        long start = at;
        while (stream.u8(at, what + " " + field) != 0) {
            at++;
        }
        long length = at - start;
        at++;
        if (length > Integer.MAX_VALUE - 8) {
            throw error(start, what + " " + field + " is too long");
        }
        return new String(stream.bytes(start, (int) length, what + " " + field), StandardCharsets.UTF_8);
    }

    MalformedBinaryException error(long position, String problem) {
        return new MalformedBinaryException(stream.fileOffset() + position, problem);
    }
}
