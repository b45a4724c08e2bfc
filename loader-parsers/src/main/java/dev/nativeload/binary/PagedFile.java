package dev.nativeload.binary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.Objects;

/**
 * A regular file read on demand in 4 KiB pages with positional reads, keeping the pages read so
 * far. A parser touches a handful of pages of a library (headers, the dynamic section, a string
 * table), so this costs a few {@code pread}s; mapping the file costs an {@code mmap}, a page
 * fault per page touched and a {@code munmap}, several times more for a small read.
 *
 * <p>The file is open while {@link BinaryData#read(Path, BinaryData.Parser)} parses it, and is closed, and its
 * pages dropped, when that returns. Parts read later on demand (an ELF symbol lookup) open the
 * file again for each page they need, after checking that it is still the file first read (same
 * file key, size and modification time); a file changed in between is reported as such, never read
 * as if it were the old one.
 *
 * <p>Lookups of pages already read take no lock; loading a page is synchronized.
 */
final class PagedFile implements ByteSource, AutoCloseable {
    static final int PAGE_SHIFT = 12;
    static final int PAGE_SIZE = 1 << PAGE_SHIFT;
    private static final long PAGE_MASK = PAGE_SIZE - 1;
    /** The most pages kept; past it the cache starts over (parsers touch far fewer). */
    private static final int MAX_PAGES = 64;
    private static final Page[] NONE = {};

    private final Path path;
    private final long size;
    private final Object fileKey;
    private final FileTime modified;
    /** Open during the first parse, null after; guarded by {@code this}. */
    private FileChannel channel;
    private volatile Page[] pages = NONE;
    /** The page read last: a racy cache of an immutable value. */
    private Page last;

    private record Page(long index, byte[] bytes) {
    }

    /** An I/O error while the file is open, carried out of the parser and rethrown as the {@link IOException} it was. */
    static final class ReadFailure extends UncheckedIOException {
        private static final long serialVersionUID = 1L;

        ReadFailure(IOException cause) {
            super(cause);
        }
    }

    private PagedFile(Path path, BasicFileAttributes attributes, FileChannel channel, long size) {
        this.path = path;
        this.fileKey = attributes.fileKey();
        this.modified = attributes.lastModifiedTime();
        this.channel = channel;
        this.size = size;
    }

