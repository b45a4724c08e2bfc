package dev.nativeload.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Finds the committed binaries under the repository's {@code testdata/elf|pe|macho}. */
final class Fixtures {
    /** Files beside the binaries that are not binaries: sources, scripts, golden tables, notes. */
    private static final Set<String> NOT_BINARY_SUFFIXES = Set.of(
            ".c", ".h", ".s", ".S", ".sh", ".map", ".def", ".md", ".txt", ".tsv", ".csv", ".json", ".golden", ".py", ".lib", ".a");

    private Fixtures() {
    }

    /** {@return the testdata directory, or null when this checkout has none} */
    static Path root() {
        String configured = System.getProperty("nativeload.testdata");
        Path dir = configured != null ? Path.of(configured) : Path.of("..", "testdata");
        return Files.isDirectory(dir) ? dir.toAbsolutePath().normalize() : null;
    }

    /**
     * {@return the fixture binaries of one format directory, sorted; empty when there are none}
     *
     * @param format {@code elf}, {@code pe} or {@code macho}
     */
    static List<Path> binaries(String format) {
        Path root = root();
        if (root == null || !Files.isDirectory(root.resolve(format))) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root.resolve(format))) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.toString().contains("/src/") && !p.toString().contains("/build/"))
                    .filter(p -> NOT_BINARY_SUFFIXES.stream().noneMatch(s -> p.getFileName().toString().endsWith(s)))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
