package dev.nativeload.cli;

import dev.nativeload.binary.Binaries;
import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.BinaryImage;
import dev.nativeload.binary.BinarySummary;
import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.NativeBinary;
import dev.nativeload.binary.NotABinaryException;
import dev.nativeload.binary.StreamBuffer;
import dev.nativeload.platform.Compatibility;
import dev.nativeload.platform.Incompatibility;
import dev.nativeload.platform.Platform;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads one native for {@code scan}, from a file of a tree or from an archive entry's stream, in bounded memory:
 * an entry of known size up to {@link #IN_MEMORY_LIMIT} bytes is read only as far as its headers and tables go
 * ({@link BinaryData#read(InputStream, long, BinaryData.Parser)}: the rest is never inflated), one of unknown size
 * up to the limit is read into memory, and a larger one is copied to a temporary file (that entry alone, never the
 * archive) that is read like any file and deleted at once. A DEFLATED entry of known size up to the limit, of an
 * archive in a file, is inflated whole by libdeflate into native memory when the machine has it
 * ({@link WholeEntryInflater}): faster than zlib, even though all of it is inflated.
 */
final class ScanNativeReader {
    /** The largest entry read into memory; natives above it (rare: most are under 4 MiB) go through a file. */
    static final int IN_MEMORY_LIMIT = 8 << 20;

    private final Platform target;
    /** Inflates a DEFLATED native whole with libdeflate, when the machine has it. */
    private final WholeEntryInflater whole;
    /**
     * Each reading thread's memory for natives read from streams, kept from one to the next (at most
     * {@link #IN_MEMORY_LIMIT} bytes a thread): allocating and zeroing it anew for each native cost more than parsing.
     */
    private final ThreadLocal<StreamBuffer> memory = ThreadLocal.withInitial(StreamBuffer::new);

    /** @param target the platform natives are checked against; natives are inflated with zlib alone */
    ScanNativeReader(Platform target) {
        this(target, WholeEntryInflater.with(Optional.empty()));
    }

    /**
     * @param target the platform natives are checked against
     * @param whole  inflates a DEFLATED native entry of an archive in a file whole, when it can
     */
    ScanNativeReader(Platform target, WholeEntryInflater whole) {
        this.target = target;
        this.whole = whole;
    }

    /**
     * Reads a native from a file.
     *
     * @param where where it is
     * @param file  the file
     * @return what it is
     * @throws IOException              if it cannot be read
     * @throws NotABinaryException      if it is none of ELF, PE or Mach-O after all
     * @throws MalformedBinaryException if its headers are malformed
     */
    ScannedNative read(ScanLocation where, Path file) throws IOException, NotABinaryException, MalformedBinaryException {
        return BinaryData.read(file, data -> read(where, data));
    }

    /**
     * Reads a native from an entry's stream, whose first bytes were already taken.
     *
     * @param where      where it is
     * @param head       the bytes already read from the stream
     * @param headLength how many of them are valid
     * @param rest       the rest of the entry; one DEFLATED in an archive in a file ({@link ScanEntryStream.Deflated})
     *                   is inflated whole by libdeflate when it can be ({@link WholeEntryInflater})
     * @param size       the entry's size when the archive records it, else -1
     * @return what it is
     * @throws IOException              if the entry cannot be read
     * @throws NotABinaryException      if it is none of ELF, PE or Mach-O after all
     * @throws MalformedBinaryException if its headers are malformed
     */
    ScannedNative read(ScanLocation where, byte[] head, int headLength, InputStream rest, long size)
            throws IOException, NotABinaryException, MalformedBinaryException {
        if (rest instanceof ScanEntryStream.Deflated entry) {
            Optional<ScannedNative> inflated = whole.parse(entry, size, data -> read(where, data));
            if (inflated.isPresent()) {
                return inflated.get();
            }
        }
        if (size >= 0 && size <= IN_MEMORY_LIMIT) {
            // Known size: pulled as far as the parser reads, so the entry is not inflated past its headers.
            InputStream whole = new SequenceInputStream(new ByteArrayInputStream(head, 0, headLength), rest);
            return BinaryData.read(whole, size, memory.get(), data -> read(where, data));
        }
        if (size < 0) {
            byte[] tail = rest.readNBytes(IN_MEMORY_LIMIT - headLength + 1);
            if (headLength + tail.length <= IN_MEMORY_LIMIT) {
                byte[] all = new byte[headLength + tail.length];
                System.arraycopy(head, 0, all, 0, headLength);
                System.arraycopy(tail, 0, all, headLength, tail.length);
                return read(where, BinaryData.of(all, ByteOrder.LITTLE_ENDIAN));
            }
            return throughFile(where, head, headLength, tail, rest);
        }
        return throughFile(where, head, headLength, new byte[0], rest);
    }

    private ScannedNative throughFile(ScanLocation where, byte[] head, int headLength, byte[] more, InputStream rest)
            throws IOException, NotABinaryException, MalformedBinaryException {
        Path file = Files.createTempFile("nativeload-scan-", ".bin");
        try {
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write(head, 0, headLength);
                out.write(more);
                rest.transferTo(out);
            }
            return read(where, file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private ScannedNative read(ScanLocation where, BinaryData data) throws NotABinaryException, MalformedBinaryException {
        NativeBinary binary = Binaries.read(data);
        List<BinaryImage> images = binary.images();
        List<BinarySummary> summaries = images.stream().map(BinaryImage::summary).toList();
        List<Incompatibility> problems = Compatibility.problems(binary.format(), summaries, target);
        // A glibc too new is built for the target all the same: it is a violation, not another platform.
        boolean forTarget = problems.stream().allMatch(Incompatibility.GlibcTooOld.class::isInstance);
        Optional<JniExports> jni = Optional.empty();
        if (forTarget) {
            BinaryImage image = images.stream().filter(i -> i.summary().architecture().equals(target.arch()))
                    .findFirst().orElse(images.getFirst());
            jni = Optional.of(JniExports.of(image));
        }
        return new ScannedNative(where.archive(), where.unit(), where.entry(), binary.format(), summaries, forTarget, jni);
    }
}
