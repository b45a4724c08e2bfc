package dev.nativeload.binary.macho;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs llvm-objdump 16 ({@code --exports-trie --bind --lazy-bind --weak-bind --chained-fixups}) and
 * llvm-nm 16 ({@code -m}) once each on one slice and parses their text into plain
 * records, for the symbol differential test. Knows nothing of the parser under test. Libraries are
 * named as llvm names them: the dylib's short name, or {@code this-image}, {@code main-executable},
 * {@code flat-namespace}, {@code weak}.
 */
final class SymbolDump {
    static final String OBJDUMP = "llvm-objdump-16";
    static final String NM = "llvm-nm-16";

    /** An export: its name, and for a re-export the library's short name and the name there (null otherwise). */
    record Export(String name, String library, String importName) {
    }

    /** An import: the name, the library (as llvm names it) and whether it is weak. */
    record Import(String name, String library, boolean weak) {
    }

    private static final Pattern CHAINED_ORDINAL = Pattern.compile("\\s*lib_ordinal = (-?\\d+) \\((.*)\\)");
    private static final Pattern CHAINED_WEAK = Pattern.compile("\\s*weak_import = (\\d)");
    private static final Pattern CHAINED_NAME = Pattern.compile("\\s*name_offset = \\d+ \\((.*)\\)");
    private static final Pattern BRACKETS = Pattern.compile("\\[[^\\]]*\\]\\s*");
    private static final Pattern FROM = Pattern.compile("^(\\S+)(?: \\(from ([^)]*)\\))?(?: \\((\\S+)\\))?$");
    private static final Pattern NM_UNDEFINED = Pattern.compile(
            "\\s*\\(undefined(?: \\[lazy bound\\])?\\) (weak )?external (\\S+)(?: \\((?:from (.*)|dynamically looked up)\\))?.*");
    private static final Pattern NM_DEFINED = Pattern.compile("\\s*[0-9a-f]+ \\((?:__\\w+,__\\w+|absolute)\\) (?:weak )?external (?:\\[[^\\]]*\\] )*(\\S+).*");

    private SymbolDump() {
    }

    static List<Export> exportsTrie(Path file, Optional<String> arch) throws IOException, InterruptedException {
        List<Export> exports = new ArrayList<>();
        boolean in = false;
        for (String line : objdump(file, arch)) {
            if (line.equals("Exports trie:")) {
                in = true;
                continue;
            }
            if (in && line.isBlank()) {
                break;
            }
            if (!in) {
                continue;
            }
            String rest = line.strip();
            if (rest.startsWith("0x")) {
                rest = rest.substring(rest.indexOf(' ')).strip();
            }
            rest = BRACKETS.matcher(rest).replaceAll("");
            Matcher m = FROM.matcher(rest);
            if (!m.matches()) {
                throw new IOException("unexpected exports-trie line: " + line);
            }
            exports.add(new Export(m.group(1), m.group(2), m.group(3)));
        }
        return exports;
    }

    /** {@return the imports table of LC_DYLD_CHAINED_FIXUPS, in order} */
    static List<Import> chainedImports(Path file, Optional<String> arch) throws IOException, InterruptedException {
        List<Import> imports = new ArrayList<>();
        String library = null;
        boolean weak = false;
        for (String line : objdump(file, arch)) {
            Matcher m;
            if ((m = CHAINED_ORDINAL.matcher(line)).matches()) {
                library = m.group(2);
            } else if ((m = CHAINED_WEAK.matcher(line)).matches()) {
                weak = m.group(1).equals("1");
            } else if ((m = CHAINED_NAME.matcher(line)).matches()) {
                imports.add(new Import(m.group(1), library, weak));
            }
        }
        return imports;
    }

    /**
     * {@return the rows of one opcode table}: {@code "Bind table:"}, {@code "Lazy bind table:"} (library and
     * symbol last) or {@code "Weak bind table:"} (no library: rows say {@code weak}; {@code strong} rows skipped)
     */
    static List<Import> bindTable(Path file, Optional<String> arch, String title) throws IOException, InterruptedException {
        List<Import> rows = new ArrayList<>();
        boolean in = false;
        boolean header = false;
        for (String line : objdump(file, arch)) {
            if (line.endsWith("table:")) {
                in = line.equals(title);
                header = in;
                continue;
            }
            if (line.isBlank()) {
                in = false;
            }
            if (!in) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            List<String> cols = new ArrayList<>(List.of(line.strip().split("\\s+")));
            boolean weak = cols.get(cols.size() - 1).equals("(weak_import)");
            if (weak) {
                cols.remove(cols.size() - 1);
            }
            String symbol = cols.get(cols.size() - 1);
            if (title.equals("Weak bind table:")) {
                if (!cols.get(0).equals("strong")) {
                    rows.add(new Import(symbol, "weak", weak));
                }
            } else {
                rows.add(new Import(symbol, cols.get(cols.size() - 2), weak));
            }
        }
        return rows;
    }

    /** {@return llvm-nm -m's undefined externals (library "flat-namespace" when dynamically looked up)} */
    static List<Import> nmUndefined(Path file, Optional<String> arch) throws IOException, InterruptedException {
        List<Import> rows = new ArrayList<>();
        for (String line : nm(file, arch)) {
            Matcher m = NM_UNDEFINED.matcher(line);
            if (m.matches()) {
                String from = m.group(3);
                String library = from == null ? "flat-namespace" : from.equals("executable") ? "main-executable" : from;
                rows.add(new Import(m.group(2), library, m.group(1) != null));
            }
        }
        return rows;
    }

    /** {@return llvm-nm -m's defined externals in a section or absolute} */
    static List<String> nmDefined(Path file, Optional<String> arch) throws IOException, InterruptedException {
        List<String> names = new ArrayList<>();
        for (String line : nm(file, arch)) {
            Matcher m = NM_DEFINED.matcher(line);
            if (m.matches()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** Outputs already read, by command line: each tool runs once per image and set of flags. */
    private static final java.util.Map<List<String>, List<String>> CACHE = new java.util.HashMap<>();

    /** One run prints every section: the chained fixups, then the trie, then the tables, each ending in a blank line. */
    private static List<String> objdump(Path file, Optional<String> arch) throws IOException, InterruptedException {
        return run(file, arch, OBJDUMP, "--macho", "--exports-trie", "--bind", "--lazy-bind", "--weak-bind",
                "--chained-fixups");
    }

    private static List<String> nm(Path file, Optional<String> arch) throws IOException, InterruptedException {
        return run(file, arch, NM, "-m");
    }

    private static synchronized List<String> run(Path file, Optional<String> arch, String tool, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(tool));
        command.addAll(List.of(args));
        arch.ifPresent(a -> command.add("--arch=" + a));
        command.add(file.toString());
        List<String> cached = CACHE.get(command);
        if (cached != null) {
            return cached;
        }
        Path out = Files.createTempFile("symdump", ".txt");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(tool + " timed out on " + file);
            }
            if (p.exitValue() != 0) {
                throw new IOException(tool + " failed (" + p.exitValue() + ") on " + file);
            }
            List<String> lines = List.copyOf(Files.readAllLines(out, StandardCharsets.UTF_8));
            CACHE.put(command, lines);
            return lines;
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
