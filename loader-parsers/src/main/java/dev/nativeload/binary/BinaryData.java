package dev.nativeload.binary;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * A bounds-checked, read-only view of a binary file's bytes in one byte order.
 *
 * <p>Every read checks its offset and width against the size with exact arithmetic and throws
 * {@link MalformedBinaryException} naming what was being read and where; nothing here throws
 * an unchecked exception for bad input. Views are cheap: {@link #withOrder(ByteOrder)} and
 * {@link #slice(long, long, String)} share the underlying memory.
 *
 * <p>{@link #map(Path)} maps a file read-only into memory owned by an automatic arena, so the
 * mapping lives as long as some view of it is reachable and no close is needed.
 */
public final class BinaryData {
    private static final ValueLayout.OfShort U16_LE = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfShort U16_BE = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt U32_LE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt U32_BE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfLong U64_LE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong U64_BE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private final MemorySegment bytes;
    private final long base;
    private final ByteOrder order;

    private BinaryData(MemorySegment bytes, long base, ByteOrder order) {
        this.bytes = bytes;
        this.base = base;
        this.order = order;
    }

    /**
     * Wraps bytes already in memory.
     *
     * @param bytes the whole file
     * @param order the byte order multi-byte reads use
     * @return a view over all of {@code bytes}
     */
    public static BinaryData of(MemorySegment bytes, ByteOrder order) {
        return new BinaryData(Objects.requireNonNull(bytes, "bytes"), 0, Objects.requireNonNull(order, "order"));
    }

    /**
     * Wraps a byte array (tests, resources read into memory).
     *
     * @param bytes the whole file
     * @param order the byte order multi-byte reads use
     * @return a view over all of {@code bytes}
     */
    public static BinaryData of(byte[] bytes, ByteOrder order) {
        return of(MemorySegment.ofArray(bytes), order);
    }

    /**
     * Maps a regular file read-only. Only the pages a parser touches are ever read from disk.
     *
     * @param file the file to map
     * @return a little-endian view over the whole file
     * @throws IOException if the file cannot be opened or mapped (a directory, say)
     */
    public static BinaryData map(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            MemorySegment mapped = size == 0
                    ? MemorySegment.ofArray(new byte[0])
                    : channel.map(FileChannel.MapMode.READ_ONLY, 0, size, Arena.ofAuto());
            return of(mapped, ByteOrder.LITTLE_ENDIAN);
        }
    }

    /** {@return the number of bytes in this view} */
    public long size() {
        return bytes.byteSize();
    }

    /** {@return the byte order of multi-byte reads} */
    public ByteOrder order() {
        return order;
    }

    /** {@return the offset of this view's first byte in the whole file, for error messages} */
    public long fileOffset() {
        return base;
    }

    /**
     * {@return the same bytes read in another byte order}
     *
     * @param newOrder the byte order for multi-byte reads
     */
    public BinaryData withOrder(ByteOrder newOrder) {
        return newOrder == order ? this : new BinaryData(bytes, base, newOrder);
    }

    /**
     * {@return a view of {@code length} bytes starting at {@code offset}}
     *
     * @param offset where the slice starts, relative to this view
     * @param length how many bytes it holds
     * @param what   what the slice is, for the error message (e.g. {@code "ELF section header table"})
     * @throws MalformedBinaryException if the range does not lie inside this view
     */
    public BinaryData slice(long offset, long length, String what) throws MalformedBinaryException {
        check(offset, length, what);
        return new BinaryData(bytes.asSlice(offset, length), base + offset, order);
    }

    /**
     * Checks that {@code length} bytes at {@code offset} lie inside this view.
     *
     * @param offset the first byte
     * @param length the number of bytes
     * @param what   what is being read, for the error message
     * @throws MalformedBinaryException if the range is negative, overflows or runs past the end
     */
    public void check(long offset, long length, String what) throws MalformedBinaryException {
        if (offset < 0 || length < 0) {
            throw new MalformedBinaryException(base + Math.max(offset, 0),
                    what + " has a negative offset or size (offset " + offset + ", size " + length + ")");
        }
        long end;
        try {
            end = Math.addExact(offset, length);
        } catch (ArithmeticException overflow) {
            throw new MalformedBinaryException(base, what + " offset 0x" + Long.toHexString(offset)
                    + " plus size 0x" + Long.toHexString(length) + " overflows");
        }
        if (end > size()) {
            throw new MalformedBinaryException(base + Math.min(offset, size()), what + " (0x" + Long.toHexString(length)
                    + " bytes at 0x" + Long.toHexString(base + offset) + ") runs past the end of the data (0x"
                    + Long.toHexString(base + size()) + ")");
        }
    }

    /** {@return whether {@code length} bytes at {@code offset} lie inside this view} */
    public boolean contains(long offset, long length) {
        return offset >= 0 && length >= 0 && length <= size() && offset <= size() - length;
    }

    /** {@return the unsigned byte at {@code offset}} @param offset where @param what for errors @throws MalformedBinaryException if out of range */
    public int u8(long offset, String what) throws MalformedBinaryException {
        check(offset, 1, what);
        return Byte.toUnsignedInt(bytes.get(ValueLayout.JAVA_BYTE, offset));
    }

    /** {@return the unsigned 16-bit value at {@code offset}} @param offset where @param what for errors @throws MalformedBinaryException if out of range */
    public int u16(long offset, String what) throws MalformedBinaryException {
        check(offset, 2, what);
        return Short.toUnsignedInt(bytes.get(order == ByteOrder.LITTLE_ENDIAN ? U16_LE : U16_BE, offset));
    }

    /** {@return the unsigned 32-bit value at {@code offset}} @param offset where @param what for errors @throws MalformedBinaryException if out of range */
    public long u32(long offset, String what) throws MalformedBinaryException {
        check(offset, 4, what);
        return Integer.toUnsignedLong(bytes.get(order == ByteOrder.LITTLE_ENDIAN ? U32_LE : U32_BE, offset));
    }

    /** {@return the signed 32-bit value at {@code offset}} @param offset where @param what for errors @throws MalformedBinaryException if out of range */
    public int s32(long offset, String what) throws MalformedBinaryException {
        check(offset, 4, what);
        return bytes.get(order == ByteOrder.LITTLE_ENDIAN ? U32_LE : U32_BE, offset);
    }

    /**
     * Reads a 64-bit value. Values of 2^63 and above come back negative; callers that use it as
     * an offset or size pass it through {@link #check} (which rejects negatives) before use.
     *
     * @param offset where
     * @param what   for errors
     * @return the raw 64 bits
     * @throws MalformedBinaryException if out of range
     */
    public long u64(long offset, String what) throws MalformedBinaryException {
        check(offset, 8, what);
        return bytes.get(order == ByteOrder.LITTLE_ENDIAN ? U64_LE : U64_BE, offset);
    }

    /**
     * Reads a 32- or 64-bit word, as an ELF or Mach-O field whose width follows the file class.
     *
     * @param offset where
     * @param wide   true for 64-bit
     * @param what   for errors
     * @return the value, zero-extended when 32-bit
     * @throws MalformedBinaryException if out of range
     */
    public long word(long offset, boolean wide, String what) throws MalformedBinaryException {
        return wide ? u64(offset, what) : u32(offset, what);
    }

    /**
     * {@return a copy of {@code length} bytes at {@code offset}}
     *
     * @param offset where
     * @param length how many; checked against the data before anything is allocated
     * @param what   for errors
     * @throws MalformedBinaryException if out of range
     */
    public byte[] bytes(long offset, int length, String what) throws MalformedBinaryException {
        check(offset, length, what);
        return bytes.asSlice(offset, length).toArray(ValueLayout.JAVA_BYTE);
    }

    /**
     * Reads a NUL-terminated string, decoded as UTF-8 (invalid sequences become U+FFFD).
     *
     * @param offset    where the string starts
     * @param maxLength the most bytes to scan for the terminator (a string table's remaining size, say)
     * @param what      for errors
     * @return the string without its terminator
     * @throws MalformedBinaryException if the offset is out of range or no NUL comes within
     *                                  {@code maxLength} bytes and the end of the data
     */
    public String cString(long offset, long maxLength, String what) throws MalformedBinaryException {
        check(offset, 0, what);
        long limit = Math.min(size() - offset, Math.max(0, maxLength));
        for (long i = 0; i < limit; i++) {
            if (bytes.get(ValueLayout.JAVA_BYTE, offset + i) == 0) {
                if (i > Integer.MAX_VALUE - 8) {
                    break;
                }
                byte[] raw = bytes.asSlice(offset, i).toArray(ValueLayout.JAVA_BYTE);
                return new String(raw, StandardCharsets.UTF_8);
            }
        }
        throw new MalformedBinaryException(base + offset, what + " is not NUL-terminated within 0x" + Long.toHexString(limit) + " bytes");
    }

    /**
     * Reads a fixed-width field holding a string padded with NULs (Mach-O segment names, PE
     * section names): bytes up to the first NUL or the field's end.
     *
     * @param offset where the field starts
     * @param width  the field's width in bytes
     * @param what   for errors
     * @return the string, without padding
     * @throws MalformedBinaryException if out of range
     */
    public String fixedString(long offset, int width, String what) throws MalformedBinaryException {
        byte[] raw = bytes(offset, width, what);
        int n = 0;
        while (n < raw.length && raw[n] != 0) {
            n++;
        }
        return new String(raw, 0, n, StandardCharsets.ISO_8859_1);
    }
}
