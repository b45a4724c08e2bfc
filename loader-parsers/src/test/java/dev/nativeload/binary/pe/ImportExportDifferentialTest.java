package dev.nativeload.binary.pe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nativeload.binary.testing.JarNatives;
import dev.nativeload.binary.testing.WineDlls;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the symbol binder reads of every Wine PE image and every DLL in the third-party jars, against
 * the reference tools run over many files per process: every import and delay import (DLL in order,
 * each function's name and hint, or its ordinal) and every export's ordinal and name from
 * {@code llvm-readobj --coff-imports --coff-exports}, and every forwarder's target from
 * {@code llvm-objdump -p}.
 */
class ImportExportDifferentialTest {
    private static final int BATCH = 120;
    private static final Pattern SYMBOL = Pattern.compile("^\\s*Symbol: (\\S*) \\((\\d+)\\)$");
    private static final Pattern FORWARDER = Pattern.compile("^\\s+(\\d+)\\s+(?:\\S*\\s+)?\\(forwarded to (\\S+)\\)$");
    private static final Pattern NAMED_FORWARDER = Pattern.compile("^\\s+(\\d+)\\s+\\S+ \\(forwarded to (\\S+)\\)$");

    @Test
    void importsExportsAndForwardersAgreeWithLlvmReadobjAndObjdumpOnEveryWineAndJarImage() throws Exception {
        if (!Readobj.available()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("llvm-readobj is not installed; CI must have it (scripts/install-packages.sh)");
            }
            assumeTrue(false, "llvm-readobj not installed");
        }
        List<Path> files = new ArrayList<>(WineDlls.images());
        int wine = files.size();
        JarNatives.all().stream().filter(e -> e.entry().toLowerCase(Locale.ROOT).endsWith(".dll")).forEach(e -> files.add(e.file()));
        Map<String, List<String>> readobj = new HashMap<>();
        Map<String, Map<Long, String>> forwarders = new HashMap<>();
        List<String> rejected = new ArrayList<>();
        for (int i = 0; i < files.size(); i += BATCH) {
            List<Path> batch = files.subList(i, Math.min(files.size(), i + BATCH));
            // llvm-readobj stops at a file it rejects: run it again on the files after that one.
            List<Path> left = batch;
            while (!left.isEmpty()) {
                Map<String, List<String>> got = readobj(left, rejected);
                readobj.putAll(got);
                List<Path> rest = left.stream().filter(f -> !readobj.containsKey(f.toString())).toList();
                if (rest.size() == left.size()) {
                    break;
                }
                left = rest;
            }
            forwarders.putAll(objdumpForwarders(batch));
        }
        List<String> disagreements = new ArrayList<>();
        long imports = 0;
        long exports = 0;
        long forwarded = 0;
        List<String> nameless = new ArrayList<>();
        for (Path file : files) {
            PeFile pe = PeFile.read(file);
            List<String> ours = facts(pe);
            imports += ours.stream().filter(l -> l.startsWith("fn ")).count();
            exports += ours.stream().filter(l -> l.startsWith("export ")).count();
            List<String> theirs = readobj.getOrDefault(file.toString(), List.of("<no llvm-readobj output>"));
            if (rejected.contains(file.toString()) && pe.exports().filter(d -> d.nameTable().isEmpty()).isPresent()) {
                // llvm-readobj gives up on an export directory with no names whose AddressOfNames is 0 (Wine's
                // drivers: http.sys, winebus.sys, ...), which the loader reads (it never touches an empty name
                // table): compare the imports, all llvm-readobj printed before giving up.
                List<String> until = ours.stream().filter(l -> !l.startsWith("export ")).toList();
                if (!theirs.equals(until)) {
                    disagreements.add(file + ": first difference " + firstDifference(theirs, until));
                }
                nameless.add(file.getFileName().toString());
            } else if (!theirs.equals(ours)) {
                disagreements.add(file + ": first difference " + firstDifference(theirs, ours));
            }
            Map<Long, String> ourForwarders = new TreeMap<>();
            pe.exports().ifPresent(d -> d.exports().forEach(e -> e.forwarder().ifPresent(f -> ourForwarders.put(e.ordinal(), f))));
            forwarded += ourForwarders.size();
            Map<Long, String> theirForwarders = forwarders.getOrDefault(file.toString(), Map.of());
            if (!theirForwarders.equals(ourForwarders)) {
                disagreements.add(file + ": forwarders: llvm-objdump " + theirForwarders.size() + ", reader " + ourForwarders.size());
            }
        }
        System.out.println("PE import/export differential: " + (files.size() - disagreements.size()) + "/" + files.size()
                + " files agree (" + wine + " Wine images, " + (files.size() - wine) + " jar DLLs; " + imports + " imports, "
                + exports + " exports, " + forwarded + " forwarders)");
        disagreements.stream().limit(20).forEach(System.out::println);
        System.out.println("llvm-readobj rejects " + nameless.size() + " images whose export directory has no name table: " + nameless);
        assertEquals(rejected.stream().map(r -> Path.of(r).getFileName().toString()).sorted().toList(), nameless.stream().sorted().toList(),
                "every file llvm-readobj rejects is one explained above");
        assertTrue(forwarded >= 1000, "Wine's kernel32.dll alone forwards hundreds of exports: " + forwarded);
        assertEquals(List.of(), disagreements);
    }

    /** The reader's facts in the canonical lines {@link #readobj} makes of llvm-readobj's output. */
    private static List<String> facts(PeFile pe) {
        List<String> lines = new ArrayList<>();
        for (ImportedDll dll : pe.imports()) {
            lines.add("import " + dll.name());
            dll.functions().forEach(f -> lines.add("fn " + PeFacts.function(f)));
        }
        for (DelayImportedDll dll : pe.delayImports()) {
            lines.add("delay " + dll.name());
            dll.functions().forEach(f -> lines.add("fn " + PeFacts.function(f)));
        }
        pe.exports().ifPresent(d -> d.exports().forEach(e -> lines.add("export " + e.ordinal() + " " + e.name().orElse("-"))));
        return lines;
    }

    /** {@return llvm-readobj's imports, delay imports and used exports per file, in canonical lines} */
    private static Map<String, List<String>> readobj(List<Path> files, List<String> rejected) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("llvm-readobj", "--coff-imports", "--coff-exports"));
        files.forEach(f -> command.add(f.toString()));
        Map<String, List<String>> result = new HashMap<>();
        List<String> errors = new ArrayList<>();
        List<String> output = run(command, errors);
        for (String error : errors) {
            Matcher m = Pattern.compile("^llvm-readobj: error: '(.*)': ").matcher(error);
            if (m.find()) {
                rejected.add(m.group(1));
            }
        }
        List<String> current = null;
        String block = "";
        String exportOrdinal = "";
        String exportName = "";
        for (String line : output) {
            if (line.startsWith("File: ")) {
                current = new ArrayList<>();
                result.put(line.substring(6), current);
                continue;
            }
            if (current == null) {
                continue;
            }
            if (!line.startsWith(" ") && line.endsWith("{")) {
                block = line.substring(0, line.length() - 2);
                exportName = "";
                continue;
            }
            Matcher symbol = SYMBOL.matcher(line);
            if (symbol.matches()) {
                current.add("fn " + (symbol.group(1).isEmpty() ? "#" + symbol.group(2) : symbol.group(1) + "@" + symbol.group(2)));
            } else if (line.startsWith("  Name: ") && block.equals("Import")) {
                current.add("import " + line.substring(8));
            } else if (line.startsWith("  Name: ") && block.equals("DelayImport")) {
                current.add("delay " + line.substring(8));
            } else if (block.equals("Export") && line.startsWith("  Ordinal: ")) {
                exportOrdinal = line.substring(11);
            } else if (block.equals("Export") && line.startsWith("  Name: ")) {
                exportName = line.substring(8);
            } else if (block.equals("Export") && line.startsWith("  RVA: ")) {
                if (Long.decode(line.substring(7)) != 0 || !exportName.isEmpty()) {
                    current.add("export " + exportOrdinal + " " + (exportName.isEmpty() ? "-" : exportName));
                }
            }
        }
        return result;
    }

    /** {@return llvm-objdump -p's forwarders per file: ordinal to target} */
    private static Map<String, Map<Long, String>> objdumpForwarders(List<Path> files) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("llvm-objdump", "-p"));
        files.forEach(f -> command.add(f.toString()));
        Map<String, Map<Long, String>> result = new HashMap<>();
        Map<Long, String> current = null;
        for (String line : run(command, new ArrayList<>())) {
            int format = line.indexOf(":\tfile format ");
            if (format > 0) {
                current = new TreeMap<>();
                result.put(line.substring(0, format), current);
                continue;
            }
            Matcher m = NAMED_FORWARDER.matcher(line);
            if (!m.matches()) {
                m = FORWARDER.matcher(line);
            }
            if (current != null && m.matches()) {
                current.put(Long.parseLong(m.group(1)), m.group(2));
            }
        }
        return result;
    }

    /** {@return the tool's output lines; a file it rejects still has what it printed before the error} */
    private static List<String> run(List<String> command, List<String> errors) throws IOException, InterruptedException {
        Path err = java.nio.file.Files.createTempFile("nativeload-readobj", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            errors.addAll(java.nio.file.Files.readAllLines(err));
            return out.lines().toList();
        } finally {
            java.nio.file.Files.delete(err);
        }
    }

    private static String firstDifference(List<String> theirs, List<String> ours) {
        for (int i = 0; i < Math.max(theirs.size(), ours.size()); i++) {
            String t = i < theirs.size() ? theirs.get(i) : "<none>";
            String o = i < ours.size() ? ours.get(i) : "<none>";
            if (!t.equals(o)) {
                return "at line " + i + ": llvm-readobj `" + t + "`, reader `" + o + "`";
            }
        }
        return "none";
    }
}
