package dev.nativeload.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Builds small C libraries for a test in its own directory; skips the test when the compiler is absent. */
final class CCompiler {
    private CCompiler() {
    }

    /**
     * Skips the calling test unless {@code program} is on the PATH.
     *
     * @param program e.g. {@code gcc} or {@code aarch64-linux-gnu-gcc}
     */
    static void require(String program) {
        String path = System.getenv("PATH");
        boolean found = path != null && List.of(path.split(File.pathSeparator)).stream()
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, program)));
        Assumptions.assumeTrue(found, program + " is not installed");
    }

    /**
     * Writes {@code source} to {@code dir/name.c} and runs {@code compiler} there; fails the test if it fails.
     *
     * @param dir      the working directory
     * @param compiler the compiler
     * @param name     the source file's base name
     * @param source   the C source
     * @param args     the compiler's arguments after the source file
     */
    static void compile(Path dir, String compiler, String name, String source, String... args) throws IOException, InterruptedException {
        Files.writeString(dir.resolve(name + ".c"), source);
        List<String> command = new java.util.ArrayList<>(List.of(compiler, name + ".c"));
        command.addAll(List.of(args));
        run(dir, command);
    }

    /**
     * Runs a tool (a linker, say) in {@code dir}; fails the test if it fails.
     *
     * @param dir     the working directory
     * @param command the program and its arguments
     */
    static void run(Path dir, List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + command);
        }
        if (p.exitValue() != 0) {
            throw new IOException(command + " failed with " + p.exitValue() + ":\n" + output);
        }
    }
}
