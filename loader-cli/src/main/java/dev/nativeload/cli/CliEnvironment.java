package dev.nativeload.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a command reads from its process besides its arguments, so a test can supply its own.
 * (Standard output and error are the {@code CommandLine}'s {@code getOut()} and {@code getErr()}.)
 *
 * @param stdin            standard input, read by {@code inspect -}
 * @param workingDirectory the directory relative file names are resolved against
 */
public record CliEnvironment(InputStream stdin, Path workingDirectory) {
    /** Rejects null components. */
    public CliEnvironment {
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
    }
}
