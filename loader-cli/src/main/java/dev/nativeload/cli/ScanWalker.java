package dev.nativeload.cli;

import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.NotABinaryException;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Walks one PATH of {@code scan} and reports what it holds to a {@link ScanCollector}: a directory tree file by file
 * (symbolic links are not followed); an archive file through its central directory (Commons Compress's
 * {@link ZipFile}), and so an archive STORED inside it, at any depth, read in place ({@link ChannelSlice}: the way
 * Spring Boot stores BOOT-INF/lib/*.jar), so entries that are not read are skipped, not inflated; and a compressed
 * archive inside an archive (a war's WEB-INF/lib/*.jar, often) as a stream ({@link ZipInputStream}). Nothing is
 * extracted but a native too large for memory ({@link ScanNativeReader}). The JDK's {@code java.util.zip.ZipFile}
 * opens only files, so it cannot read an archive inside another in place; Commons Compress reads any channel. What each file is comes from its first bytes
 * ({@link ScanEntryKind}), never from its name.
 */
final class ScanWalker {
    /** Archives nested deeper than this are not opened (a real application nests two or three levels). */
    static final int MAX_DEPTH = 16;
    /** A class file larger than this is not searched for native methods (real ones are a few KiB). */
    static final int MAX_CLASS_BYTES = 8 << 20;

    private final ScanNativeReader natives;
    private final ScanCollector out;
    /** Where the archives STORED in an archive file are read, each by its own walker; null: on this thread. */
    private final ExecutorService parallel;

    /**
     * @param natives  reads each native found
     * @param out      receives what is found
     * @param parallel the threads that read the archives STORED in an archive file (a fat jar's nested jars: the
     *                 natives' inflating is most of a scan's time), or null to read everything on the caller's thread;
     *                 what they find reaches {@code out} in the archive's order all the same
     */
    ScanWalker(ScanNativeReader natives, ScanCollector out, ExecutorService parallel) {
        this.natives = natives;
        this.out = out;
        this.parallel = parallel;
    }

    /**
     * Walks one PATH.
     *
     * @param label the PATH as given, the {@code archive} of everything found under it
     * @param path  the file or directory it names
     */
    void walk(String label, Path path) {
        if (Files.isDirectory(path)) {
            out.unit(label, false);
            walkTree(label, path);
        } else {
            visitFile(new ScanLocation(label, label, ""), path, true);
        }
    }

    private void walkTree(String label, Path root) {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> all = Files.walk(root)) {
            all.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).forEach(files::add);
        } catch (IOException | java.io.UncheckedIOException e) {
            out.problem(label, "cannot list the directory: " + e.getMessage());
        }
        files.sort(null);
        for (Path file : files) {
            String relative = root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
            visitFile(new ScanLocation(label, label, relative), file, false);
        }
    }

    /** A file of a tree, or a PATH that is a file ({@code top}: then an archive is the unit itself). */
    private void visitFile(ScanLocation where, Path file, boolean top) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(ScanEntryKind.HEAD);
        } catch (IOException e) {
            out.problem(name(where), "cannot read: " + Inspector.describe(e));
            return;
        }
        try {
            switch (ScanEntryKind.of(head, head.length)) {
                case ARCHIVE -> {
                    String unit = top ? where.unit() : where.archive() + "/" + where.entry();
                    walkZipFile(new ScanLocation(where.archive(), unit, top ? "" : where.entry() + "!/"), file);
                }
                case NATIVE -> out.nativeFound(natives.read(top ? new ScanLocation(where.archive(), where.unit(),
                        file.getFileName().toString()) : where, file));
                case CLASS -> classFile(where, Files.size(file) > MAX_CLASS_BYTES ? null : Files.readAllBytes(file));
                case OTHER -> {
                }
            }
        } catch (MalformedBinaryException e) {
            out.problem(name(where), "malformed: " + e.getMessage());
        } catch (NotABinaryException e) {
            // a file that began like a native but is none: not one of ours
        } catch (IOException e) {
            out.problem(name(where), "cannot read: " + Inspector.describe(e));
        }
    }

    /** Reads an archive file; {@code where.entry()} is the prefix of its entries' names ("" or "x.jar!/"). */
    private void walkZipFile(ScanLocation where, Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            walkZipInPlace(where, channel, 0, channel.size(), 1);
        }
    }

    /**
     * Reads an archive that lies in a file as it is: the file itself, or an archive STORED in one (at any depth),
     * through its central directory, so what is not read is skipped rather than inflated.
     */
    private void walkZipInPlace(ScanLocation where, FileChannel file, long start, long length, int depth) {
        if (depth > MAX_DEPTH) {
            out.problem(where.unit(), "nested deeper than " + MAX_DEPTH + " archives: not opened");
            return;
        }
        out.unit(where.unit(), true);
        // With threads, each nested archive is a part read by its own walker on another thread, and each run of
        // entries between them a part read here into its own collector; once all are read, they reach out in the
        // archive's order.
        List<Object> parts = new ArrayList<>();
        ChannelSlice archive = new ChannelSlice(file, start, length);
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(archive).get()) {
            try {
                ScanCollector segment = null;
                for (ZipArchiveEntry e : java.util.Collections.list(zip.getEntriesInPhysicalOrder())) {
                    if (e.isDirectory()) {
                        continue;
                    }
                    ScanWalker here = this;
                    if (parallel != null) {
                        if (segment == null) {
                            segment = new ScanCollector();
                            parts.add(segment);
                        }
                        here = new ScanWalker(natives, segment, parallel);
                    }
                    ScanLocation at = new ScanLocation(where.archive(), where.unit(), where.entry() + e.getName());
                    if (here.visitEntry(zip, e, at, archive, depth, parts)) {
                        segment = null;
                    }
                }
            } finally {
                addParts(parts);
            }
        } catch (IOException e) {
            out.problem(where.unit(), "not a readable archive: " + e.getMessage());
        }
    }

    /**
     * Reads one entry of an archive that lies in a file; a STORED archive is read in place, on one of this walker's
     * threads when it has some.
     *
     * @param archive where the archive lies in its file
     * @return whether the entry went to another thread (a part of its own in {@code parts})
     */
    private boolean visitEntry(ZipFile zip, ZipArchiveEntry e, ScanLocation at, ChannelSlice archive, int depth,
                               List<Object> parts) {
        try (InputStream in = open(zip, e, archive)) {
            byte[] head = in.readNBytes(ScanEntryKind.HEAD);
            boolean inPlace = e.getMethod() == ZipEntry.STORED && e.getDataOffset() >= 0 && e.getSize() >= 0;
            if (inPlace && ScanEntryKind.of(head, head.length) == ScanEntryKind.ARCHIVE) {
                ScanLocation nested = new ScanLocation(at.archive(), at.archive() + "!/" + at.entry(), at.entry() + "!/");
                FileChannel file = archive.file();
                long offset = archive.start() + e.getDataOffset();
                long size = e.getSize();
                if (parallel == null) {
                    walkZipInPlace(nested, file, offset, size, depth + 1);
                    return false;
                }
                ScanCollector part = new ScanCollector();
                ScanWalker walker = new ScanWalker(natives, part, null);
                parts.add(parallel.submit(() -> {
                    walker.walkZipInPlace(nested, file, offset, size, depth + 1);
                    return part;
                }));
                return true;
            }
            visitStream(at, head, in, e.getSize(), depth);
        } catch (IOException | IllegalArgumentException ex) {
            out.problem(name(at), "cannot read: " + ex.getMessage());
        }
        return false;
    }

    /** An entry's bytes: in place when it can be ({@link ScanEntryStream}), else through Commons Compress. */
    private static InputStream open(ZipFile zip, ZipArchiveEntry e, ChannelSlice archive) throws IOException {
        Optional<InputStream> inPlace = ScanEntryStream.open(archive.file(), archive.start(), archive.size(), e);
        return inPlace.isPresent() ? inPlace.get() : zip.getInputStream(e);
    }

    /** Waits for every part and adds what each found to {@code out}, in order. */
    private void addParts(List<Object> parts) {
        for (Object part : parts) {
            if (part instanceof ScanCollector done) {
                out.addAll(done);
                continue;
            }
            try {
                out.addAll((ScanCollector) ((Future<?>) part).get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading a nested archive", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
    }

    private void visitStream(ScanLocation where, InputStream in, long size, int depth) throws IOException {
        visitStream(where, in.readNBytes(ScanEntryKind.HEAD), in, size, depth);
    }

    private void visitStream(ScanLocation where, byte[] head, InputStream in, long size, int depth) throws IOException {
        try {
            switch (ScanEntryKind.of(head, head.length)) {
                case ARCHIVE -> walkZipStream(where, new SequenceInputStream(new ByteArrayInputStream(head), unclosable(in)),
                        depth);
                case NATIVE -> out.nativeFound(natives.read(where, head, head.length, in, size));
                case CLASS -> {
                    byte[] rest = in.readNBytes(MAX_CLASS_BYTES);
                    boolean whole = in.read() < 0;
                    byte[] all = new byte[head.length + rest.length];
                    System.arraycopy(head, 0, all, 0, head.length);
                    System.arraycopy(rest, 0, all, head.length, rest.length);
                    classFile(where, whole ? all : null);
                }
                case OTHER -> {
                }
            }
        } catch (MalformedBinaryException e) {
            out.problem(name(where), "malformed: " + e.getMessage());
        } catch (NotABinaryException e) {
            // a file that began like a native but is none: not one of ours
        }
    }

    /** An archive inside an archive, read as a stream. */
    private void walkZipStream(ScanLocation where, InputStream in, int depth) {
        String unit = where.archive() + "!/" + where.entry();
        if (depth > MAX_DEPTH) {
            out.problem(unit, "nested deeper than " + MAX_DEPTH + " archives: not opened");
            return;
        }
        out.unit(unit, true);
        ZipInputStream zip = new ZipInputStream(in);
        String entryName = where.entry();
        try {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entryName = where.entry() + "!/" + e.getName();
                if (!e.isDirectory()) {
                    visitStream(new ScanLocation(where.archive(), unit, entryName), zip, e.getSize(), depth + 1);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            out.problem(unit, "cannot read the archive at " + entryName + ": " + e.getMessage());
        }
    }

    private void classFile(ScanLocation where, byte[] bytes) {
        if (bytes == null) {
            out.warning(name(where), "a class file over " + MAX_CLASS_BYTES + " bytes: not searched for native methods");
            return;
        }
        try {
            List<NativeMethod> methods = NativeMethod.declaredIn(bytes);
            if (!methods.isEmpty()) {
                out.nativeMethods(where.unit(), methods);
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            out.warning(name(where), "a malformed class file: not searched for native methods");
        }
    }

    private static String name(ScanLocation where) {
        return where.entry().isEmpty() ? where.archive() : where.archive() + ": " + where.entry();
    }

    /** The stream of the enclosing archive, which the nested archive's reader must not close. */
    private static InputStream unclosable(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public void close() {
            }
        };
    }
}
