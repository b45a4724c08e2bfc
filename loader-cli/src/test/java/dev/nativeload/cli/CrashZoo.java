package dev.nativeload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The crash zoo ({@code testdata/zoo2/crash}): built once per test JVM by its committed script into a
 * temporary directory. What it needs (gcc, an x86-64 Linux host for its {@code ud2} and ISA-level
 * fixtures) is required: missing, the calling test is skipped, or fails when {@code CI=true}.
 */
final class CrashZoo {
    private static Path built;

    private CrashZoo() {
    }

    /** {@return the directory the zoo was built in} */
    static synchronized Path dir() throws IOException, InterruptedException {
        require(System.getProperty("os.name").startsWith("Linux") && System.getProperty("os.arch").equals("amd64"),
                "the crash zoo is x86-64 Linux code");
        require(onPath("gcc"), "gcc is not installed");
        if (built == null) {
            Path root = Fixtures.root();
            require(root != null, "no testdata directory in this checkout");
            Path out = Files.createTempDirectory("nativeload-crash-zoo-");
            Process p = new ProcessBuilder("bash", root.resolve("zoo2/crash/build.sh").toString(), out.toString())
                    .redirectErrorStream(true).start();
            p.getOutputStream().close();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("the crash zoo's build.sh did not finish in 300 s:\n" + log);
            }
            assertEquals(0, p.exitValue(), "build.sh failed:\n" + log);
            built = out;
        }
        return built;
    }

    /**
     * Skips the calling test when {@code present} is false, or fails it when {@code CI=true}.
     *
     * @param present whether what the test needs is there
     * @param what    what is missing, for the message
     */
    static void require(boolean present, String what) {
        if (present) {
            return;
        }
        if ("true".equals(System.getenv("CI"))) {
            fail(what + " (CI=true: a test that cannot run here fails)");
        }
        Assumptions.abort(what);
    }

    /** {@return whether {@code program} is an executable on the PATH} */
    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && List.of(path.split(File.pathSeparator)).stream()
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, program)));
    }
}
