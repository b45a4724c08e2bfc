package dev.nativeload.internal.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The mark nativeload leaves in a cache directory it created ({@value #NAME}): the sweeper removes
 * nothing from a directory without it, so a cache directory pointed at {@code $HOME} or any other
 * directory of the user's is never swept.
 */
final class CacheMarker {
    /** The marker's file name. */
    static final String NAME = ".nativeload-cache";

    private CacheMarker() {
    }

    /**
     * Marks a directory nativeload has just created as its own.
     *
     * @param dir the new cache directory
     * @throws IOException if the marker cannot be written
     */
    static void mark(Path dir) throws IOException {
        try {
            Files.writeString(dir.resolve(NAME), "a cache directory created by nativeload; its sweeper removes only its own entries\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        } catch (FileAlreadyExistsException marked) {
            // another process created and marked it first
        }
    }

    /** {@return whether the directory carries the marker, as a regular file} @param dir a cache directory */
    static boolean isMarked(Path dir) {
        return Files.isRegularFile(dir.resolve(NAME), LinkOption.NOFOLLOW_LINKS);
    }
}
