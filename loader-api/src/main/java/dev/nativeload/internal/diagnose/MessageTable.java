package dev.nativeload.internal.diagnose;

import dev.nativeload.report.FailureKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every message the platform loaders give when a load fails, as data ({@code loader-messages.tsv}):
 * glibc's and musl's {@code dlerror()} texts, dyld's, and the Windows error codes of
 * {@code LoadLibraryExW}, each with the {@link FailureKind} it stands for. The classifier reads it;
 * {@code docs/loader-messages.md} is checked against it.
 */
public final class MessageTable {
    private static final String RESOURCE = "loader-messages.tsv";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(obj|err|sym|ver|by|n|name|any)}");
    private static final int COLUMNS = 10;

    private final List<KnownMessage> rows;
    private final List<Pattern> patterns;

    private MessageTable(List<KnownMessage> rows) {
        this.rows = List.copyOf(rows);
        List<Pattern> compiled = new ArrayList<>();
        for (KnownMessage row : rows) {
            compiled.add(row.loader() == KnownMessage.Loader.WINDOWS ? null : compile(row.template()));
        }
        this.patterns = compiled;
    }

    private static final class Standard {
        static final MessageTable TABLE = load();
    }

    /** {@return the table shipped with this library} */
    public static MessageTable standard() {
        return Standard.TABLE;
    }

    /** {@return every row, in table order (the more specific first)} */
    public List<KnownMessage> rows() {
        return rows;
    }

    /**
     * A message matched to its row, with what its placeholders captured.
     *
     * @param row      the row
     * @param captures the captured parts by placeholder name ({@code obj}, {@code err}, ...)
     */
    public record Match(KnownMessage row, Map<String, String> captures) {
        /** Canonical constructor. */
        public Match {
            Objects.requireNonNull(row, "row");
            captures = Map.copyOf(captures);
        }

        /** {@return what a placeholder captured} @param name {@code obj}, {@code err}, {@code sym}, {@code ver}, {@code by} or {@code n} */
        public Optional<String> capture(String name) {
            return Optional.ofNullable(captures.get(name));
        }
    }

    /**
     * {@return the first row of a POSIX loader (glibc, musl, dyld) whose template matches the whole message}
     *
     * @param message a {@code dlerror()} text, verbatim
     */
    public Optional<Match> match(String message) {
        return match(message, row -> row.loader().isPosix());
    }

    /**
     * {@return the first row that {@code which} accepts and whose template matches the whole message}
     *
     * @param message a message, verbatim
     * @param which   the rows to try (a Windows row, which holds an error code, is never tried)
     */
    public Optional<Match> match(String message, java.util.function.Predicate<KnownMessage> which) {
        String text = message.strip();
        for (int i = 0; i < rows.size(); i++) {
            Pattern p = patterns.get(i);
            if (p == null || !which.test(rows.get(i))) {
                continue;
            }
            Matcher m = p.matcher(text);
            if (m.matches()) {
                Map<String, String> captures = new LinkedHashMap<>();
                for (String name : List.of("obj", "err", "sym", "ver", "by", "n")) {
                    if (p.pattern().contains("(?<" + name + ">") && m.group(name) != null) {
                        captures.put(name, m.group(name).strip());
                    }
                }
                return Optional.of(new Match(rows.get(i), captures));
            }
        }
        return Optional.empty();
    }

    /**
     * {@return the row for a Windows error code}
     *
     * @param code a {@code GetLastError()} value after {@code LoadLibraryExW} failed
     */
    public Optional<KnownMessage> windows(int code) {
        String key = Integer.toString(code);
        return rows.stream().filter(r -> r.loader() == KnownMessage.Loader.WINDOWS && r.template().equals(key)).findFirst();
    }

    /**
     * {@return the literal parts of a template, in order: what is left between its placeholders}
     *
     * @param template a row's template
     */
    public static List<String> literals(String template) {
        List<String> parts = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                parts.add(template.substring(at, m.start()));
            }
            at = m.end();
        }
        if (at < template.length()) {
            parts.add(template.substring(at));
        }
        return parts;
    }

    /** {@return a template as a regular expression matching the whole message} */
    static Pattern compile(String template) {
        StringBuilder regex = new StringBuilder("(?s)");
        Matcher m = PLACEHOLDER.matcher(template);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                regex.append(Pattern.quote(template.substring(at, m.start())));
            }
            regex.append(switch (m.group(1)) {
                case "obj" -> "(?<obj>.+?)";
                case "err" -> "(?<err>[^:]+)";
                case "sym" -> "(?<sym>[^,\\n]+?)";
                case "ver" -> "(?<ver>[^'\\n]+?)";
                case "by" -> "(?<by>.+?)";
                case "n" -> "(?<n>[0-9a-fA-F]+)";
                case "name" -> "(?<obj>[^\\s'\"(),;\\[\\]]+)";
                default -> ".*?";
            });
            at = m.end();
        }
        if (at < template.length()) {
            regex.append(Pattern.quote(template.substring(at)));
        }
        return Pattern.compile(regex.toString());
    }

    static MessageTable load() {
        try (InputStream in = MessageTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the loader-api module");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /**
     * {@return a table from the lines of a {@code loader-messages.tsv}}
     *
     * @param lines the file's lines; {@code #} starts a comment line
     * @throws IllegalArgumentException if a row is malformed, naming its line
     */
    static MessageTable parse(List<String> lines) {
        List<KnownMessage> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] c = line.split("\t", -1);
            if (c.length != COLUMNS) {
                throw new IllegalArgumentException(RESOURCE + " line " + (i + 1) + ": " + c.length + " columns, not " + COLUMNS);
            }
            Optional<FailureKind> kind = c[2].equals("errno") ? Optional.empty() : Optional.of(FailureKind.valueOf(c[2]));
            KnownMessage.Loader loader = KnownMessage.Loader.valueOf(c[1].toUpperCase(java.util.Locale.ROOT));
            rows.add(new KnownMessage(c[0], loader, kind, unescape(c[3]), c[4], c[5], c[6], c[7], c[8], unescape(c[9])));
        }
        return new MessageTable(rows);
    }

    private static String unescape(String cell) {
        return cell.replace("\\n", "\n");
    }
}
