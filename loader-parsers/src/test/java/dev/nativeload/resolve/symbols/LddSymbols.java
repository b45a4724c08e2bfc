package dev.nativeload.resolve.symbols;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference: runs the real {@code ldd -r} (tests only) with no {@code LD_*} variables and reads
 * the undefined symbols and missing versions it reports, as the same strings
 * {@link #unresolved(UnresolvedSymbol)} and {@link #versionError(VersionError)} make of ours.
 */
final class LddSymbols {
    private static final Pattern UNDEFINED = Pattern.compile("^undefined symbol: (.+?)(?:, version (\\S+))?\t\\((.*)\\)$");
    private static final Pattern VERSION = Pattern.compile("^(.+): version `([^']+)' not found \\(required by (.+)\\)$");

    /**
     * The parsed answer.
     *
     * @param unresolved    "symbol|version|object" per undefined symbol line ("-" for no version)
     * @param versionErrors "version|path of the file lacking it|object" per missing-version line
     * @param output        the raw output
     */
    record Answer(Set<String> unresolved, Set<String> versionErrors, String output) {
    }

    private LddSymbols() {
    }

    static Answer run(Path file) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("ldd", "-r", file.toString()).directory(Path.of("/").toFile())
                .redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("LD_"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("ldd -r timed out on " + file);
        }
        return parse(file.toString(), out);
    }

    /** @param program the file as passed to ldd, which prefixes its version messages */
    static Answer parse(String program, String out) {
        Set<String> unresolved = new LinkedHashSet<>();
        Set<String> versions = new LinkedHashSet<>();
        String prefix = program + ": ";
        for (String line : out.split("\n")) {
            Matcher u = UNDEFINED.matcher(line);
            if (u.matches()) {
                unresolved.add(u.group(1) + "|" + (u.group(2) == null ? "-" : u.group(2)) + "|" + u.group(3));
                continue;
            }
            if (line.startsWith(prefix)) {
                Matcher v = VERSION.matcher(line.substring(prefix.length()));
                if (v.matches()) {
                    versions.add(v.group(2) + "|" + v.group(1) + "|" + v.group(3));
                }
            }
        }
        return new Answer(unresolved, versions, out);
    }

    static String unresolved(UnresolvedSymbol u) {
        return u.symbol() + "|" + u.version().orElse("-") + "|" + u.object();
    }

    static String versionError(VersionError v) {
        return v.version() + "|" + v.filePath() + "|" + v.object();
    }
}
