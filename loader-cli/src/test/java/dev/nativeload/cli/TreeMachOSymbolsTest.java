package dev.nativeload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nativeload tree --symbols --target osx-...} over the Mach-O binding fixtures
 * (testdata/macho/binding): the JSON "library" field, dyld's words under the text tree, the exit status.
 */
class TreeMachOSymbolsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path binding;

    @TempDir
    Path dir;

    @BeforeAll
    static void fixtures() {
        Path root = Fixtures.root();
        Assumptions.assumeTrue(root != null && Files.isDirectory(root.resolve("macho/binding")), "no Mach-O fixtures");
        binding = root.resolve("macho/binding");
    }

    @Test
    void jsonNamesTheLibraryTheSymbolWasExpectedInAndExitIsOne() throws Exception {
        String user = binding.resolve("arm64-macos12/libuser.dylib").toString();
        CliRun run = CliRun.run(dir, "tree", "--symbols", "--json", "--target", "osx-aarch64", user);
        assertEquals(1, run.status(), run.err());
        JsonNode u = JSON.readTree(run.outLines().getFirst()).get("unresolved");
        assertEquals(1, u.size(), u.toString());
        assertEquals("_f2", u.get(0).get("symbol").asText());
        assertTrue(u.get(0).get("version").isNull());
        assertEquals(user, u.get(0).get("object").asText());
        assertEquals(binding.resolve("arm64-macos12/libzoo.dylib").toString(), u.get(0).get("library").asText());
    }

    @Test
    void textSaysSymbolNotFoundReferencedFromExpectedInAsDyldDoes() throws Exception {
        String user = binding.resolve("x86_64-macos10.15/libuser.dylib").toString();
        CliRun run = CliRun.run(dir, "tree", "--symbols", "--target", "osx-x86_64", user);
        assertEquals(1, run.status(), run.err());
        assertTrue(run.out().contains("Symbol not found: _f2\n  Referenced from: " + user + "\n  Expected in: "
                + binding.resolve("x86_64-macos10.15/libzoo.dylib") + "\n"), run.out());
        assertTrue(run.out().contains("(" + user + ": 1 import not checked: /usr/lib/libSystem.B.dylib not read)"),
                run.out());
    }

    @Test
    void treeThatBindsEverythingExitsZeroWithAnEmptyUnresolvedList() throws Exception {
        CliRun run = CliRun.run(dir, "tree", "--symbols", "--json", "--target", "osx-aarch64",
                binding.resolve("arm64-macos12/libreuser.dylib").toString());
        assertEquals(0, run.status(), run.out() + run.err());
        assertEquals(0, JSON.readTree(run.outLines().getFirst()).get("unresolved").size());
    }
}
