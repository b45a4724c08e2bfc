package dev.nativeload.binary;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Where the bytes behind a {@link BinaryData} come from: memory (a mapped file, an array), a
 * file read page by page ({@link PagedFile}), or a stream read as far as needed ({@link StreamedBytes}). Offsets are absolute in the source and have been
 * checked against its size by the caller.
 */
sealed interface ByteSource permits ByteSource.InMemory, PagedFile, StreamedBytes {
    /** {@return the number of bytes} */
    long size();

    /**
     * {@return the byte at {@code at}}
     *
     * @param at the offset
     * @throws MalformedBinaryException if the bytes cannot be fetched
     */
    byte get(long at) throws MalformedBinaryException;

    /**
     * {@return the 16 bits at {@code at}}
     *
     * @param at the offset
     * @param order the byte order
     * @throws MalformedBinaryException if the bytes cannot be fetched
     */
    short getShort(long at, ByteOrder order) throws MalformedBinaryException;

    /**
     * {@return the 32 bits at {@code at}}
     *
     * @param at the offset
     * @param order the byte order
     * @throws MalformedBinaryException if the bytes cannot be fetched
     */
    int getInt(long at, ByteOrder order) throws MalformedBinaryException;

    /**
     * {@return the 64 bits at {@code at}}
     *
     * @param at the offset
     * @param order the byte order
     * @throws MalformedBinaryException if the bytes cannot be fetched
     */
    long getLong(long at, ByteOrder order) throws MalformedBinaryException;

    /**
     * Copies bytes out.
     *
     * @param at     the first byte
     * @param length how many, already checked against the size
     * @return a new array
     * @throws MalformedBinaryException if the bytes cannot be fetched
     */
    byte[] copy(long at, int length) throws MalformedBinaryException;

    /**
     * Finds the first NUL byte.
     *
     * @param at    where to start
     * @param limit how many bytes to scan, already checked against the size
     * @return the NUL's distance from {@code at}, or -1 when none comes within {@code limit} bytes
     * @throws MalformedBinaryException if the bytes cannot be fetched
     */
    long indexOfNul(long at, long limit) throws MalformedBinaryException;

    /**
     * Compares bytes in place, without copying them out.
     *
     * @param at       where to start, with {@code expected.length} bytes already checked against the size
     * @param expected the bytes looked for
     * @return whether the bytes there are exactly these
     * @throws MalformedBinaryException if the bytes cannot be fetched
     */
    default boolean regionEquals(long at, byte[] expected) throws MalformedBinaryException {
        for (int i = 0; i < expected.length; i++) {
            if (get(at + i) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** Bytes already in memory: a mapped file or an array wrapped as a segment. */
    record InMemory(MemorySegment bytes) implements ByteSource {
        private static final ValueLayout.OfShort U16_LE = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
        private static final ValueLayout.OfShort U16_BE = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
        private static final ValueLayout.OfInt U32_LE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
        private static final ValueLayout.OfInt U32_BE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
        private static final ValueLayout.OfLong U64_LE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
        private static final ValueLayout.OfLong U64_BE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

        @Override
        public long size() {
            return bytes.byteSize();
        }

        @Override
        public byte get(long at) {
            return bytes.get(ValueLayout.JAVA_BYTE, at);
        }

        @Override
        public short getShort(long at, ByteOrder order) {
            return bytes.get(order == ByteOrder.LITTLE_ENDIAN ? U16_LE : U16_BE, at);
        }

        @Override
        public int getInt(long at, ByteOrder order) {
            return bytes.get(order == ByteOrder.LITTLE_ENDIAN ? U32_LE : U32_BE, at);
        }

        @Override
        public long getLong(long at, ByteOrder order) {
            return bytes.get(order == ByteOrder.LITTLE_ENDIAN ? U64_LE : U64_BE, at);
        }

        @Override
        public byte[] copy(long at, int length) {
            return bytes.asSlice(at, length).toArray(ValueLayout.JAVA_BYTE);
        }

        @Override
        public boolean regionEquals(long at, byte[] expected) {
            // A plain loop: symbol names are short, and MemorySegment.mismatch costs more to set up than it saves.
            for (int i = 0; i < expected.length; i++) {
                if (bytes.get(ValueLayout.JAVA_BYTE, at + i) != expected[i]) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public long indexOfNul(long at, long limit) {
            for (long i = 0; i < limit; i++) {
                if (bytes.get(ValueLayout.JAVA_BYTE, at + i) == 0) {
                    return i;
                }
            }
            return -1;
        }
    }
}
