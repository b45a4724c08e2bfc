package dev.nativeload.cli;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A log's lines as bytes, read in large blocks, each line cut to its first {@link #MAX_KEPT} bytes: a
 * line of a gigabyte (a minified blob, a binary file given by mistake) costs its reading time, never
 * its size in memory. A line ends at {@code \n}; a {@code \r} before it is dropped. A line that lies
 * inside the block read is handed out in place (no copy); one that spans blocks is gathered.
 */
final class LogLines {
    /** The bytes kept of one line; the rest of a longer line is read and dropped. */
    static final int MAX_KEPT = 16 * 1024;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long NEWLINES = ONES * '\n';

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 18];
    private int position;
    private int limit;
    private boolean ended;
    private final byte[] gathered = new byte[MAX_KEPT];
    private byte[] data;
    private int offset;
    private int length;
    private boolean cut;
    private long number;

    /** @param in the log; read to its end, not closed */
    LogLines(InputStream in) {
        this.in = in;
    }

    /**
     * Reads the next line.
     *
     * @return false at the end of the log
     * @throws IOException if reading fails
     */
    boolean next() throws IOException {
        cut = false;
        if (position == limit && !fill()) {
            return false;
        }
        int end = indexOfNewline(buffer, position, limit);
        if (end >= 0) {
            data = buffer;
            offset = position;
            length = Math.min(end - position, MAX_KEPT);
            cut = end - position > MAX_KEPT;
            position = end + 1;
        } else {
            gather();
        }
        if (length > 0 && data[offset + length - 1] == '\r' && !cut) {
            length--;
        }
        number++;
        return true;
    }

    /** A line that runs past the block: kept bytes copied, the rest read and dropped. */
    private void gather() throws IOException {
        int kept = 0;
        while (true) {
            int end = indexOfNewline(buffer, position, limit);
            int stop = end < 0 ? limit : end;
            int n = Math.min(stop - position, MAX_KEPT - kept);
            System.arraycopy(buffer, position, gathered, kept, n);
            kept += n;
            cut |= stop - position > n;
            if (end >= 0) {
                position = end + 1;
                break;
            }
            position = limit;
            if (!fill()) {
                break;
            }
        }
        data = gathered;
        offset = 0;
        length = kept;
    }

    /** The first '\n' in {@code b[from, to)}, eight bytes at a time, or -1. */
    private static int indexOfNewline(byte[] b, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long x = (long) LONGS.get(b, i) ^ NEWLINES;
            long found = (x - ONES) & ~x & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private boolean fill() throws IOException {
        if (ended) {
            return false;
        }
        int n = in.readNBytes(buffer, 0, buffer.length);
        if (n <= 0) {
            ended = true;
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    /** {@return the array holding the current line; valid until the next call of next()} */
    byte[] bytes() {
        return data;
    }

    /** {@return where the current line starts in {@link #bytes()}} */
    int offset() {
        return offset;
    }

    /** {@return how many bytes of {@link #bytes()} are the current line} */
    int length() {
        return length;
    }

    /** {@return whether the current line was longer than MAX_KEPT and cut} */
    boolean cut() {
        return cut;
    }

    /** {@return the current line's 1-based number} */
    long number() {
        return number;
    }

    /** {@return the current line's kept bytes as text (UTF-8; a malformed byte becomes U+FFFD)} */
    String text() {
        return new String(data, offset, length, StandardCharsets.UTF_8);
    }
}
