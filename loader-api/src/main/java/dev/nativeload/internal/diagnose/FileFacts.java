package dev.nativeload.internal.diagnose;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * What the filesystem says about a candidate path, read without following a link loop forever.
 *
 * @param path        the path as given
 * @param exists      it exists, links followed
 * @param symlinkLoop it is, or runs through, a loop of symbolic links
 * @param regularFile it is a regular file, links followed
 * @param directory   it is a directory, links followed
 * @param readable    this process may read it
 * @param size        its size in bytes, or -1 when it cannot be read
 */
public record FileFacts(Path path, boolean exists, boolean symlinkLoop, boolean regularFile, boolean directory,
                        boolean readable, long size) {
    /** Linux's {@code MAXSYMLINKS}: more links than this in a row is a loop to the kernel too. */
    static final int MAX_LINKS = 40;

    /**
     * {@return the facts about a path}
     *
     * @param path the candidate
     */
    public static FileFacts of(Path path) {
        boolean exists = Files.exists(path);
        boolean loop = !exists && Files.exists(path, LinkOption.NOFOLLOW_LINKS) && isLinkLoop(path);
        long size = -1;
        if (exists) {
            try {
                size = Files.size(path);
            } catch (IOException unreadable) {
                size = -1;
            }
        }
        return new FileFacts(path, exists, loop, Files.isRegularFile(path), Files.isDirectory(path),
                exists && Files.isReadable(path), size);
    }

    private static boolean isLinkLoop(Path start) {
        Set<Path> seen = new HashSet<>();
        Path current = start.toAbsolutePath();
        for (int hops = 0; hops <= MAX_LINKS; hops++) {
            if (!Files.isSymbolicLink(current)) {
                return false;
            }
            if (!seen.add(current.normalize())) {
                return true;
            }
            try {
                Path target = Files.readSymbolicLink(current);
                Path parent = current.getParent();
                current = parent == null ? target : parent.resolve(target);
            } catch (IOException unreadable) {
                return false;
            }
        }
        return true;
    }
}
