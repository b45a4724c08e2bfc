package dev.nativeload.binary.macho;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code llvm-objdump --macho --private-headers --universal-headers --arch=all} and parses its
 * text into plain records, for the differential test. Knows nothing of the parser under test.
 */
final class Objdump {
    /** A fat header entry as objdump prints it. */
    record FatArch(String arch, long offset, long size, int align) {
    }

    /** One load command: its printed name and its first value for each printed field. */
    record Command(String name, Map<String, String> fields) {
    }

    /** One image: the header line's columns and the load commands. */
    record Image(List<String> header, List<Command> commands) {
    }

    /** The whole output for a file. */
    record Output(List<FatArch> fatArchs, List<Image> images) {
    }

    private Objdump() {
    }

    /** {@return the first of llvm-objdump-14 or llvm-objdump on the PATH} */
    static Optional<Path> find() {
        for (String name : List.of("llvm-objdump-14", "llvm-objdump")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (!dir.isEmpty() && Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    static Output run(Path tool, Path file) throws IOException, InterruptedException {
        Path out = Files.createTempFile("objdump", ".txt");
        try {
            Process p = new ProcessBuilder(tool.toString(), "--macho", "--private-headers", "--universal-headers",
                    "--arch=all", file.toString())
                    .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("llvm-objdump timed out on " + file);
            }
            if (p.exitValue() != 0) {
                throw new IOException("llvm-objdump failed (" + p.exitValue() + ") on " + file);
            }
            return parse(Files.readAllLines(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    static Output parse(List<String> lines) {
        List<FatArch> fat = new ArrayList<>();
        List<Image> images = new ArrayList<>();
        boolean inFat = false;
        String fatArch = null;
        long fatOffset = 0;
        long fatSize = 0;
        List<String> header = null;
        List<Command> commands = null;
        Map<String, String> fields = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String t = line.trim();
            if (t.equals("Fat headers")) {
                inFat = true;
                continue;
            }
            if (t.equals("Mach header")) {
                inFat = false;
                header = List.of(lines.get(i + 2).trim().split("\\s+"));
                commands = new ArrayList<>();
                images.add(new Image(header, commands));
                i += 2;
                continue;
            }
            if (inFat) {
                if (t.startsWith("architecture ")) {
                    fatArch = t.substring("architecture ".length());
                } else if (t.startsWith("offset ")) {
                    fatOffset = Long.parseLong(t.substring(7).trim());
                } else if (t.startsWith("size ")) {
                    fatSize = Long.parseLong(t.substring(5).trim());
                } else if (t.startsWith("align 2^")) {
                    int align = Integer.parseInt(t.substring(8).split(" ")[0]);
                    fat.add(new FatArch(fatArch, fatOffset, fatSize, align));
                }
                continue;
            }
            if (commands == null) {
                continue;
            }
            if (t.startsWith("Load command ")) {
                fields = new LinkedHashMap<>();
                continue;
            }
            if (fields == null || t.isEmpty()) {
                continue;
            }
            String key;
            String value;
            int twoWords = twoWordKey(t);
            if (twoWords > 0) {
                key = t.substring(0, twoWords);
                value = t.substring(twoWords).trim();
            } else {
                int sp = t.indexOf(' ');
                key = sp < 0 ? t : t.substring(0, sp);
                value = sp < 0 ? "" : t.substring(sp).trim();
            }
            if (key.equals("cmd")) {
                commands.add(new Command(value, fields));
            } else {
                fields.putIfAbsent(key, value);
            }
        }
        return new Output(fat, images);
    }

    private static int twoWordKey(String t) {
        for (String k : List.of("current version", "compatibility version", "time stamp")) {
            if (t.startsWith(k + " ")) {
                return k.length();
            }
        }
        return -1;
    }
}
