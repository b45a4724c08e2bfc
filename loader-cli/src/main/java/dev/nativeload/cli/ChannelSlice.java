package dev.nativeload.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * A read-only window onto part of a file: an archive STORED inside an archive (Spring Boot's BOOT-INF/lib/*.jar), read
 * in place through the enclosing file with positional reads, so its central directory is found and its entries are
 * read without inflating or copying anything before them. Closing a slice leaves the file open (its owner closes it).
 */
final class ChannelSlice implements SeekableByteChannel {
    private final FileChannel file;
    private final long start;
    private final long length;
    private long position;
    private boolean open = true;

    /**
     * @param file   the file, read with positional reads only (its own position is never moved)
     * @param start  where the window starts in the file
     * @param length how many bytes it spans
     */
    ChannelSlice(FileChannel file, long start, long length) {
        this.file = file;
        this.start = start;
        this.length = length;
    }

    /** {@return the file this is a window onto} */
    FileChannel file() {
        return file;
    }

    /** {@return where the window starts in the file} */
    long start() {
        return start;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        long remaining = length - position;
        if (remaining <= 0) {
            return -1;
        }
        int limit = dst.limit();
        if (dst.remaining() > remaining) {
            dst.limit(dst.position() + (int) remaining);
        }
        try {
            int n = file.read(dst, start + position);
            if (n > 0) {
                position += n;
            }
            return n;
        } finally {
            dst.limit(limit);
        }
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) {
        if (newPosition < 0) {
            throw new IllegalArgumentException("negative position " + newPosition);
        }
        position = newPosition;
        return this;
    }

    @Override
    public long size() {
        return length;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public SeekableByteChannel truncate(long newSize) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }
}
