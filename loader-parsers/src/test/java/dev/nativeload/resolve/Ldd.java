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

    /** An answer with the CPU time ldd and its children (the dynamic linker) used. @param answer ldd's answer @param cpuNanos user + system */
    record Timed(Answer answer, long cpuNanos) {
    }

    private static final Pattern TIMES = Pattern.compile("^(\\d+)m([\\d.]+)s (\\d+)m([\\d.]+)s$");

    /** Runs ldd under bash and reads the children's CPU time from {@code times}. */
    static Timed runTimed(Path file) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", "ldd \"$0\" 2>&1; times", file.toString()).redirectErrorStream(true);
        pb.environment().remove("LD_LIBRARY_PATH");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("ldd timed out on " + file);
        }
        String[] lines = out.strip().split("\n");
        Matcher m = TIMES.matcher(lines[lines.length - 1].trim());
        if (!m.matches()) {
            throw new IOException("no times line in " + out);
        }
        double seconds = Long.parseLong(m.group(1)) * 60 + Double.parseDouble(m.group(2))
                + Long.parseLong(m.group(3)) * 60 + Double.parseDouble(m.group(4));
        return new Timed(parse(out), (long) (seconds * 1e9));
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
