package dev.nativeload.binary;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
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
 * {@link #slice(long, long, String)} share the underlying bytes.
 *
 * <p>Three ways in: {@link #read(Path, Parser)} reads a file on demand, a few 4 KiB pages with
 * positional reads, and is what the parsers' {@code read(Path)} entry points use;
 * {@link #map(Path)} maps a file read-only for callers that want the whole file addressable;
 * {@link #of(byte[], ByteOrder)} and {@link #of(MemorySegment, ByteOrder)} wrap bytes in memory.
 */
public final class BinaryData {
    private final ByteSource source;
    private final long start;
    private final long size;
    private final ByteOrder order;

    private BinaryData(ByteSource source, long start, long size, ByteOrder order) {
        this.source = source;
        this.start = start;
        this.size = size;
        this.order = order;
    }

    /**
     * Parses a file, reading only the pages the parser touches. The file is open while
     * {@code parser} runs; parts of the result read later (an ELF symbol lookup, say) open it
     * again, and fail with {@link MalformedBinaryException} if it changed in between.
     *
     * @param file   a regular file; symbolic links are followed
     * @param parser what to make of its bytes, seen as a little-endian view
     * @param <T>    the parser's result
     * @param <X>    a further exception the parser throws
     * @return the parser's result
     * @throws IOException              if the file cannot be opened or read, is a directory, or is
     *                                  not a regular file
     * @throws MalformedBinaryException if the parser finds the bytes malformed
     * @throws X                        as the parser does
     */
    public static <T, X extends Exception> T read(Path file, Parser<T, X> parser) throws IOException, MalformedBinaryException, X {
        Objects.requireNonNull(parser, "parser");
        try (PagedFile pages = PagedFile.open(file)) {
            return parser.parse(new BinaryData(pages, 0, pages.size(), ByteOrder.LITTLE_ENDIAN));
        } catch (PagedFile.ReadFailure e) {
            throw e.getCause();
        }
    }

    /**
     * What {@link #read(Path, Parser)} does with a file's bytes.
     *
     * @param <T> the result
     * @param <X> a further exception it throws, besides {@link MalformedBinaryException}
     */
    @FunctionalInterface
    public interface Parser<T, X extends Exception> {
        /**
         * Reads a file's bytes into a result.
         *
         * @param data the whole file
         * @return the result
         * @throws MalformedBinaryException if the bytes are malformed
         * @throws X                        as the parser decides
         */
        T parse(BinaryData data) throws MalformedBinaryException, X;
    }

    /**
     * Wraps bytes already in memory.
     *
     * @param bytes the whole file
     * @param order the byte order multi-byte reads use
     * @return a view over all of {@code bytes}
     */
    public static BinaryData of(MemorySegment bytes, ByteOrder order) {
        ByteSource source = new ByteSource.InMemory(Objects.requireNonNull(bytes, "bytes"));
        return new BinaryData(source, 0, source.size(), Objects.requireNonNull(order, "order"));
    }

    /**
     * Parses bytes coming from a stream (an archive entry, say), pulling them only as far as the parser reads:
     * a reader of headers leaves the rest of the stream unread, and an entry is not inflated past its headers.
     * What was read is kept in memory, so {@code size} should be bounded by the caller.
     *
     * @param in     the stream, at the first byte; the caller closes it
     * @param size   how many bytes the stream holds, at most {@code Integer.MAX_VALUE - 8}
     * @param parser what to make of its bytes, seen as a little-endian view; everything it needs must be read
     *               before it returns
     * @param <T>    the parser's result
     * @param <X>    a further exception the parser throws
     * @return the parser's result
     * @throws IOException              if the stream fails
     * @throws MalformedBinaryException if the parser finds the bytes malformed, or the stream ends early
     * @throws X                        as the parser does
     */
    public static <T, X extends Exception> T read(InputStream in, long size, Parser<T, X> parser)
            throws IOException, MalformedBinaryException, X {
        return read(in, size, new StreamBuffer(), parser);
    }

    /**
     * Parses bytes coming from a stream as {@link #read(InputStream, long, Parser)} does, in memory kept from one
     * stream to the next: a reader of many entries one after another allocates it once.
     *
     * @param in     the stream, at the first byte; the caller closes it
     * @param size   how many bytes the stream holds, at most {@code Integer.MAX_VALUE - 8}
     * @param memory where the bytes are read into; the parser's alone until it returns, and no view of them may be
     *               kept past that (a later read throws {@link IllegalStateException})
     * @param parser what to make of its bytes, seen as a little-endian view; everything it needs must be read
     *               before it returns
     * @param <T>    the parser's result
     * @param <X>    a further exception the parser throws
     * @return the parser's result
     * @throws IOException              if the stream fails
     * @throws MalformedBinaryException if the parser finds the bytes malformed, or the stream ends early
     * @throws X                        as the parser does
     */
    public static <T, X extends Exception> T read(InputStream in, long size, StreamBuffer memory, Parser<T, X> parser)
            throws IOException, MalformedBinaryException, X {
        Objects.requireNonNull(parser, "parser");
        StreamedBytes bytes = new StreamedBytes(Objects.requireNonNull(in, "in"), size,
                Objects.requireNonNull(memory, "memory"));
        try {
            return parser.parse(new BinaryData(bytes, 0, size, ByteOrder.LITTLE_ENDIAN));
        } catch (PagedFile.ReadFailure e) {
            throw e.getCause();
        } finally {
            bytes.release();
        }
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
     * Maps a regular file read-only into memory owned by an automatic arena: the mapping lives as
     * long as some view of it is reachable, and no close is needed. Only the pages a parser touches
     * are ever read from disk, but each costs a page fault; {@link #read(Path, Parser)} is cheaper
     * for reading headers.
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
        return size;
    }

    /** {@return the byte order of multi-byte reads} */
    public ByteOrder order() {
        return order;
    }

    /** {@return the offset of this view's first byte in the whole file, for error messages} */
    public long fileOffset() {
        return start;
    }

    /**
     * {@return the same bytes read in another byte order}
     *
     * @param newOrder the byte order for multi-byte reads
     */
    public BinaryData withOrder(ByteOrder newOrder) {
        return newOrder == order ? this : new BinaryData(source, start, size, newOrder);
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
        return new BinaryData(source, start + offset, length, order);
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
            throw new MalformedBinaryException(start + Math.max(offset, 0),
                    what + " has a negative offset or size (offset " + offset + ", size " + length + ")");
        }
        long end;
        try {
            end = Math.addExact(offset, length);
        } catch (ArithmeticException overflow) {
            throw new MalformedBinaryException(start, what + " offset 0x" + Long.toHexString(offset)
                    + " plus size 0x" + Long.toHexString(length) + " overflows");
        }
        if (end > size()) {
            throw new MalformedBinaryException(start + Math.min(offset, size()), what + " (0x" + Long.toHexString(length)
                    + " bytes at 0x" + Long.toHexString(start + offset) + ") runs past the end of the data (0x"
                    + Long.toHexString(start + size()) + ")");
        }
    }

    /**
     * {@return whether {@code length} bytes at {@code offset} lie inside this view}
     *
     * @param offset the first byte
     * @param length the number of bytes
     */
    public boolean contains(long offset, long length) {
        return offset >= 0 && length >= 0 && length <= size() && offset <= size() - length;
    }

    /**

     * {@return the unsigned byte at {@code offset}}

     *

     * @param offset where

     * @param what for errors

     * @throws MalformedBinaryException if out of range

     */
    public int u8(long offset, String what) throws MalformedBinaryException {
        check(offset, 1, what);
        return Byte.toUnsignedInt(source.get(start + offset));
    }

    /**

     * {@return the unsigned 16-bit value at {@code offset}}

     *

     * @param offset where

     * @param what for errors

     * @throws MalformedBinaryException if out of range

     */
    public int u16(long offset, String what) throws MalformedBinaryException {
        check(offset, 2, what);
        return Short.toUnsignedInt(source.getShort(start + offset, order));
    }

    /**

     * {@return the unsigned 32-bit value at {@code offset}}

     *

     * @param offset where

     * @param what for errors

     * @throws MalformedBinaryException if out of range

     */
    public long u32(long offset, String what) throws MalformedBinaryException {
        check(offset, 4, what);
        return Integer.toUnsignedLong(source.getInt(start + offset, order));
    }

    /**

     * {@return the signed 32-bit value at {@code offset}}

     *

     * @param offset where

     * @param what for errors

     * @throws MalformedBinaryException if out of range

     */
    public int s32(long offset, String what) throws MalformedBinaryException {
        check(offset, 4, what);
        return source.getInt(start + offset, order);
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
        return source.getLong(start + offset, order);
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
        return source.copy(start + offset, length);
    }

    /**
     * {@return whether the bytes at an offset are these bytes}, compared in place (a name looked up
     * against a string table, say, without decoding the table's string)
     *
     * @param offset   where the bytes start
     * @param expected the bytes looked for
     * @param what     for errors
     * @throws MalformedBinaryException if the range runs outside the data
     */
    public boolean regionEquals(long offset, byte[] expected, String what) throws MalformedBinaryException {
        check(offset, expected.length, what);
        return source.regionEquals(start + offset, expected);
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
        long length = source.indexOfNul(start + offset, limit);
        if (length >= 0 && length <= Integer.MAX_VALUE - 8) {
            return new String(source.copy(start + offset, (int) length), StandardCharsets.UTF_8);
        }
        throw new MalformedBinaryException(start + offset, what + " is not NUL-terminated within 0x" + Long.toHexString(limit) + " bytes");
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
