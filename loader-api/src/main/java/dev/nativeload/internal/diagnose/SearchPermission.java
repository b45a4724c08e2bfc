package dev.nativeload.internal.diagnose;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Finds the directory that keeps a path out of this user's reach: the first one on the way to it
 * that exists but may not be searched (no execute permission). {@code stat} on anything below it
 * fails with {@code EACCES}, which a plain existence test reads as "no such file".
 */
final class SearchPermission {
    private SearchPermission() {
    }

    /**
     * {@return the first ancestor directory of {@code file} this process may not search, if any}
     *
     * @param file an absolute path
     */
    static Optional<Path> blockedDirectory(Path file) {
        Path absolute = file.toAbsolutePath();
        Path dir = absolute.getRoot();
        for (int i = 0; i < absolute.getNameCount() - 1; i++) {
            dir = dir.resolve(absolute.getName(i));
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(dir, BasicFileAttributes.class);
            } catch (IOException unreachable) {
                return Optional.empty(); // absent (or behind a directory already judged): nothing more to say
            }
            if (attributes.isDirectory() && !Files.isExecutable(dir)) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }
}
