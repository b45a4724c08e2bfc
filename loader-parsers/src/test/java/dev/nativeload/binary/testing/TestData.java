package dev.nativeload.binary.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the committed fixtures under the repository's {@code testdata/} directory. */
public final class TestData {
    private TestData() {
    }

    /** {@return the repository's testdata directory} */
    public static Path root() {
        String configured = System.getProperty("nativeload.testdata");
        Path dir = configured != null ? Path.of(configured) : Path.of("..", "testdata");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("testdata directory not found at " + dir.toAbsolutePath()
                    + " (set -Dnativeload.testdata=<repo>/testdata)");
        }
        return dir.toAbsolutePath().normalize();
    }

    /**
     * {@return a file or directory under testdata}
     *
     * @param first the first path element, e.g. {@code "elf"}
     * @param more  further elements
     */
    public static Path path(String first, String... more) {
        return root().resolve(Path.of(first, more));
    }
}
