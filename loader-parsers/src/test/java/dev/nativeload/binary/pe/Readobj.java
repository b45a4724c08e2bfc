package dev.nativeload.binary.pe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code llvm-readobj --file-headers --coff-imports --coff-exports --sections} and turns its output
 * into the canonical lines of {@link PeFacts}.
 */
final class Readobj {
    private static final Pattern HEX_IN_PARENS = Pattern.compile("\\((0x[0-9A-Fa-f]+)\\)");
    private static final Pattern SYMBOL = Pattern.compile("^\\s*Symbol: (.*) \\((\\d+)\\)$");
    private static final Pattern FIELD = Pattern.compile("^\\s*(\\w+): ?(.*)$");
    private static Boolean available;

    /**
     * What llvm-readobj said about one file.
     *
     * @param ok    whether it exited with status 0
     * @param lines the canonical facts (when ok)
     * @param error its error output (when not)
     */
    record Result(boolean ok, List<String> lines, String error) {
    }

    private Readobj() {
    }

    static synchronized boolean available() {
        if (available == null) {
            try {
                Process p = new ProcessBuilder("llvm-readobj", "--version").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                available = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException | InterruptedException e) {
                available = false;
            }
        }
        return available;
    }

    static Result run(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("llvm-readobj", "--file-headers", "--coff-imports", "--coff-exports",
                "--sections", file.toString()).start();
        byte[][] err = new byte[1][];
        Thread drain = Thread.ofVirtual().start(() -> {
            try {
                err[0] = p.getErrorStream().readAllBytes();
            } catch (IOException e) {
                err[0] = e.toString().getBytes(StandardCharsets.UTF_8);
            }
        });
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        drain.join();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("llvm-readobj timed out on " + file);
        }
        String errText = new String(err[0], StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            return new Result(false, List.of(), errText.strip());
        }
        return new Result(true, parse(out), errText.strip());
    }

    static List<String> parse(String output) {
        List<String> header = new ArrayList<>();
        List<String> imports = new ArrayList<>();
        List<String> exports = new ArrayList<>();
        List<String> sections = new ArrayList<>();
        String[] section = null;
        String block = "";
        String dll = null;
        long exportRva = 0;
        long exportSize = 0;
        long ordinal = 0;
        String exportName = "";
        String machine = null;
        String characteristics = null;
        String magic = null;
        String imageBase = null;
        String subsystem = null;
        String dllCharacteristics = null;
        for (String line : output.split("\n")) {
            if (line.equals("Sections [")) {
                block = "Sections";
                continue;
            }
            if (block.equals("Sections") && line.equals("]")) {
                block = "";
                continue;
            }
            if (block.equals("Sections")) {
                section = sectionLine(line, section, sections);
                continue;
            }
            if (!line.startsWith(" ") && line.endsWith("{")) {
                block = line.substring(0, line.length() - 1).strip();
                dll = null;
                continue;
            }
            Matcher symbol = SYMBOL.matcher(line);
            if ((block.equals("Import") || block.equals("DelayImport")) && symbol.matches()) {
                String kind = block.equals("Import") ? "import " : "delay ";
                String fn = symbol.group(1).isEmpty() ? "#" + symbol.group(2) : symbol.group(1) + "@" + symbol.group(2);
                imports.add(kind + dll + " fn " + fn);
                continue;
            }
            Matcher field = FIELD.matcher(line);
            if (!field.matches()) {
                if (block.equals("ImageFileHeader") && line.strip().startsWith("Characteristics [")) {
                    characteristics = hex(line);
                } else if (block.equals("ImageOptionalHeader") && line.strip().startsWith("Characteristics [")) {
                    dllCharacteristics = hex(line);
                }
                continue;
            }
            String key = field.group(1);
            String value = field.group(2).strip();
            switch (block) {
                case "ImageFileHeader" -> {
                    if (key.equals("Machine")) {
                        machine = hex(line);
                    }
                }
                case "ImageOptionalHeader" -> {
                    switch (key) {
                        case "Magic" -> magic = Long.decode(value) == 0x20b ? "PE32+" : "PE32";
                        case "ImageBase" -> imageBase = "0x" + Long.toHexString(Long.decode(value));
                        case "Subsystem" -> subsystem = String.valueOf(Long.decode(hex(line)));
                        case "ExportTableRVA" -> exportRva = Long.decode(value);
                        case "ExportTableSize" -> exportSize = Long.decode(value);
                        default -> { }
                    }
                }
                case "Import", "DelayImport" -> {
                    if (key.equals("Name") && dll == null) {
                        dll = value;
                        imports.add((block.equals("Import") ? "import " : "delay ") + dll);
                    }
                }
                case "Export" -> {
                    switch (key) {
                        case "Ordinal" -> ordinal = Long.parseLong(value);
                        case "Name" -> exportName = value;
                        case "RVA" -> {
                            long rva = Long.decode(value);
                            if (rva != 0 || !exportName.isEmpty()) {
                                exports.add(PeFacts.export(ordinal, exportName, rva,
                                        rva >= exportRva && rva < exportRva + exportSize));
                            }
                            exportName = "";
                        }
                        default -> { }
                    }
                }
                default -> { }
            }
        }
        header.add("machine " + machine);
        header.add("characteristics " + characteristics);
        if (magic != null) {
            header.add("magic " + magic);
            header.add("imagebase " + imageBase);
            header.add("subsystem " + subsystem);
            header.add("dllcharacteristics " + dllCharacteristics);
        }
        List<String> all = new ArrayList<>(header);
        all.addAll(sections);
        all.addAll(imports.stream().filter(l -> l.startsWith("import")).toList());
        all.addAll(imports.stream().filter(l -> l.startsWith("delay")).toList());
        all.addAll(exports);
        return all;
    }

    /** Collects one section's fields: name, VirtualAddress, VirtualSize, RawDataSize, PointerToRawData, flags. */
    private static String[] sectionLine(String line, String[] section, List<String> sections) {
        String t = line.strip();
        if (t.equals("Section {")) {
            return new String[6];
        }
        if (section == null) {
            return null;
        }
        if (t.startsWith("Characteristics [")) {
            section[5] = hex(line);
            sections.add(PeFacts.section(section[0], Long.decode(section[1]), Long.decode(section[2]),
                    Long.decode(section[3]), Long.decode(section[4]), Long.decode(section[5])));
            return null;
        }
        Matcher field = FIELD.matcher(line);
        if (field.matches()) {
            String value = field.group(2).strip();
            switch (field.group(1)) {
                case "Name" -> section[0] = value.substring(0, value.lastIndexOf(" (")).strip();
                case "VirtualAddress" -> section[1] = value;
                case "VirtualSize" -> section[2] = value;
                case "RawDataSize" -> section[3] = value;
                case "PointerToRawData" -> section[4] = value;
                default -> { }
            }
        }
        return section;
    }

    private static String hex(String line) {
        Matcher m = HEX_IN_PARENS.matcher(line);
        if (!m.find()) {
            return null;
        }
        return "0x" + Long.toHexString(Long.decode(m.group(1)));
    }
}
