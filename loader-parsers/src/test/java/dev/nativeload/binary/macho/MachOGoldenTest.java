package dev.nativeload.binary.macho;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.binary.BinarySummary;
import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.binary.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every fixture in testdata/macho read against the golden facts in testdata/macho/expected.txt. */
class MachOGoldenTest {
    private static final Map<String, Map<String, List<String>>> GOLDEN = Golden.read(TestData.path("macho", "expected.txt"));

    static Stream<String> files() {
        return GOLDEN.keySet().stream().map(k -> k.split("#")[0]).distinct();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void everyFixtureReadsToItsGoldenFacts(String name) throws Exception {
        Path file = TestData.path("macho", name);
        Map<String, List<String>> fileFacts = GOLDEN.get(name);
        if (fileFacts != null && fileFacts.containsKey("fat")) {
            FatMachOFile fat = FatMachOFile.read(file);
            Map<String, List<String>> actual = new LinkedHashMap<>();
            Golden.put(actual, "fat", (fat.is64() ? "FAT_MAGIC_64 " : "FAT_MAGIC ") + fat.slices().size());
            for (FatSlice s : fat.slices()) {
                Golden.put(actual, "slice", s.cpuSubtype().archName() + " " + s.offset() + " " + s.size() + " " + s.align());
                String key = name + "#" + s.cpuSubtype().archName();
                assertEquals(GOLDEN.get(key), Golden.factsOf(s.image()), key);
                checkSummaryAgrees(GOLDEN.get(key), s.image().summary());
            }
            assertEquals(fileFacts, actual, name);
        } else {
            MachOFile image = MachOFile.read(file);
            assertEquals(fileFacts, Golden.factsOf(image), name);
            checkSummaryAgrees(fileFacts, image.summary());
        }
    }

    /** The format-independent summary says what the Mach-O API says. */
    private static void checkSummaryAgrees(Map<String, List<String>> expected, BinarySummary summary) {
        List<String> needed = new ArrayList<>();
        for (String d : expected.getOrDefault("dylib", List.of())) {
            needed.add(d.split(" ")[1]);
        }
        assertEquals(needed, summary.needed(), "summary needed");
        assertEquals(Optional.ofNullable(expected.get("id")).map(v -> v.get(0).split(" ")[0]), summary.soname(), "soname");
        assertEquals(expected.getOrDefault("rpath", List.of()), summary.rpath(), "rpath");
        assertEquals(Optional.ofNullable(expected.get("dylinker")).map(v -> v.get(0)), summary.interpreter(), "interpreter");
        assertEquals(LibcFlavor.NOT_APPLICABLE, summary.libc());
        assertTrue(summary.runpath().isEmpty() && summary.delayImports().isEmpty() && summary.versionNeeds().isEmpty());
    }

    @Test
    void everyCommittedFixtureHasGoldenFacts() throws IOException {
        Path dir = TestData.path("macho");
        Set<String> binaries = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .filter(n -> !n.startsWith("src/") && !n.equals("build.sh") && !n.equals("expected.txt"))
                    .forEach(binaries::add);
        }
        assertFalse(binaries.isEmpty());
        assertEquals(binaries, new TreeSet<>(files().toList()));
    }
}
