package dev.nativeload.cli;

import static dev.nativeload.cli.TreeJson.child;
import static dev.nativeload.cli.TreeJson.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nativeload tree} over the resolver's committed fixtures (testdata/resolve/elf, built for
 * x86-64 Linux with glibc, so the tests need such a host).
 */
class TreeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path elf;

    @TempDir
    Path dir;

    @BeforeAll
    static void fixtures() {
        Path root = Fixtures.root();
        Assumptions.assumeTrue(root != null && Files.isDirectory(root.resolve("resolve/elf")), "no resolver fixtures");
        Assumptions.assumeTrue(System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64"),
                "the resolver fixtures are x86-64 Linux binaries");
        elf = root.resolve("resolve/elf");
    }

    private static List<JsonNode> objects(CliRun run) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : run.outLines()) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    @Test
    void runpathIsNotInheritedSoTheGrandchildIsNotFoundWithEveryPlaceTriedAndExitIsOne() throws Exception {
        String app = elf.resolve("inherit/app_runpath").toString();
        CliRun run = CliRun.run(dir, "tree", "--json", app);
        assertEquals(1, run.status(), "a dependency is missing");
        JsonNode root = objects(run).getFirst();
        assertEquals(app, root.get("path").asText());
        assertEquals("INPUT", root.get("how").asText());
        JsonNode child = child(root, "libchild.so");
        assertEquals(elf.resolve("inherit/lib/libchild.so").toString(), child.get("path").asText());
        assertEquals("RUNPATH", child.get("how").asText());
        JsonNode grand = child(child, "libgrand.so");
        assertTrue(grand.get("path").isNull());
        assertEquals("NOT_FOUND", grand.get("how").asText());
        List<String> tried = strings(grand.get("tried"));
        assertFalse(tried.isEmpty());
        assertTrue(tried.stream().noneMatch(t -> t.startsWith(elf.resolve("inherit/lib").toString())),
                "the child's RUNPATH is not searched for the grandchild: " + tried);
        assertTrue(grand.get("children").isArray() && grand.get("children").isEmpty());
    }

    @Test
    void rpathIsInheritedSoTheGrandchildResolvesAndExitIsZero() throws Exception {
        CliRun run = CliRun.run(dir, "tree", "--json", elf.resolve("inherit/app_rpath").toString());
        assertEquals(0, run.status(), run.out());
        JsonNode grand = child(child(objects(run).getFirst(), "libchild.so"), "libgrand.so");
        assertEquals(elf.resolve("inherit/lib/libgrand.so").toString(), grand.get("path").asText());
        assertEquals("RPATH", grand.get("how").asText());
    }

    @Test
    void wrongClassCandidateIsListedInTriedBeforeTheOneTaken() throws Exception {
        JsonNode wc = child(objects(CliRun.run(dir, "tree", "--json", elf.resolve("wrongclass/app").toString())).getFirst(), "libwc.so");
        assertEquals(elf.resolve("wrongclass/good/libwc.so").toString(), wc.get("path").asText());
        assertEquals(elf.resolve("wrongclass/i386/libwc.so").toString(), strings(wc.get("tried")).getFirst());
    }

    @Test
    void relativeArgumentIsResolvedAgainstTheWorkingDirectoryAndKeptAsGivenAtTheRoot() throws Exception {
        CliRun run = CliRun.run(elf, "tree", "--json", "inherit/app_rpath");
        assertEquals(0, run.status(), run.out());
        JsonNode root = objects(run).getFirst();
        assertEquals("inherit/app_rpath", root.get("path").asText());
        assertEquals("inherit/app_rpath", root.get("name").asText());
        assertTrue(child(root, "libchild.so").get("path").asText().endsWith("inherit/lib/libchild.so"));
    }

    @Test
    void manyFilesGiveOneObjectPerLineAndAnUnreadableOneAnErrorObject() throws Exception {
        CliRun run = CliRun.run(dir, "tree", "--json", elf.resolve("inherit/app_rpath").toString(), "no-such-file",
                elf.resolve("wrongclass/app").toString());
        assertEquals(1, run.status());
        List<JsonNode> nodes = objects(run);
        assertEquals(3, nodes.size());
        assertEquals("no-such-file", nodes.get(1).get("path").asText());
        assertEquals("IO", nodes.get(1).get("error").get("kind").asText());
        assertEquals(elf.resolve("wrongclass/app").toString(), nodes.get(2).get("path").asText());
    }

    @Test
    void textTreeSaysHowEachWasFoundAndListsWhereAMissingOneWasSought() {
        CliRun run = CliRun.run(dir, "tree", elf.resolve("inherit/app_runpath").toString());
        assertEquals(1, run.status());
        String out = run.out();
        assertTrue(out.contains("libchild.so => " + elf.resolve("inherit/lib/libchild.so") + " [RUNPATH]"), out);
        assertTrue(out.contains("libgrand.so not found"), out);
        assertTrue(out.lines().anyMatch(l -> l.contains("tried ") && l.contains("libgrand.so")), out);
    }

    @Test
    void unreadableFileInTextModeGoesToStandardError() {
        CliRun run = CliRun.run(dir, "tree", "no-such-file");
        assertEquals(1, run.status());
        assertEquals("", run.out());
        assertEquals("no-such-file: IO: no such file\n", run.err());
    }
}
