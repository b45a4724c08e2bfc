package dev.nativeload.embedded;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the attack tests need from the machine: root, and the tools that make other users
 * ({@code useradd}, {@code runuser}, {@code setpriv}). Missing, a test is skipped with the reason
 * on a developer machine and fails under {@code CI=true}, where the tests run as root.
 */
final class Privileged {
    private Privileged() {
    }

    /** Skips, or fails when {@code CI=true}, unless {@code ok}. */
    static void require(boolean ok, String why) {
        if (ok) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(why + " (CI=true: this attack must run)");
        }
        assumeTrue(false, why);
    }

    /** Requires root and each named tool on the PATH. */
    static void requireRootAnd(String... tools) {
        require("root".equals(System.getProperty("user.name")) || uidOfNewFile() == 0, "these attacks need root to make other users");
        for (String tool : tools) {
            require(onPath(tool), tool + " is not installed");
        }
    }

    private static int uidOfNewFile() {
        try {
            Path p = Files.createTempFile("uid", ".probe");
            try {
                return (int) Files.getAttribute(p, "unix:uid");
            } finally {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin", tool)) || Files.isExecutable(Path.of("/sbin", tool));
    }

    /**
     * Runs a command to completion within a minute, {@return its standard output}, failing on a non-zero exit.
     *
     * @param command the command
     */
    static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", command) + " hung");
        }
        if (p.exitValue() != 0) {
            fail(String.join(" ", command) + " exited " + p.exitValue() + ": " + out);
        }
        return out;
    }

    /** A user made for one test ({@code useradd -m}) and removed with its home ({@code userdel -r}). */
    static final class ThrowawayUser implements AutoCloseable {
        final String name;
        final int uid;

        private ThrowawayUser(String name, int uid) {
            this.name = name;
            this.uid = uid;
        }

        static ThrowawayUser create(String name) throws IOException, InterruptedException {
            new ProcessBuilder("userdel", "-r", name).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor(60, TimeUnit.SECONDS); // a leftover of an interrupted run
            run("useradd", "-m", name);
            return new ThrowawayUser(name, Integer.parseInt(run("id", "-u", name).strip()));
        }

        /** Runs a command as this user ({@code runuser -u}). */
        String as(String... command) throws IOException, InterruptedException {
            List<String> cmd = new ArrayList<>(List.of("runuser", "-u", name, "--"));
            cmd.addAll(List.of(command));
            return run(cmd.toArray(String[]::new));
        }

        @Override
        public void close() throws IOException, InterruptedException {
            run("userdel", "-r", name);
        }
    }
}
