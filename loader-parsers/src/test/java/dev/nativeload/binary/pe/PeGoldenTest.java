package dev.nativeload.binary.pe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nativeload.binary.testing.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks every committed fixture against {@code testdata/pe/expected.txt}, the golden facts
 * written from llvm-readobj and objdump output when the fixtures were built.
 */
class PeGoldenTest {

    /** {@return the golden file's blocks: fixture path to its fact lines, in file order} */
    static Map<String, List<String>> golden() {
        Map<String, List<String>> blocks = new LinkedHashMap<>();
        List<String> current = null;
        try {
            for (String line : Files.readAllLines(TestData.path("pe", "expected.txt"))) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (line.startsWith("file ")) {
                    current = new ArrayList<>();
                    blocks.put(line.substring(5).strip(), current);
                } else if (current != null) {
                    current.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return blocks;
    }

    static Stream<String> fixtureNames() {
        return golden().keySet().stream();
    }

    /** The same facts, in the golden file's line format, from the reader. */
    static List<String> facts(PeFile pe) {
        List<String> lines = new ArrayList<>();
        lines.add("machine " + pe.machine().name());
        lines.add("bits " + pe.summary().bits());
        lines.add("characteristics 0x" + Integer.toHexString(pe.coffHeader().characteristics().value()));
        lines.add("type " + pe.summary().fileType());
        lines.add("subsystem " + pe.subsystem().orElseThrow().name());
        for (ImportedDll dll : pe.imports()) {
            lines.add(("import " + dll.name() + " " + String.join(" ",
                    dll.functions().stream().map(Object::toString).toList())).strip());
        }
        for (DelayImportedDll dll : pe.delayImports()) {
            lines.add(("delay " + dll.name() + " " + String.join(" ",
                    dll.functions().stream().map(Object::toString).toList())).strip());
        }
        pe.exports().ifPresent(dir -> {
            lines.add("exportdll " + dir.dllName().orElse("-"));
            for (Export e : dir.exports()) {
                lines.add("export " + e.ordinal() + " " + e.name().orElse("-")
                        + e.forwarder().map(f -> " -> " + f).orElse(""));
            }
        });
        return lines;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtureNames")
    void fixtureMatchesGoldenFacts(String name) throws Exception {
        PeFile pe = PeFile.read(TestData.path("pe", name));
        assertEquals(golden().get(name), facts(pe));
    }

    @Test
    void everyCommittedFixtureHasGoldenFacts() {
        assertEquals(List.copyOf(PeFiles.fixtures().keySet()), golden().keySet().stream().sorted().toList());
    }
}
