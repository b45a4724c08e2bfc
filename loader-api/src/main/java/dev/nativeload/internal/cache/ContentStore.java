package dev.nativeload.internal.cache;

import dev.nativeload.spi.ResourceName;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

/**
 * Puts one resource into an entry directory under its own name, or verifies the copy already
 * there: written to a temporary name in the same directory, forced to disk, made read-only and
 * atomically renamed into place; an existing file is reused only if its SHA-256 matches, and one
 * that does not (or a symbolic link in its place) is never followed, rewritten or loaded.
 * The caller holds the entry's write lock.
 */
final class ContentStore {
    private ContentStore() {
    }

    /**
     * What is to be stored: the resource, where to read it, and its digest.
     *
     * @param indexed whether the digest came from the {@link SourceIndex} rather than from reading the resource now
     */
    record Content(ResourceName name, URL url, String sha256, long size, boolean indexed) {
    }

    /** What {@link #place} found or did. */
    sealed interface Placed {
        /** The file is in place and verified. */
        record Ok(ExtractedFile file) implements Placed {
        }

        /** The entry holds something else at that name; this entry cannot hold the content. */
        record Conflict(String why) implements Placed {
        }
    }

    static Placed place(Path entry, Content content) throws IOException {
        return place(entry, content, true);
    }

    /**
     * Places a file, or finds it in place.
     *
     * @param hashExisting whether a file already there is hashed by path here; false when the
     *                     caller verifies it through a descriptor next ({@link EntryFileCheck})
     */
    static Placed place(Path entry, Content content, boolean hashExisting) throws IOException {
        Path target = entry.resolve(ResourceName.checkFileName(content.name().fileName()));
        Optional<BasicFileAttributes> existing = attributes(target);
        if (existing.isPresent()) {
            BasicFileAttributes a = existing.get();
            if (a.isSymbolicLink()) {
                return new Placed.Conflict(target + " is a symbolic link; it is not followed");
            }
            if (!a.isRegularFile()) {
                return new Placed.Conflict(target + " is not a regular file");
            }
            if (!hashExisting) {
                return new Placed.Ok(new ExtractedFile(content.name(), target, content.sha256(), content.size(), true));
            }
            Sha256.Summary have = Sha256.ofFile(target);
            if (!have.sha256().equals(content.sha256())) {
                return new Placed.Conflict(target + " has SHA-256 " + have.sha256() + " (" + have.size()
                        + " bytes), expected " + content.sha256() + " (" + content.size() + " bytes): corrupted or replaced");
            }
            return new Placed.Ok(new ExtractedFile(content.name(), target, content.sha256(), content.size(), true));
        }
        write(entry, target, content);
        return new Placed.Ok(new ExtractedFile(content.name(), target, content.sha256(), content.size(), false));
    }

    private static void write(Path entry, Path target, Content content) throws IOException {
        long free = Files.getFileStore(entry).getUsableSpace();
        if (free >= 0 && free < content.size()) {
            throw NoSpaceException.needs(entry, content.size(), free);
        }
        Path tmp = entry.resolve(TempNames.next());
        boolean moved = false;
        try {
            MessageDigest digest = Sha256.newDigest();
            try (FileChannel out = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS), ownerOnly(entry, "rw-------"));
                 InputStream in = content.url().openStream()) {
                byte[] buf = new byte[Sha256.BUFFER];
                long total = 0;
                for (int n; (n = in.read(buf)) > 0; ) {
                    total += n;
                    if (total > content.size()) {
                        throw new IOException("the resource " + content.name() + " grew past its verified " + content.size()
                                + " bytes while it was read; nothing is kept");
                    }
                    digest.update(buf, 0, n);
                    ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
                    while (bb.hasRemaining()) {
                        out.write(bb);
                    }
                }
                out.force(true);
            }
            String written = Sha256.hex(digest);
            if (!written.equals(content.sha256())) {
                throw new IOException("the resource " + content.name() + " changed while it was read: SHA-256 "
                        + written + ", expected " + content.sha256());
            }
            if (supportsPosix(entry)) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("r-x------"));
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
            forceDirectory(entry);
        } catch (IOException e) {
            if (isNoSpace(e, entry, content.size())) {
                throw NoSpaceException.wrap(entry, content.size(), e);
            }
            throw e;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private static java.nio.file.attribute.FileAttribute<?>[] ownerOnly(Path dir, String mode) {
        if (!supportsPosix(dir)) {
            return new java.nio.file.attribute.FileAttribute<?>[0];
        }
        return new java.nio.file.attribute.FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode))};
    }

    private static boolean supportsPosix(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Makes the rename durable where a directory can be opened and forced (Linux, macOS); elsewhere the rename stands alone. */
    private static void forceDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | RuntimeException unsupported) {
            // Windows cannot open a directory as a channel; the file itself was forced.
        }
    }

    static Optional<BasicFileAttributes> attributes(Path p) throws IOException {
        try {
            return Optional.of(Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        }
    }

    /**
     * Whether a failed write ran out of space, decided by facts, never by the exception's text (which
     * is the C library's {@code strerror}, in the process's language): a {@link NoSpaceException}
     * from the check before writing, or, after the failure, less usable space left on the entry's
     * filesystem ({@code statvfs}) than the file needs.
     */
    static boolean isNoSpace(IOException e, Path entry, long needed) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof NoSpaceException) {
                return true;
            }
        }
        try {
            long free = Files.getFileStore(entry).getUsableSpace();
            return free >= 0 && free < needed;
        } catch (IOException unknown) {
            return false;
        }
    }
}
