package dev.nativeload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * {@code nativeload tree --symbols} over the symbol fixtures (testdata/symbols, x86-64 glibc
 * binaries): the JSON fields and the {@code ldd -r} lines, and the exit status they set.
 */
class TreeSymbolsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path symbols;

    @TempDir
    Path dir;

    @BeforeAll
    static void fixtures() {
        Path root = Fixtures.root();
        Assumptions.assumeTrue(root != null && Files.isDirectory(root.resolve("symbols/x86_64")), "no symbol fixtures");
        Assumptions.assumeTrue(System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64"),
                "the symbol fixtures are x86-64 Linux binaries");
        symbols = root.resolve("symbols/x86_64");
    }

    @Test
    void jsonListsTheUndefinedSymbolAndTheMissingVersionAndExitIsOne() throws Exception {
        String lib = symbols.resolve("version-not-found/libzoouser.so").toString();
        CliRun run = CliRun.run(dir, "tree", "--symbols", "--json", lib);
        assertEquals(1, run.status(), run.err());
        JsonNode root = JSON.readTree(run.outLines().getFirst());
        JsonNode u = root.get("unresolved");
        assertEquals(1, u.size(), u.toString());
        assertEquals("f2", u.get(0).get("symbol").asText());
        assertEquals("ZOO_2.0", u.get(0).get("version").asText());
        assertEquals(lib, u.get(0).get("object").asText());
        assertFalse(u.get(0).get("weak").asBoolean());
        JsonNode v = root.get("versionErrors");
        assertEquals(1, v.size(), v.toString());
        assertEquals("ZOO_2.0", v.get(0).get("version").asText());
        assertEquals("libzoo.so", v.get(0).get("file").asText());
        assertEquals(lib, v.get(0).get("object").asText());
        assertTrue(root.get("children").isArray(), "the tree is still there");
    }

    @Test
    void unversionedUndefinedSymbolHasANullVersion() throws Exception {
        CliRun run = CliRun.run(dir, "tree", "--symbols", "--json", symbols.resolve("missing-data/libuser.so").toString());
        JsonNode u = JSON.readTree(run.outLines().getFirst()).get("unresolved");
        assertEquals("dep_var", u.get(0).get("symbol").asText());
        assertTrue(u.get(0).get("version").isNull());
    }

    @Test
    void textListsFindingsUnderTheTreeInLddRWords() throws Exception {
        String lib = symbols.resolve("version-not-found/libzoouser.so").toString();
        CliRun run = CliRun.run(dir, "tree", "--symbols", lib);
        String out = run.out();
        int tree = out.indexOf("libzoo.so => ");
        int missing = out.indexOf(symbols.resolve("version-not-found/libzoo.so") + ": version `ZOO_2.0' not found (required by " + lib + ")");
        int undefined = out.indexOf("undefined symbol: f2, version ZOO_2.0\t(" + lib + ")");
        assertTrue(tree >= 0 && missing > tree && undefined > tree, out);
    }

    @Test
    void cleanTreeExitsZeroWithEmptyLists() throws Exception {
        CliRun run = CliRun.run(dir, "tree", "--symbols", "--json", symbols.resolve("clean/libuser.so").toString());
        assertEquals(0, run.status(), run.out() + run.err());
        JsonNode root = JSON.readTree(run.outLines().getFirst());
        assertEquals(0, root.get("unresolved").size());
        assertEquals(0, root.get("versionErrors").size());
        assertTrue(root.get("bindings") == null, "bindings only with --bindings");
    }

    @Test
    void bindingsNameTheWinningDefinitionAndLeaveWeakOnesUnresolved() throws Exception {
        CliRun run = CliRun.run(dir, "tree", "--symbols", "--bindings", "--json", symbols.resolve("clean/libuser.so").toString());
        JsonNode bindings = JSON.readTree(run.outLines().getFirst()).get("bindings");
        boolean fn = false;
        boolean weak = false;
        for (JsonNode b : bindings) {
            if (b.get("symbol").asText().equals("dep_fn")) {
                fn = b.get("definedIn").asText().equals(symbols.resolve("clean/libdep.so").toString())
                        && b.get("kind").asText().equals("PLT");
            }
            if (b.get("symbol").asText().equals("dep_weak")) {
                weak = b.get("definedIn").isNull();
            }
        }
        assertTrue(fn && weak, bindings.toString());
    }

    @Test
    void withoutSymbolsTheTreeHasNoSymbolFieldsAndBindingsAloneIsAUsageError() throws Exception {
        String lib = symbols.resolve("missing-data/libuser.so").toString();
        CliRun plain = CliRun.run(dir, "tree", "--json", lib);
        assertEquals(0, plain.status(), "every dependency is found");
        assertTrue(JSON.readTree(plain.outLines().getFirst()).get("unresolved") == null);
        assertEquals(2, CliRun.run(dir, "tree", "--bindings", lib).status());
    }

    @Test
    void symbolsForANonGlibcTargetIsAUsageError() throws Exception {
        CliRun run = CliRun.run(dir, "tree", "--symbols", "--target", "linux-x86_64-musl",
                symbols.resolve("clean/libuser.so").toString());
        assertEquals(2, run.status());
        assertTrue(run.err().contains("--symbols"), run.err());
    }
}
