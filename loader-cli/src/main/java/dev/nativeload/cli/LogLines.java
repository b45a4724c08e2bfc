package dev.nativeload.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A log's lines as bytes, read in large blocks, each line cut to its first {@link #MAX_KEPT} bytes: a
 * line of a gigabyte (a minified blob, a binary file given by mistake) costs its reading time, never
 * its size in memory. A line ends at {@code \n}; a {@code \r} before it is dropped.
 */
final class LogLines {
    /** The bytes kept of one line; the rest of a longer line is read and dropped. */
    static final int MAX_KEPT = 16 * 1024;

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 18];
    private int position;
    private int limit;
    private boolean ended;
    private final byte[] line = new byte[MAX_KEPT];
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
        length = 0;
        cut = false;
        boolean any = false;
        while (true) {
            if (position == limit) {
                if (ended || !fill()) {
                    if (!any) {
                        return false;
                    }
                    break;
                }
            }
            any = true;
            int end = indexOfNewline(buffer, position, limit);
            int stop = end < 0 ? limit : end;
            keep(position, stop - position);
            if (end >= 0) {
                position = end + 1;
                break;
            }
            position = limit;
        }
        if (length > 0 && line[length - 1] == '\r' && !cut) {
            length--;
        }
        number++;
        return true;
    }

    private static int indexOfNewline(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void keep(int from, int count) {
        int room = MAX_KEPT - length;
        if (count > room) {
            cut = true;
        }
        int n = Math.min(room, count);
        System.arraycopy(buffer, from, line, length, n);
        length += n;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            ended = true;
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    /** {@return the current line's kept bytes; valid until the next call of next()} */
    byte[] bytes() {
        return line;
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
        return new String(line, 0, length, StandardCharsets.UTF_8);
    }
}
