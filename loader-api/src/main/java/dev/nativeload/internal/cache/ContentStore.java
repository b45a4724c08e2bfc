package dev.nativeload.internal.cache;

import dev.nativeload.spi.ResourceName;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

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
        Path tmp = entry.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        boolean moved = false;
        try {
            MessageDigest digest = Sha256.newDigest();
            try (FileChannel out = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS), ownerOnly(entry, "rw-------"));
                 InputStream in = content.url().openStream()) {
                byte[] buf = new byte[Sha256.BUFFER];
                for (int n; (n = in.read(buf)) > 0; ) {
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
            if (isNoSpace(e)) {
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

    static boolean isNoSpace(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason() : t.getMessage();
            if (m != null) {
                String lower = m.toLowerCase(Locale.ROOT);
                if (lower.contains("no space left") || lower.contains("not enough space") || lower.contains("disk quota exceeded")) {
                    return true;
                }
            }
            if (t instanceof NoSpaceException) {
                return true;
            }
        }
        return false;
    }
}
