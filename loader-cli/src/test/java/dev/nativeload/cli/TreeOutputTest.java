package dev.nativeload.cli;

import static dev.nativeload.cli.TreeJson.child;
import static dev.nativeload.cli.TreeJson.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nativeload.binary.Architecture;
import dev.nativeload.resolve.DependencyNode;
import dev.nativeload.resolve.DependencyResolver;
import dev.nativeload.resolve.ResolveHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What {@code tree} prints for trees only a macOS or Windows host resolves: the resolver's committed
 * Mach-O framework and PE delay-load fixtures (testdata/resolve/macho/fw, testdata/resolve/windows),
 * resolved for such a host here, since {@code tree} itself resolves for the machine it runs on.
 */
class TreeOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path resolve;

    @BeforeAll
    static void fixtures() {
        Path root = Fixtures.root();
        Assumptions.assumeTrue(root != null && Files.isDirectory(root.resolve("resolve/windows")), "no resolver fixtures");
        resolve = root.resolve("resolve");
    }

    private static DependencyNode delayApp() throws Exception {
        Path win = resolve.resolve("windows");
        ResolveHost host = ResolveHost.windows(Architecture.X86_64, win.resolve("sys32")).withKnownDlls(Set.of("kernel32.dll"));
        return new DependencyResolver(host).resolve(win.resolve("app/delayapp.exe").toString());
    }

    private static DependencyNode frameworkApp(Map<String, String> env) throws Exception {
        ResolveHost host = ResolveHost.macos(Architecture.AARCH64).withEnv(env);
        return new DependencyResolver(host).resolve(resolve.resolve("macho/fw/bin/fwapp").toString());
    }

    @Test
    void delayLoadImportsCarryDelayLoadTrueInJsonAndStaticOnesDoNot() throws Exception {
        JsonNode root = JSON.readTree(TreeOutput.json(delayApp()));
        JsonNode missing = child(root, "delaymissing.dll");
        assertTrue(missing.get("delayLoad").asBoolean());
        assertEquals("NOT_FOUND", missing.get("how").asText());
        assertTrue(missing.get("path").isNull());
        assertEquals(resolve.resolve("windows/app/delaymissing.dll").toString(), strings(missing.get("tried")).getFirst());
        assertTrue(missing.get("note").asText().startsWith("delay-load: the program starts without it"));
        JsonNode middle = child(root, "middle.dll");
        assertFalse(middle.has("delayLoad"), "a static import has no delayLoad field");
        JsonNode dep = child(middle, "dep.dll");
        assertTrue(dep.get("delayLoad").asBoolean());
        assertEquals("APP_DIR", dep.get("how").asText());
        assertEquals(resolve.resolve("windows/app/dep.dll").toString(), dep.get("path").asText());
        assertEquals("ALREADY_LOADED", child(root, "delaydep.dll").get("how").asText());
    }

    @Test
    void textMarksDelayLoadImportsAndSaysAMissingOneOnlyFailsOnTheFirstCall() throws Exception {
        String text = TreeOutput.text(delayApp());
        String app = resolve.resolve("windows/app").toString();
        assertTrue(text.contains("dep.dll => " + app + "/dep.dll [APP_DIR, delay-load]"), text);
        assertTrue(text.contains("delaydep.dll => " + app + "/delaydep.dll [ALREADY_LOADED, delay-load]"), text);
        assertTrue(text.contains("middle.dll => " + app + "/middle.dll [APP_DIR]\n"), text);
        assertTrue(text.contains("delaymissing.dll not found\n"), text);
        assertTrue(text.contains("(delay-load: the program starts without it; the first call into it fails)"), text);
        assertTrue(text.contains("tried " + app + "/delaymissing.dll [APP_DIR]: no such file"), text);
    }

    @Test
    void frameworkSearchStepsAreNamedInJsonAndText() throws Exception {
        Path fw = resolve.resolve("macho/fw");
        DependencyNode tree = frameworkApp(Map.of("DYLD_FRAMEWORK_PATH", fw.resolve("override").toString(),
                "DYLD_FALLBACK_FRAMEWORK_PATH", fw.resolve("Fallback").toString()));
        JsonNode root = JSON.readTree(TreeOutput.json(tree));
        JsonNode foo = child(root, "@rpath/Foo.framework/Versions/A/Foo");
        assertEquals("DYLD_FRAMEWORK_PATH", foo.get("how").asText());
        assertEquals(fw.resolve("override") + "/Foo.framework/Versions/A/Foo", foo.get("path").asText());
        JsonNode bar = child(root, "@rpath/Bar.framework/Bar");
        assertEquals("FALLBACK_FRAMEWORK", bar.get("how").asText());
        assertEquals(List.of(fw.resolve("override") + "/Bar.framework/Bar", fw.resolve("bin") + "/../Frameworks/Bar.framework/Bar"),
                strings(bar.get("tried")));

        String text = TreeOutput.text(tree);
        assertTrue(text.contains("@rpath/Bar.framework/Bar => " + fw.resolve("Fallback") + "/Bar.framework/Bar [FALLBACK_FRAMEWORK]"),
                text);
        assertTrue(text.contains("/System/Library/Frameworks/CoreFoundation.framework/Versions/A/CoreFoundation [SHARED_CACHE]"),
                text);
        assertTrue(TreeOutput.allFound(tree), text);
        assertFalse(TreeOutput.allFound(frameworkApp(Map.of())), "without the fallback variable Bar is not found");
    }
}
