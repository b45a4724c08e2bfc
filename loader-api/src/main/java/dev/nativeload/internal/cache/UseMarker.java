package dev.nativeload.internal.cache;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Set;

/**
 * An entry's last-used marker, touched without ever opening an existing one: it is created only
 * when absent ({@code O_CREAT|O_EXCL}, which opens nothing that exists), and its time is set by name
 * without following a link. A FIFO at its name would block an open for writing forever; here it is
 * refused with a typed error instead.
 */
final class UseMarker {
    private UseMarker() {
    }

    /**
     * Sets the marker's modification time to now, creating it if absent.
     *
     * @param marker the marker file
     * @throws UnusableEntryException if something other than a regular file is at its name
     * @throws IOException            if it cannot be created or touched
     */
    static void touch(Path marker) throws IOException {
        try {
            Files.newByteChannel(marker, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS)).close();
        } catch (FileAlreadyExistsException exists) {
            BasicFileAttributes a = Files.readAttributes(marker, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!a.isRegularFile()) {
                throw new UnusableEntryException(marker + " is " + (a.isSymbolicLink() ? "a symbolic link"
                        : a.isDirectory() ? "a directory" : "not a regular file (a FIFO, socket or device)")
                        + "; it is never opened. Remove it, or the entry " + marker.getParent());
            }
        }
        FileTime now = FileTime.from(Instant.now());
        Files.getFileAttributeView(marker, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).setTimes(now, null, null);
    }
}
