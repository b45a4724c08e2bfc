package dev.nativeload.resolve.symbols;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reference tools the tests run: a missing one skips a test on a developer's machine and fails it in CI. */
final class Tools {
    private Tools() {
    }

    /** {@return the tool's path on {@code PATH}, if it is installed} @param name the program */
    static Optional<Path> find(String name) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Skips the calling test when the tool is missing, or fails it when {@code CI=true}.
     *
     * @param name the program
     */
    static void requireOrSkip(String name) {
        if (find(name).isPresent()) {
            return;
        }
        if ("true".equals(System.getenv("CI"))) {
            fail(name + " is not installed; CI must have it (scripts/install-packages.sh)");
        }
        assumeTrue(false, name + " is not installed");
    }
}
