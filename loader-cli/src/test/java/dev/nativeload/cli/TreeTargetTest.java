package dev.nativeload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nativeload tree --target}: a tree for another platform's loader, asked on this host, over
 * the resolver's committed Windows and macOS fixtures (plain files, so any host can run these).
 */
class TreeTargetTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path windows;
    private static Path frameworks;

    @TempDir
    Path dir;

    @BeforeAll
    static void fixtures() {
        Path root = Fixtures.root();
        Assumptions.assumeTrue(root != null && Files.isDirectory(root.resolve("resolve/windows")), "no resolver fixtures");
        windows = root.resolve("resolve/windows");
        frameworks = root.resolve("resolve/macho/fw");
    }

    private static JsonNode child(JsonNode node, String name) {
        return TreeJson.child(node, name);
    }

    private static List<String> tried(JsonNode node) {
        return TreeJson.strings(node.get("tried"));
    }

    @Test
    void windowsTargetResolvesAPeTreeWithPathFromEnvAndDelayLoadsMarked() throws Exception {
        String app = windows.resolve("app/delayapp.exe").toString();
        CliRun run = CliRun.run(dir, "tree", "--json", "--target", "windows-x86_64",
                "--system-dir", windows.resolve("sys32").toString(), "--env", "PATH=" + windows.resolve("path"), app);
        JsonNode root = JSON.readTree(run.outLines().getFirst());
        JsonNode middle = child(root, "middle.dll");
        assertEquals(windows.resolve("app/middle.dll").toString(), middle.get("path").asText());
        assertEquals("APP_DIR", middle.get("how").asText());
        assertTrue(middle.path("delayLoad").isMissingNode(), "a static import carries no delayLoad");
        JsonNode missing = child(root, "delaymissing.dll");
        assertTrue(missing.get("path").isNull());
        assertTrue(missing.get("delayLoad").asBoolean());
        assertTrue(tried(missing).contains(windows.resolve("sys32/delaymissing.dll").toString()),
                "System32 is the directory given: " + tried(missing));
        assertTrue(tried(missing).contains(windows.resolve("path/delaymissing.dll").toString()),
                "PATH comes from --env: " + tried(missing));
        assertEquals(1, run.status(), "a dependency (a delay-load one) is missing");
    }

    @Test
    void osxTargetSearchesDyldFrameworkPathFromEnvBeforeTheInstallName() throws Exception {
        Path app = frameworks.resolve("bin/fwapp");
        Assumptions.assumeTrue(Files.isRegularFile(app), "framework fixture");
        CliRun run = CliRun.run(dir, "tree", "--json", "--target", "osx-aarch64",
                "--env", "DYLD_FRAMEWORK_PATH=" + frameworks.resolve("override"), app.toString());
        JsonNode foo = child(JSON.readTree(run.outLines().getFirst()), "@rpath/Foo.framework/Versions/A/Foo");
        assertEquals("DYLD_FRAMEWORK_PATH", foo.get("how").asText());
        assertEquals(frameworks.resolve("override") + "/Foo.framework/Versions/A/Foo", foo.get("path").asText());
    }

    @Test
    void aWindowsTargetWithoutSystemDirIsAUsageError() {
        CliRun run = CliRun.run(dir, "tree", "--target", "windows-x86_64", windows.resolve("app/app.exe").toString());
        assertEquals(2, run.status());
        assertTrue(run.err().contains("needs --system-dir"), run.err());
    }

    @Test
    void systemDirWithoutAWindowsTargetIsAUsageError() {
        CliRun run = CliRun.run(dir, "tree", "--system-dir", "/tmp", windows.resolve("app/app.exe").toString());
        assertEquals(2, run.status());
        assertTrue(run.err().contains("--system-dir applies to a windows --target only"), run.err());
    }

    @Test
    void anUnknownTargetIsAUsageErrorThatNamesIt() {
        CliRun run = CliRun.run(dir, "tree", "--target", "plan9-x86_64", windows.resolve("app/app.exe").toString());
        assertEquals(2, run.status());
        assertTrue(run.err().contains("unknown OS 'plan9'"), run.err());
    }
}
