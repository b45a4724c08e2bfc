package dev.nativeload.resolve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The reference: runs the real {@code ldd} (tests only) and reads its answer as name → path. */
final class Ldd {
    private static final Pattern ARROW = Pattern.compile("^\\s+(\\S+) => (.+?)(?: \\(0x[0-9a-f]+\\))?$");
    private static final Pattern BARE = Pattern.compile("^\\s+(\\S+) \\(0x[0-9a-f]+\\)$");

    /**
     * The parsed answer.
     *
     * @param paths   requested name → path (empty for "not found"), the interpreter and vdso lines left out
     * @param dynamic false for "not a dynamic executable" / "statically linked"
     * @param output  the raw output
     */
    record Answer(Map<String, Optional<String>> paths, boolean dynamic, String output) {
    }

    private Ldd() {
    }

    static Answer run(Path file, Map<String, String> env, Path cwd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("ldd", file.toString()).directory(cwd.toFile()).redirectErrorStream(true);
        pb.environment().remove("LD_LIBRARY_PATH");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("ldd timed out on " + file);
        }
        return parse(out);
    }

    static Answer parse(String out) {
        Map<String, Optional<String>> paths = new LinkedHashMap<>();
        boolean dynamic = !(out.contains("not a dynamic executable") || out.contains("statically linked"));
        for (String line : out.split("\n")) {
            Matcher m = ARROW.matcher(line);
            if (m.matches()) {
                String target = m.group(2).trim();
                paths.putIfAbsent(m.group(1), target.equals("not found") ? Optional.empty() : Optional.of(target));
                continue;
            }
            Matcher b = BARE.matcher(line);
            if (b.matches() && !b.group(1).startsWith("linux-vdso") && !b.group(1).startsWith("/")) {
                paths.putIfAbsent(b.group(1), Optional.of(b.group(1)));
            }
        }
        return new Answer(paths, dynamic, out);
    }
}
