package dev.nativeload.cli;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The second failure zoo's set-ups ({@code testdata/zoo2/messages/build.sh}), built once per test
 * JVM into a temporary directory. A missing tool skips a test, or fails it when {@code CI=true}.
 */
final class Zoo2 {
    private static Path built;

    private Zoo2() {
    }

    static void require(String tool) {
        String path = System.getenv("PATH");
        boolean found = path != null && List.of(path.split(File.pathSeparator)).stream()
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, tool)));
        present(found, tool + " is not installed");
    }

    private static void present(boolean present, String why) {
        if (!present && "true".equals(System.getenv("CI"))) {
            fail(why + " (CI=true: a missing tool fails the test)");
        }
        assumeTrue(present, why);
    }

    static synchronized Path dir() throws IOException, InterruptedException {
        if (built == null) {
            require("gcc");
            require("readelf");
            String configured = System.getProperty("nativeload.testdata");
            Path testdata = (configured != null ? Path.of(configured) : Path.of("..", "testdata")).toAbsolutePath().normalize();
            Path out = Files.createTempDirectory("nativeload-zoo2");
            Process p = new ProcessBuilder("bash", testdata.resolve("zoo2/messages/build.sh").toString(), out.toString())
                    .redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IOException("build.sh failed:\n" + log);
            }
            built = out;
        }
        return built;
    }

    /** {@return the file a set-up loads, after checking the set-up was built} @param setup its name */
    static Path target(String setup) throws IOException, InterruptedException {
        String missing = Files.readString(dir().resolve("MISSING"));
        present(!missing.contains(setup + ":"), "set-up " + setup + " was not built: " + missing.strip());
        Path dir = dir().resolve(setup);
        return dir.resolve(Files.readString(dir.resolve("TARGET")).strip());
    }
}
