package dev.nativeload.binary;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Bytes pulled from a stream only as far as a parser reads them: an archive entry whose headers are all a reader
 * needs is never inflated past them. The buffer grows (doubling, at most to the stated size) as offsets beyond it are
 * read; nothing is ever read twice. Not thread-safe: one parser reads it, while its stream is open.
 */
final class StreamedBytes implements ByteSource {
    /** The buffer's first size: ELF, PE and Mach-O headers of most libraries lie within it. */
    private static final int FIRST = 64 << 10;

    private final InputStream in;
    private final long size;
    private byte[] buffer;
    private int filled;

    /**
     * @param in   the stream, positioned at the first byte
     * @param size how many bytes it holds; at most {@link Integer#MAX_VALUE} - 8
     */
    StreamedBytes(InputStream in, long size) {
        if (size < 0 || size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a stream of " + size + " bytes cannot be held in memory");
        }
        this.in = in;
        this.size = size;
        this.buffer = new byte[(int) Math.min(size, FIRST)];
    }

    /** Reads until the first {@code end} bytes are in the buffer. */
    private void need(long end) throws MalformedBinaryException {
        if (end <= filled) {
            return;
        }
        if (end > buffer.length) {
            long grown = Math.max(end, Math.min(size, (long) buffer.length * 2));
            buffer = Arrays.copyOf(buffer, (int) grown);
        }
        try {
            while (filled < end) {
                int n = in.read(buffer, filled, buffer.length - filled);
                if (n < 0) {
                    throw new MalformedBinaryException(filled, "the data ended after " + filled + " of its " + size + " bytes");
                }
                filled += n;
            }
        } catch (IOException e) {
            throw new PagedFile.ReadFailure(e);
        }
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public byte get(long at) throws MalformedBinaryException {
        need(at + 1);
        return buffer[(int) at];
    }

    @Override
    public short getShort(long at, ByteOrder order) throws MalformedBinaryException {
        need(at + 2);
        return ByteBuffer.wrap(buffer).order(order).getShort((int) at);
    }

    @Override
    public int getInt(long at, ByteOrder order) throws MalformedBinaryException {
        need(at + 4);
        return ByteBuffer.wrap(buffer).order(order).getInt((int) at);
    }

    @Override
    public long getLong(long at, ByteOrder order) throws MalformedBinaryException {
        need(at + 8);
        return ByteBuffer.wrap(buffer).order(order).getLong((int) at);
    }

    @Override
    public byte[] copy(long at, int length) throws MalformedBinaryException {
        need(at + length);
        return Arrays.copyOfRange(buffer, (int) at, (int) at + length);
    }

    @Override
    public long indexOfNul(long at, long limit) throws MalformedBinaryException {
        for (long i = 0; i < limit; i++) {
            if (get(at + i) == 0) {
                return i;
            }
        }
        return -1;
    }
}
