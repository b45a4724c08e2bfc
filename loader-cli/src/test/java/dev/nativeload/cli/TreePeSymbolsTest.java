package dev.nativeload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tree --symbols} on a Windows tree (testdata/pe/bind, mingw-built), with an empty stand-in System32. */
class TreePeSymbolsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path bind;

    @TempDir
    Path dir;

    @BeforeAll
    static void fixtures() {
        Path root = Fixtures.root();
        Assertions.assertTrue(root != null && Files.isDirectory(root.resolve("pe/bind")), "testdata/pe/bind is committed");
        bind = root.resolve("pe/bind");
    }

    private CliRun tree(String... args) throws Exception {
        Path system = Files.createDirectories(dir.resolve("system32"));
        String[] all = new String[args.length + 6];
        System.arraycopy(new String[] {"tree", "--symbols", "--target", "windows-x86_64", "--system-dir", system.toString()}, 0, all, 0, 6);
        System.arraycopy(args, 0, all, 6, args.length);
        return CliRun.run(dir, all);
    }

    @Test
    void jsonNamesTheDllEachUnresolvedImportWasExpectedInAndExitIsOne() throws Exception {
        String exe = bind.resolve("useall.exe").toString();
        CliRun run = tree("--json", exe);
        assertEquals(1, run.status(), run.err());
        JsonNode u = JSON.readTree(run.outLines().getFirst()).get("unresolved");
        assertEquals(4, u.size(), u.toString());
        assertEquals("f2", u.get(0).get("symbol").asText());
        assertEquals("foo.dll", u.get(0).get("library").asText());
        assertTrue(u.get(0).get("version").isNull());
        assertEquals(exe, u.get(0).get("object").asText());
        assertFalse(u.get(0).get("weak").asBoolean());
        assertFalse(u.get(0).get("delayLoad").asBoolean());
        assertEquals("#7", u.get(3).get("symbol").asText());
        assertEquals("ords.dll", u.get(3).get("library").asText());
    }

    @Test
    void textListsUnresolvedImportsUnderTheTreeInWindowsWords() throws Exception {
        String exe = bind.resolve("lazy.exe").toString();
        CliRun run = tree(exe);
        assertEquals(1, run.status(), run.err());
        assertTrue(run.out().contains("The procedure entry point f2 could not be located in the dynamic link library foo.dll"
                + " (delay-load: the image loads; the first call fails with 0xC06D007F)\t(" + exe + ")\n"), run.out());
        assertTrue(run.out().startsWith(exe + " [INPUT]\n"), run.out());
    }

    @Test
    void treeWhoseImportsAllBindExitsZero() throws Exception {
        CliRun run = tree("--json", bind.resolve("clean.exe").toString());
        assertEquals(0, run.status(), run.out() + run.err());
        assertEquals(0, JSON.readTree(run.outLines().getFirst()).get("unresolved").size());
    }
}
