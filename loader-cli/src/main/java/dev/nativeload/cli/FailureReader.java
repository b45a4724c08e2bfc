package dev.nativeload.cli;

import dev.nativeload.internal.diagnose.KnownMessage;
import dev.nativeload.internal.diagnose.MessageTable;
import dev.nativeload.report.FailureKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one message of a log (the line where it starts and the lines that continue it) and says which
 * native-library load failed and why, from the loader-message table: the OS loader's words (glibc,
 * musl, dyld) decide the kind, the JVM's and the Java library's words (the table's {@code java} rows)
 * name the library when the OS's do not.
 *
 * <p>A glibc or musl text sits at the end of a line after whatever the JVM and the logger put before it
 * ({@code UnsatisfiedLinkError: /x/libx.so: /x/libx.so: cannot open ...}), so it is matched on the
 * shortest tail of the line, starting after a {@code ": "}, that a row matches whole: its object is then
 * the loader's, not the prefix. dyld's texts span lines and are matched on the whole message.
 */
final class FailureReader {
    private static final Pattern POSSIBLE_CAUSE = Pattern.compile("\\s*\\(Possible cause: ([^)]*)\\)");
    private static final String ULE = "UnsatisfiedLinkError: ";
    private static final Pattern DLOPEN = Pattern.compile("dlopen\\((.+?), (?:0x)?[0-9a-fA-F]+\\)");
    private static final Pattern REFERENCED_FROM = Pattern.compile("Referenced from: (?:<[^>]*> )?(\\S+)");
    /** A file the JVM names before a message it does not know: an absolute path, or a name with a library suffix. */
    private static final Pattern UNKNOWN_LOAD = Pattern.compile(
            "UnsatisfiedLinkError: ((?:/|[A-Za-z]:\\\\)[^:]+?|[^\\s:]+\\.(?:so|dll|dylib|jnilib)(?:\\.[0-9.]+)?): (.+)");

    private final MessageTable table;
    private final List<Row> rows;

    /** One table row with the literal a message must contain for the row to be tried. */
    private record Row(KnownMessage row, String anchor) {
    }

    /** @param table the loader-message table whose rows say what a message means */
    FailureReader(MessageTable table) {
        this.table = table;
        List<Row> list = new ArrayList<>();
        for (KnownMessage r : table.rows()) {
            if (r.loader() != KnownMessage.Loader.WINDOWS) {
                list.add(new Row(r, anchor(r.template())));
            }
        }
        this.rows = List.copyOf(list);
    }

    /** {@return the longest literal part of a template: what a message of that row must contain} */
    static String anchor(String template) {
        String best = "";
        for (String part : MessageTable.literals(template)) {
            for (String piece : part.split("\n")) {
                if (piece.length() > best.length()) {
                    best = piece;
                }
            }
        }
        return best;
    }

    /** {@return every literal a failure's message contains, one per row, for the scanner's pre-filter} */
    List<String> anchors() {
        List<String> all = new ArrayList<>(rows.stream().map(Row::anchor).distinct().toList());
        all.add(ULE);
        return all;
    }

    /**
     * {@return the failure one message reports, if it is a native-library load failure}
     *
     * @param line  the 1-based line where the message starts
     * @param lines the message's lines
     */
    Optional<ExplainedFailure> read(long line, List<String> lines) {
        List<String> clean = new ArrayList<>(lines.size());
        String possibleCause = null;
        for (String l : lines) {
            Matcher m = POSSIBLE_CAUSE.matcher(l);
            if (m.find()) {
                possibleCause = m.group(1).strip();
                l = l.substring(0, m.start()) + l.substring(m.end());
            }
            clean.add(l);
        }
        String block = String.join("\n", clean);
        List<Row> present = rows.stream().filter(r -> block.contains(r.anchor())).toList();
        List<MessageTable.Match> java = new ArrayList<>();
        for (Row r : present) {
            if (r.row().loader() == KnownMessage.Loader.JAVA) {
                matchWhole(r, block).ifPresent(java::add);
            }
        }
        Optional<OsText> os = posixTail(clean, present).or(() -> dyld(block, present));
        Optional<String> requested = requestedLibrary(java, block);
        if (os.isPresent()) {
            return Optional.of(fromOs(line, os.get(), requested, possibleCause));
        }
        if (!java.isEmpty()) {
            MessageTable.Match primary = java.stream().filter(m -> m.row().kind().orElse(FailureKind.UNKNOWN) != FailureKind.UNKNOWN)
                    .findFirst().orElse(java.get(0));
            String library = requested.or(() -> jdkPath(block, primary.row())).orElse("(not named)");
            KnownMessage row = primary.row();
            return Optional.of(new ExplainedFailure(line, library, row.kind().orElse(FailureKind.UNKNOWN),
                    Texts.cause(library, row.meaning(), possibleCause), row.hint(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        }
        Matcher unknown = UNKNOWN_LOAD.matcher(block);
        if (unknown.find()) {
            String said = unknown.group(2).lines().findFirst().orElse("").strip();
            return Optional.of(new ExplainedFailure(line, unknown.group(1), FailureKind.UNKNOWN,
                    Texts.cause(unknown.group(1), "the load failed with a message no row of the table knows: \"" + said + "\"", possibleCause),
                    "run `nativeload doctor " + unknown.group(1) + "` where it failed",
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        }
        return Optional.empty();
    }

    /** An OS loader's text found in the message: its row's match, and what the JVM wrote before it on its line. */
    private record OsText(MessageTable.Match match, String before, String context) {
    }

    private Optional<MessageTable.Match> matchWhole(Row r, String text) {
        return table.match(text, k -> k == r.row());
    }

    /** The glibc or musl text at the end of a line: the shortest tail after a ": " that a row matches whole. */
    private Optional<OsText> posixTail(List<String> lines, List<Row> present) {
        List<Row> candidates = present.stream().filter(r -> r.row().loader() == KnownMessage.Loader.GLIBC
                || r.row().loader() == KnownMessage.Loader.MUSL).toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        for (String l : lines) {
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = l.indexOf(": "); i >= 0; i = l.indexOf(": ", i + 1)) {
                starts.add(i + 2);
            }
            for (int s = starts.size() - 1; s >= 0; s--) {
                String tail = l.substring(starts.get(s));
                for (Row r : candidates) {
                    if (tail.contains(r.anchor())) {
                        Optional<MessageTable.Match> m = matchWhole(r, tail);
                        if (m.isPresent()) {
                            return Optional.of(new OsText(m.get(), l.substring(0, starts.get(s)), l));
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    private Optional<OsText> dyld(String block, List<Row> present) {
        for (Row r : present) {
            if (r.row().loader() == KnownMessage.Loader.DYLD) {
                Optional<MessageTable.Match> m = matchWhole(r, block);
                if (m.isPresent()) {
                    Matcher open = DLOPEN.matcher(block);
                    String before = open.find() ? ULE + open.group(1) + ": " : block;
                    return Optional.of(new OsText(m.get(), before, block));
                }
            }
        }
        return Optional.empty();
    }

    /** The library the Java side asked for: the first Java row naming one, in table order. */
    private static Optional<String> requestedLibrary(List<MessageTable.Match> java, String block) {
        for (MessageTable.Match m : java) {
            Optional<String> named = m.capture("obj").or(() -> fixedLibrary(m.row()));
            if (named.isPresent()) {
                return named;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> fixedLibrary(KnownMessage row) {
        for (String part : row.captures().split(";")) {
            String p = part.strip();
            if (p.startsWith("lib=")) {
                return Optional.of(p.substring("lib=".length()));
            }
        }
        return Optional.empty();
    }

    /** The path the JVM wrote after {@code UnsatisfiedLinkError: } and before a row's text, as in {@code C:\x\y.dll: %1 is ...}. */
    private static Optional<String> jdkPath(String block, KnownMessage row) {
        int at = block.indexOf(anchor(row.template()));
        return at < 0 ? Optional.empty() : pathBefore(block.substring(0, at));
    }

    /** The last {@code UnsatisfiedLinkError: PATH: } of a text, or its last {@code dlopen(PATH, ...)}. */
    private static Optional<String> pathBefore(String before) {
        int u = before.lastIndexOf(ULE);
        if (u < 0) {
            return Optional.empty();
        }
        String rest = before.substring(u + ULE.length()).strip();
        int colon = rest.indexOf(": ");
        String path = (colon >= 0 ? rest.substring(0, colon) : rest).strip();
        if (path.endsWith(":")) {
            path = path.substring(0, path.length() - 1);
        }
        return path.isEmpty() ? Optional.empty() : Optional.of(path);
    }

    private static ExplainedFailure fromOs(long line, OsText os, Optional<String> requested, String possibleCause) {
        MessageTable.Match m = os.match();
        KnownMessage row = m.row();
        Optional<String> object = m.capture("obj");
        Optional<String> library = requested.or(() -> pathBefore(os.before()));
        Optional<String> dependency = Optional.empty();
        Optional<String> neededBy = Optional.empty();
        if (row.id().equals("dyld.library-not-loaded")) {
            dependency = object;
            Matcher from = REFERENCED_FROM.matcher(os.context());
            neededBy = from.find() ? Optional.of(from.group(1)) : library;
        } else if (m.capture("by").isPresent() && object.isPresent() && !row.id().equals("musl.initial-exec-tls")) {
            dependency = object;
            neededBy = m.capture("by");
        } else if (object.isPresent() && library.isPresent() && !sameLibrary(library.get(), object.get())) {
            dependency = object;
            neededBy = library;
        }
        Optional<LoggedErrno> errno = m.capture("err").flatMap(LoggedErrno::of);
        FailureKind kind = row.kind().orElseGet(() -> errno.map(LoggedErrno::kind).orElse(FailureKind.UNKNOWN));
        if (dependency.isPresent() && kind == FailureKind.NOT_FOUND) {
            kind = row.loader() == KnownMessage.Loader.MUSL && isGlibcItself(dependency.get())
                    ? FailureKind.WRONG_LIBC : FailureKind.MISSING_DEPENDENCY;
        }
        if (kind == FailureKind.WRONG_LIBC) {
            return new ExplainedFailure(line, library.or(() -> object).orElse("(not named)"), kind,
                    Texts.cause(library.or(() -> object).orElse("the library"), "it is built for glibc (it needs "
                            + Texts.baseName(dependency.orElseThrow()) + "), and this system's C library is musl", possibleCause),
                    "use the library's musl build (linux-*-musl), or run on a glibc system; a glibc compatibility layer "
                            + "(gcompat) helps only some libraries",
                    dependency.map(Texts::clean), neededBy.map(Texts::clean), Optional.empty(), Optional.empty());
        }
        Optional<String> by = neededBy;
        String subject = dependency.map(d -> "dependency " + d + " of " + by.orElse("the library"))
                .orElseGet(() -> object.or(() -> library).orElse("the library"));
        String meaning = row.meaning() + m.capture("err").map(e -> " (" + e + ")").orElse("");
        String hint = row.hint().startsWith("see the error") && errno.isPresent() ? errno.get().hint() : row.hint();
        if (kind == FailureKind.MISSING_DEPENDENCY && dependency.isPresent()) {
            hint = "install " + Texts.baseName(dependency.get()) + " (or put its directory on the loader's search path); "
                    + "`nativeload tree` lists every dependency and where each was searched";
        }
        return new ExplainedFailure(line, library.or(() -> object).orElse("(not named)"), kind,
                Texts.cause(subject, meaning, possibleCause), hint, dependency.map(Texts::clean), neededBy.map(Texts::clean),
                m.capture("sym"), m.capture("ver"));
    }

    /** Whether a dependency is glibc's own loader or C library, which a musl system never has. */
    private static boolean isGlibcItself(String dependency) {
        String name = Texts.baseName(dependency);
        return name.startsWith("ld-linux") || name.equals("libc.so.6") || name.equals("libm.so.6") || name.equals("libpthread.so.0")
                || name.equals("libdl.so.2");
    }

    /** Whether a loader's object is the requested library itself ({@code hs} and {@code libhs.so}), not one of its dependencies. */
    static boolean sameLibrary(String requested, String object) {
        String r = Texts.baseName(requested);
        String o = Texts.baseName(object);
        if (r.equals(o) || requested.equals(object)) {
            return true;
        }
        String stem = r.startsWith("lib") ? r.substring(3) : r;
        int dot = stem.indexOf('.');
        stem = dot > 0 ? stem.substring(0, dot) : stem;
        return !stem.isEmpty() && (o.equals("lib" + stem) || o.startsWith("lib" + stem + ".") || o.startsWith(stem + "."));
    }

    /** Small text helpers for causes. */
    static final class Texts {
        private Texts() {
        }

        static String cause(String subject, String meaning, String possibleCause) {
            String said = subject + ": " + meaning;
            return possibleCause == null ? said : said + " (the JVM adds: possible cause " + possibleCause + ")";
        }

        static String baseName(String path) {
            String p = clean(path);
            int slash = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
            return slash >= 0 ? p.substring(slash + 1) : p;
        }

        static String clean(String name) {
            String n = name.strip();
            if (n.length() >= 2 && (n.startsWith("'") && n.endsWith("'") || n.startsWith("\"") && n.endsWith("\""))) {
                n = n.substring(1, n.length() - 1);
            }
            return n;
        }
    }
}
