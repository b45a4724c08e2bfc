package dev.nativeload.internal.diagnose;

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
 * The second failure zoo's message set-ups, built once per test JVM by the committed
 * {@code testdata/zoo2/messages/build.sh} into a temporary directory, and a probe that dlopens one
 * of them in a child process (glibc's {@code dlprobe}, or musl's).
 */
final class Zoo2Messages {
    private static Path built;

    private Zoo2Messages() {
    }

    /** Skips the calling test when a tool is missing, or fails it when {@code CI=true}. */
    static void require(String tool) {
        String path = System.getenv("PATH");
        boolean found = path != null && List.of(path.split(File.pathSeparator)).stream()
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, tool)));
        missing(found, tool + " is not installed");
    }

    static void missing(boolean present, String why) {
        if (!present && "true".equals(System.getenv("CI"))) {
            fail(why + " (CI=true: a missing tool fails the test)");
        }
        assumeTrue(present, why);
    }

    /** {@return the built set-ups' directory, building them on first use} */
    static synchronized Path dir() throws IOException, InterruptedException {
        if (built == null) {
            require("gcc");
            require("readelf");
            Path script = script();
            Path out = Files.createTempDirectory("nativeload-zoo2-messages");
            Process p = new ProcessBuilder("bash", script.toString(), out.toString()).redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IOException("build.sh failed:\n" + log);
            }
            built = out;
        }
        return built;
    }

    /** {@return the file a set-up loads} @param setup a set-up's name */
    static Path target(String setup) throws IOException, InterruptedException {
        Path dir = dir().resolve(setup);
        String missingList = Files.readString(dir().resolve("MISSING"));
        missing(!missingList.contains(setup + ":"), "set-up " + setup + " was not built: " + missingList.strip());
        return dir.resolve(Files.readString(dir.resolve("TARGET")).strip());
    }

    /**
     * {@return what dlopen said, in a child process: "LOADED" or dlerror()'s text}
     *
     * @param setup the set-up
     * @param mode  now, lazy, badmode or noload
     */
    static String probe(String setup, String mode) throws IOException, InterruptedException {
        Path target = target(setup);
        String probe = setup.equals("musl-static") ? "dlprobe-musl-static" : setup.startsWith("musl-") ? "dlprobe-musl" : "dlprobe";
        Process p = new ProcessBuilder(dir().resolve(probe).toString(), target.toString(), mode)
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(probe + " hung on " + target);
        }
        return output;
    }

    /** {@return the mode a set-up is probed with} @param setup the set-up */
    static String mode(String setup) {
        return switch (setup) {
            case "bad-plt-reloc" -> "lazy";
            case "invalid-mode" -> "badmode";
            case "musl-noload" -> "noload";
            default -> "now";
        };
    }

    /** {@return the committed build script} */
    static Path script() {
        return testdata().resolve("zoo2/messages/build.sh");
    }

    private static Path testdata() {
        String configured = System.getProperty("nativeload.testdata");
        return (configured != null ? Path.of(configured) : Path.of("..", "testdata")).toAbsolutePath().normalize();
    }
}
