package dev.nativeload.binary.macho;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.testing.JarNatives;
import dev.nativeload.binary.testing.TestData;
import java.io.File;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Differential test of {@link MachOFile#exports()} and {@link MachOFile#imports()}: every image of
 * every Mach-O fixture and every Mach-O native in the third-party jars (JNA, sqlite-jdbc, zstd-jni,
 * snappy-java, lz4-java), against llvm-objdump 16 and llvm-nm 16.
 * <ul>
 * <li>exports: the export trie as {@code --exports-trie} lists it, sorted by name (llvm lists a name
 *     after the names that extend it, the parser before), with re-exports' library and name; an image without a trie against {@code llvm-nm -m}'s defined externals, as a set;</li>
 * <li>imports from chained fixups: {@code --chained-fixups}'s imports table, in order (name, library,
 *     weak);</li>
 * <li>imports from bind opcodes: {@code --bind}, {@code --lazy-bind} and {@code --weak-bind} tables,
 *     each as a set of distinct (name, library, weak) rows (the tables list every address; the parser
 *     lists each import once); the lazy table prints no weak-import flag, so there it comes from
 *     {@code llvm-nm -m};</li>
 * <li>imports of an image with neither: {@code llvm-nm -m}'s undefined externals, as a set of (name,
 *     library); llvm-nm's "weak" also marks {@code N_REF_TO_WEAK} references (coalesced, not weak imports),
 *     so there the parser's weak imports need only be among llvm-nm's weak ones.</li>
 * </ul>
 * Libraries are compared as llvm names them (the dylib's short name, {@code flat-namespace}, ...).
 */
class MachOSymbolsDifferentialTest {
    private static final int LC_DYLD_INFO = 0x22;
    private static final int LC_DYLD_EXPORTS_TRIE = 0x33 | LoadCommandType.REQ_DYLD;
    private static final int LC_DYLD_CHAINED_FIXUPS = 0x34 | LoadCommandType.REQ_DYLD;

    @Test
    void exportsAndImportsAgreeWithLlvmObjdumpAndNmOnEveryFixtureAndJarNative() throws Exception {
        for (String tool : List.of(SymbolDump.OBJDUMP, SymbolDump.NM)) {
            if (!onPath(tool)) {
                if ("true".equals(System.getenv("CI"))) {
                    fail(tool + " is not installed; CI must have it (scripts/install-packages.sh: llvm-16)");
                }
                assumeTrue(false, tool + " is not installed");
            }
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(TestData.path("macho"))) {
            walk.filter(Files::isRegularFile).filter(MachOSymbolsDifferentialTest::isImage).sorted().forEach(files::add);
        }
        int fixtures = files.size();
        JarNatives.withMore().stream()
                .filter(e -> e.entry().endsWith(".dylib") || e.entry().endsWith(".jnilib"))
                .map(JarNatives.Entry::file).forEach(files::add);
        List<String> disagreements = new ArrayList<>();
        Map<MachOImport.Source, Integer> imports = new EnumMap<>(MachOImport.Source.class);
        int images = 0;
        int exports = 0;
        for (Path file : files) {
            BinaryData data = BinaryData.map(file);
            long magic = data.withOrder(ByteOrder.BIG_ENDIAN).u32(0, "magic");
            List<MachOFile> slices = new ArrayList<>();
            boolean fat = magic == FatMachOFile.MAGIC || magic == FatMachOFile.MAGIC_64;
            if (fat) {
                FatMachOFile.read(data).slices().forEach(s -> slices.add(s.image()));
            } else {
                slices.add(MachOFile.read(data));
            }
            for (MachOFile image : slices) {
                Optional<String> arch = fat ? Optional.of(image.header().cpuSubtype().archName()) : Optional.empty();
                String at = file.getFileName() + arch.map(a -> " (" + a + ")").orElse("") + ": ";
                try {
                    exports += image.exports().size();
                    image.imports().forEach(i -> imports.merge(i.source(), 1, Integer::sum));
                    compare(at, file, arch, image, disagreements);
                } catch (MalformedBinaryException e) {
                    disagreements.add(at + "parser rejected what llvm read: " + e.getMessage());
                }
                images++;
            }
        }
        System.out.printf("Mach-O symbols differential: %d files (%d fixtures), %d images, %d exports, imports %s,"
                + " %d disagreements%n", files.size(), fixtures, images, exports, imports, disagreements.size());
        assertTrue(fixtures >= 20 && files.size() > fixtures + 10, "fixtures and jar natives were found");
        assertTrue(imports.keySet().containsAll(List.of(MachOImport.Source.CHAINED_FIXUPS, MachOImport.Source.BIND,
                MachOImport.Source.LAZY_BIND, MachOImport.Source.SYMBOL_TABLE)), "every import source was met: " + imports);
        assertEquals(List.of(), disagreements);
    }

    private static void compare(String at, Path file, Optional<String> arch, MachOFile image, List<String> diffs)
            throws Exception {
        boolean trie = has(image, LC_DYLD_EXPORTS_TRIE) || has(image, LC_DYLD_INFO)
                || has(image, LC_DYLD_INFO | LoadCommandType.REQ_DYLD);
        if (trie) {
            List<SymbolDump.Export> mine = image.exports().stream().map(e -> new SymbolDump.Export(e.name(),
                    e.reexport().map(r -> library(image, r.libraryOrdinal())).orElse(null),
                    e.reexport().map(MachOExport.ReExport::importName).filter(n -> !n.equals(e.name())).orElse(null)))
                    .toList();
            check(diffs, at + "export trie (sorted)", sorted(SymbolDump.exportsTrie(file, arch)), sorted(mine));
        } else {
            check(diffs, at + "nlist exports (set)", new LinkedHashSet<>(SymbolDump.nmDefined(file, arch)),
                    new LinkedHashSet<>(image.exports().stream().map(MachOExport::name).toList()));
        }
        if (has(image, LC_DYLD_CHAINED_FIXUPS)) {
            check(diffs, at + "chained imports", SymbolDump.chainedImports(file, arch), rows(image, null));
        } else if (trie && !has(image, LC_DYLD_EXPORTS_TRIE)) {
            check(diffs, at + "bind table (set)", new LinkedHashSet<>(SymbolDump.bindTable(file, arch, "Bind table:")),
                    new LinkedHashSet<>(rows(image, MachOImport.Source.BIND)));
            // objdump's lazy bind table prints no weak-import flag: take it from llvm-nm -m.
            Set<String> weakInNm = SymbolDump.nmUndefined(file, arch).stream().filter(SymbolDump.Import::weak)
                    .map(SymbolDump.Import::name).collect(java.util.stream.Collectors.toSet());
            check(diffs, at + "lazy bind table (set, weak from llvm-nm)",
                    new LinkedHashSet<>(SymbolDump.bindTable(file, arch, "Lazy bind table:").stream()
                            .map(r -> new SymbolDump.Import(r.name(), r.library(), weakInNm.contains(r.name()))).toList()),
                    new LinkedHashSet<>(rows(image, MachOImport.Source.LAZY_BIND)));
            check(diffs, at + "weak bind table (set)",
                    new LinkedHashSet<>(SymbolDump.bindTable(file, arch, "Weak bind table:")),
                    new LinkedHashSet<>(rows(image, MachOImport.Source.WEAK_BIND)));
        } else {
            // llvm-nm -m says "weak" for N_WEAK_REF (a weak import) and for N_REF_TO_WEAK (0x80: a reference to a
            // weak definition, coalesced, not weak): its weak imports must include ours, and where it says not
            // weak neither may we.
            List<SymbolDump.Import> nm = SymbolDump.nmUndefined(file, arch);
            List<SymbolDump.Import> mine = rows(image, MachOImport.Source.SYMBOL_TABLE);
            check(diffs, at + "nlist imports (set of name, library)", names(nm), names(mine));
            Set<String> nmWeak = new LinkedHashSet<>(nm.stream().filter(SymbolDump.Import::weak).map(SymbolDump.Import::name).toList());
            List<String> weakNotInNm = mine.stream().filter(SymbolDump.Import::weak).map(SymbolDump.Import::name)
                    .filter(n -> !nmWeak.contains(n)).toList();
            check(diffs, at + "nlist weak imports llvm-nm does not call weak", List.of(), weakNotInNm);
        }
    }

    private static Set<List<String>> names(List<SymbolDump.Import> rows) {
        return new LinkedHashSet<>(rows.stream().map(r -> List.of(r.name(), r.library())).toList());
    }

    /** The trie's order is llvm's walk (a name after its extensions) or ours (before them); dyld does not care. */
    private static List<SymbolDump.Export> sorted(List<SymbolDump.Export> exports) {
        return exports.stream().sorted(java.util.Comparator.comparing(SymbolDump.Export::name)).toList();
    }

    private static List<SymbolDump.Import> rows(MachOFile image, MachOImport.Source source) throws MalformedBinaryException {
        List<SymbolDump.Import> rows = new ArrayList<>();
        for (MachOImport i : image.imports()) {
            if (source == null || i.source() == source) {
                rows.add(new SymbolDump.Import(i.name(), library(image, i.libraryOrdinal()), i.weak()));
            }
        }
        return rows;
    }

    /** {@return the library as llvm names it}: the dylib's short name, or the special ordinal's word */
    static String library(MachOFile image, int ordinal) {
        return switch (ordinal) {
            case MachOImport.SELF -> "this-image";
            case MachOImport.MAIN_EXECUTABLE -> "main-executable";
            case MachOImport.FLAT_LOOKUP -> "flat-namespace";
            case MachOImport.WEAK_LOOKUP -> "weak";
            default -> ordinal > 0 && ordinal <= image.dependencies().size()
                    ? shortName(image.dependencies().get(ordinal - 1).name()) : "ordinal " + ordinal;
        };
    }

    /** llvm's short name: a framework's name, or a dylib's leaf up to its first dot ({@code libSystem.B.dylib}: libSystem). */
    static String shortName(String installName) {
        String leaf = installName.substring(installName.lastIndexOf('/') + 1);
        if (!installName.contains(".framework/")) {
            int dot = leaf.indexOf('.');
            leaf = dot < 0 ? leaf : leaf.substring(0, dot);
        }
        for (String suffix : List.of("_debug", "_profile")) {
            if (leaf.endsWith(suffix)) {
                leaf = leaf.substring(0, leaf.length() - suffix.length());
            }
        }
        return leaf;
    }

    private static boolean has(MachOFile image, int type) {
        return image.loadCommands().stream().anyMatch(c -> c.type().value() == type);
    }

    private static boolean isImage(Path p) {
        String n = p.getFileName().toString();
        return !n.endsWith(".c") && !n.endsWith(".sh") && !n.endsWith(".txt") && !n.endsWith(".o");
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static void check(List<String> diffs, String what, Object reference, Object mine) {
        if (!Objects.equals(reference, mine)) {
            diffs.add(what + ":\n    llvm   " + reference + "\n    parser " + mine);
        }
    }
}