    /**
     * Opens a regular file for reading.
     *
     * @param path the file; symbolic links are followed
     * @return the open file
     * @throws IOException if it cannot be opened, or is a directory or not a regular file (a FIFO
     *                     would block a reader forever)
     */
    static PagedFile open(Path path) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        if (attributes.isDirectory()) {
            throw new IOException(path + ": is a directory");
        }
        if (!attributes.isRegularFile()) {
            throw new IOException(path + ": not a regular file");
        }
        // The size from the attributes spares an fstat; a file that shrinks after them fails the read that finds it.
        return new PagedFile(path, attributes, FileChannel.open(path, StandardOpenOption.READ), attributes.size());
    }

    /** Closes the file and drops the pages read; later reads open it again. */
    @Override
    public synchronized void close() throws IOException {
        pages = NONE;
        last = null;
        FileChannel open = channel;
        channel = null;
        if (open != null) {
            open.close();
        }
    }

    @Override
    public long size() {
        return size;
    }

    private byte[] page(long index) throws MalformedBinaryException {
        Page p = last;
        if (p != null && p.index == index) {
            return p.bytes;
        }
        for (Page q : pages) {
            if (q.index == index) {
                last = q;
                return q.bytes;
            }
        }
        return load(index);
    }

    private synchronized byte[] load(long index) throws MalformedBinaryException {
        Page[] now = pages;
        for (Page q : now) {
            if (q.index == index) {
                return q.bytes;
            }
        }
        long start = index << PAGE_SHIFT;
        byte[] bytes = new byte[(int) Math.min(PAGE_SIZE, size - start)];
        if (channel != null) {
            try {
                readFully(channel, bytes, start);
            } catch (IOException e) {
                throw new ReadFailure(e);
            }
        } else {
            try (FileChannel again = reopen()) {
                readFully(again, bytes, start);
            } catch (IOException e) {
                throw new MalformedBinaryException(start, "cannot read " + path + " again: " + e.getMessage());
            }
        }
        Page page = new Page(index, bytes);
        Page[] grown = now.length >= MAX_PAGES ? new Page[1] : Arrays.copyOf(now, now.length + 1);
        grown[grown.length - 1] = page;
        pages = grown;
        last = page;
        return bytes;
    }

    private void readFully(FileChannel from, byte[] into, long position) throws IOException, MalformedBinaryException {
        ByteBuffer buffer = ByteBuffer.wrap(into);
        while (buffer.hasRemaining()) {
            int n = from.read(buffer, position + buffer.position());
            if (n < 0) {
                throw new MalformedBinaryException(position + buffer.position(), path
                        + " became shorter while it was read (it was 0x" + Long.toHexString(size) + " bytes)");
            }
        }
    }

    private FileChannel reopen() throws IOException, MalformedBinaryException {
        BasicFileAttributes now = Files.readAttributes(path, BasicFileAttributes.class);
        if (!Objects.equals(now.fileKey(), fileKey) || now.size() != size || !now.lastModifiedTime().equals(modified)) {
            throw new MalformedBinaryException(-1, path + " changed on disk after it was first read; read it again");
        }
        return FileChannel.open(path, StandardOpenOption.READ);
    }

    @Override
    public byte get(long at) throws MalformedBinaryException {
        return page(at >>> PAGE_SHIFT)[(int) (at & PAGE_MASK)];
    }

    // Multi-byte values are put together from bytes, not read through byte-array view VarHandles:
    // as fast once compiled, and far faster in the interpreter, where a one-shot run (a CLI
    // resolving a few hundred files) spends much of its time.

    @Override
    public short getShort(long at, ByteOrder order) throws MalformedBinaryException {
        return (short) value(at, Short.BYTES, order);
    }

    @Override
    public int getInt(long at, ByteOrder order) throws MalformedBinaryException {
        return (int) value(at, Integer.BYTES, order);
    }

    @Override
    public long getLong(long at, ByteOrder order) throws MalformedBinaryException {
        return value(at, Long.BYTES, order);
    }

    /** The {@code width}-byte value at {@code at}, from one page or, when it straddles two, byte by byte. */
    private long value(long at, int width, ByteOrder order) throws MalformedBinaryException {
        int within = (int) (at & PAGE_MASK);
        if (within > PAGE_SIZE - width) {
            return assemble(at, width, order);
        }
        byte[] p = page(at >>> PAGE_SHIFT);
        long value = 0;
        if (order == ByteOrder.LITTLE_ENDIAN) {
            for (int i = width - 1; i >= 0; i--) {
                value = value << 8 | (p[within + i] & 0xFFL);
            }
        } else {
            for (int i = 0; i < width; i++) {
                value = value << 8 | (p[within + i] & 0xFFL);
            }
        }
        return value;
    }

    /** A value that straddles two pages, byte by byte. */
    private long assemble(long at, int width, ByteOrder order) throws MalformedBinaryException {
        long value = 0;
        for (int i = 0; i < width; i++) {
            long b = Byte.toUnsignedLong(get(at + i));
            value = order == ByteOrder.LITTLE_ENDIAN ? value | b << (8 * i) : value << 8 | b;
        }
        return value;
    }

    @Override
    public byte[] copy(long at, int length) throws MalformedBinaryException {
        byte[] out = new byte[length];
        int done = 0;
        while (done < length) {
            long position = at + done;
            int within = (int) (position & PAGE_MASK);
            byte[] p = page(position >>> PAGE_SHIFT);
            int n = Math.min(length - done, p.length - within);
            System.arraycopy(p, within, out, done, n);
            done += n;
        }
        return out;
    }

    @Override
    public long indexOfNul(long at, long limit) throws MalformedBinaryException {
        long scanned = 0;
        while (scanned < limit) {
            long position = at + scanned;
            int within = (int) (position & PAGE_MASK);
            byte[] p = page(position >>> PAGE_SHIFT);
            int end = (int) Math.min(p.length, within + (limit - scanned));
            for (int i = within; i < end; i++) {
                if (p[i] == 0) {
                    return scanned + (i - within);
                }
            }
            scanned += end - within;
        }
        return -1;
    }
}
