package dev.nativeload.binary.macho;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code llvm-readobj --needed-libs} and parses, per image, the architecture it prints and its
 * needed libraries (for Mach-O: every dylib command, LC_ID_DYLIB included, sorted by name).
 */
final class Readobj {
    /** One image's report. */
    record Image(String arch, List<String> needed) {
    }

    private Readobj() {
    }

    static Optional<Path> find() {
        for (String name : List.of("llvm-readobj-14", "llvm-readobj")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (!dir.isEmpty() && Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    static List<Image> run(Path tool, Path file) throws IOException, InterruptedException {
        Path out = Files.createTempFile("readobj", ".txt");
        try {
            Process p = new ProcessBuilder(tool.toString(), "--needed-libs", file.toString())
                    .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("llvm-readobj timed out on " + file);
            }
            if (p.exitValue() != 0) {
                throw new IOException("llvm-readobj failed (" + p.exitValue() + ") on " + file);
            }
            return parse(Files.readAllLines(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    static List<Image> parse(List<String> lines) {
        List<Image> images = new ArrayList<>();
        String arch = null;
        List<String> needed = null;
        for (String line : lines) {
            String t = line.trim();
            if (t.startsWith("Arch: ")) {
                arch = t.substring(6);
            } else if (t.equals("NeededLibraries [")) {
                needed = new ArrayList<>();
            } else if (t.equals("]") && needed != null) {
                images.add(new Image(arch, needed));
                needed = null;
            } else if (needed != null && !t.isEmpty()) {
                needed.add(t);
            }
        }
        return images;
    }
}
