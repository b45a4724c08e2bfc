package dev.nativeload.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a reference reader (readelf, llvm-readobj) on a fixture, for differential tests. */
final class ReferenceTool {
    private ReferenceTool() {
    }

    /** {@return whether a program of this name is on the PATH} */
    static boolean available(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** {@return the tool's standard output; fails the test if it does not exit 0 within 30 s} */
    static String run(String... command) {
        return new String(runBytes(command), StandardCharsets.UTF_8);
    }

    /** {@return the tool's standard output as bytes; fails the test if it does not exit 0 within 30 s} */
    static byte[] runBytes(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed");
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError(String.join(" ", command) + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** {@return the text between the first '[' and the last ']' of each line containing marker, in order} */
    static List<String> bracketed(String output, String marker) {
        List<String> values = new ArrayList<>();
        for (String line : output.lines().toList()) {
            if (line.contains(marker)) {
                values.add(line.substring(line.indexOf('[', line.indexOf(marker)) + 1, line.lastIndexOf(']')));
            }
        }
        return values;
    }
}
