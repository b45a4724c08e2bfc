package dev.nativeload.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Optional;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;

/**
 * Opens an entry of an archive that lies in a file (the file itself or an archive STORED in it) straight from the
 * file: its bytes read with positional bulk reads, and a DEFLATED entry inflated by this thread's own
 * {@link Inflater}, fed {@link #CHUNK} bytes at a time. Commons Compress's own entry stream feeds its inflater 512
 * bytes at a time through two buffering layers and makes a new inflater (native state and all) per entry: most of a
 * fat jar's scan is inflating its natives, and those small steps were a good part of it (benchmarks/README.md).
 */
final class ScanEntryStream {
    /** How many compressed bytes are read (and handed to the inflater) at once. */
    static final int CHUNK = 64 << 10;
    /** One inflater per thread, reset for each entry: a scan's threads read entries one after another. */
    private static final ThreadLocal<Inflater> INFLATERS = ThreadLocal.withInitial(() -> new Inflater(true));

    private ScanEntryStream() {
    }

    /**
     * Opens an entry in place, when it can be.
     *
     * @param file    the file
     * @param start   where the archive starts in the file
     * @param length  how long the archive is
     * @param e       the entry, as the archive's central directory and local header describe it
     * @return its bytes, uncompressed; empty when the entry is neither STORED nor DEFLATED, is encrypted, or its
     * offset or sizes are unknown (Commons Compress opens those, or says why it cannot)
     */
    static Optional<InputStream> open(FileChannel file, long start, long length, ZipArchiveEntry e) {
        boolean stored = e.getMethod() == ZipEntry.STORED;
        if (!stored && e.getMethod() != ZipEntry.DEFLATED || e.getGeneralPurposeBit().usesEncryption()
                || e.getDataOffset() < 0 || e.getCompressedSize() < 0 || e.getSize() < 0) {
            return Optional.empty();
        }
        // The bytes never run past the archive, whatever the entry claims.
        long from = start + Math.min(e.getDataOffset(), length);
        long to = start + Math.min(length, e.getDataOffset() + Math.min(e.getCompressedSize(), length));
        if (stored) {
            return Optional.of(new Range(file, from, to, false));
        }
        return Optional.of(new Deflated(file, from, to));
    }

    /**
     * A DEFLATED entry's bytes, inflated by this thread's {@link Inflater}, and where its compressed bytes lie in the
     * file, for those who inflate the entry whole ({@link WholeEntryInflater}).
     */
    static final class Deflated extends InflaterInputStream {
        private final FileChannel file;
        private final long start;
        private final long end;

        private Deflated(FileChannel file, long start, long end) {
            super(new Range(file, start, end, true), reset(INFLATERS.get()), (int) Math.clamp(end - start + 1, 1, CHUNK));
            this.file = file;
            this.start = start;
            this.end = end;
        }

        private static Inflater reset(Inflater inflater) {
            inflater.reset();
            return inflater;
        }

        /** {@return the file the entry lies in} */
        FileChannel file() {
            return file;
        }

        /** {@return where its compressed bytes start in the file} */
        long start() {
            return start;
        }

        /** {@return where they end (exclusive), never past the archive} */
        long end() {
            return end;
        }
    }

    /**
     * Bytes {@code [position, end)} of a file, read with positional reads (the file's own position never moves), and
     * with {@code slack} one zero byte after them: an inflater without the zlib wrapper may want one more byte than
     * the deflated data to see its end, as the JDK's own zip reader gives it.
     */
    private static final class Range extends InputStream {
        private final FileChannel file;
        private final long end;
        private long position;
        private boolean slack;

        Range(FileChannel file, long position, long end, boolean slack) {
            this.file = file;
            this.position = position;
            this.end = end;
            this.slack = slack;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (position >= end) {
                if (!slack) {
                    return -1;
                }
                slack = false;
                b[off] = 0;
                return 1;
            }
            int n = file.read(ByteBuffer.wrap(b, off, (int) Math.min(len, end - position)), position);
            if (n < 0) {
                throw new IOException("the archive ended " + (end - position) + " bytes before the entry's end");
            }
            position += n;
            return n;
        }

        @Override
        public long skip(long n) {
            long skipped = Math.clamp(n, 0, end - position);
            position += skipped;
            return skipped;
        }
    }
}
