package dev.nativeload.binary;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Bytes pulled from a stream only as far as a parser reads them: an archive entry whose headers are all a reader
 * needs is never inflated past them. The buffer grows (doubling, at most to the stated size) as offsets beyond it are
 * read; nothing is ever read twice. Its array comes from a {@link StreamBuffer} and goes back to it, so once the parser
 * returns it is {@linkplain #release() released}: a later read fails rather than see the next stream's bytes. Not
 * thread-safe: one parser reads it, while its stream is open.
 */
final class StreamedBytes implements ByteSource {
    /** The buffer's first size: ELF, PE and Mach-O headers of most libraries lie within it. */
    private static final int FIRST = 64 << 10;
    // Views of the array as wider values: a ByteBuffer made per read cost an allocation each (the quick JIT tier
    // that short command-line runs use does not eliminate it).
    private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT_BE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final InputStream in;
    private final long size;
    private final StreamBuffer memory;
    private byte[] buffer;
    private int filled;
    private boolean released;

    /**
     * @param in     the stream, positioned at the first byte
     * @param size   how many bytes it holds; at most {@link Integer#MAX_VALUE} - 8
     * @param memory where the bytes are kept, the stream's alone until {@link #release()}
     */
    StreamedBytes(InputStream in, long size, StreamBuffer memory) {
        if (size < 0 || size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a stream of " + size + " bytes cannot be held in memory");
        }
        this.in = in;
        this.size = size;
        this.memory = memory;
        this.buffer = memory.atLeast((int) Math.min(size, FIRST));
    }

    /** Ends the parser's use: the array is the next stream's, and a read from here on is a bug. */
    void release() {
        released = true;
        buffer = null;
    }

    /** Reads until the first {@code end} bytes are in the buffer. */
    private void need(long end) throws MalformedBinaryException {
        if (released) {
            throw new IllegalStateException("the stream's bytes were read after its parser returned");
        }
        if (end <= filled) {
            return;
        }
        if (end > buffer.length) {
            long grown = Math.max(end, Math.min(size, (long) buffer.length * 2));
            buffer = Arrays.copyOf(buffer, (int) grown);
            memory.keep(buffer);
        }
        // A kept array may be larger than this stream: never read past its stated size.
        int limit = (int) Math.min(buffer.length, size);
        try {
            while (filled < end) {
                int n = in.read(buffer, filled, limit - filled);
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
        return (short) (order == ByteOrder.LITTLE_ENDIAN ? SHORT_LE : SHORT_BE).get(buffer, (int) at);
    }

    @Override
    public int getInt(long at, ByteOrder order) throws MalformedBinaryException {
        need(at + 4);
        return (int) (order == ByteOrder.LITTLE_ENDIAN ? INT_LE : INT_BE).get(buffer, (int) at);
    }

    @Override
    public long getLong(long at, ByteOrder order) throws MalformedBinaryException {
        need(at + 8);
        return (long) (order == ByteOrder.LITTLE_ENDIAN ? LONG_LE : LONG_BE).get(buffer, (int) at);
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
