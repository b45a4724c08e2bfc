package dev.nativeload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@code nativeload doctor}: real loads through loader-ffm, of real and deliberately broken libraries. */
class DoctorCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static JsonNode json(CliRun run) throws Exception {
        List<String> lines = run.outLines();
        assertEquals(1, lines.size(), "one JSON object on one line:\n" + run.out());
        return JSON.readTree(lines.get(0));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void zlibLoadsByNameWithExitZeroAndItsPathIsARealFile() throws Exception {
        CliRun run = CliRun.run(dir, "doctor", "--json", "z");
        assertEquals(0, run.status(), run.err());
        JsonNode node = json(run);
        assertTrue(node.get("loaded").asBoolean());
        assertTrue(node.get("cause").isNull());
        Path path = Path.of(node.get("path").asText());
        assertTrue(path.isAbsolute() && Files.isRegularFile(path), path.toString());
        assertTrue(path.getFileName().toString().startsWith("libz.so"), path.toString());
        JsonNode last = node.get("attempts").get(node.get("attempts").size() - 1);
        assertEquals("LOADED", last.get("outcome").asText());
        assertEquals(path.toString(), last.get("path").asText());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void textVerdictOfALoadNamesTheFileAndTheHost() {
        CliRun run = CliRun.run(dir, "doctor", "z");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().startsWith("verdict: LOADED z from /"), run.out());
        assertTrue(run.out().contains("platform: linux-"), run.out());
        assertTrue(run.out().contains("page size: "), run.out());
        assertTrue(run.out().contains("LD_LIBRARY_PATH="), run.out());
    }

    @Test
    void missingNameExitsOneWithNotFoundAndEveryAttemptListed() throws Exception {
        CliRun run = CliRun.run(dir, "doctor", "--json", "nativeload-no-such-library");
        assertEquals(1, run.status());
        JsonNode node = json(run);
        assertFalse(node.get("loaded").asBoolean());
        assertTrue(node.get("path").isNull());
        assertEquals("NOT_FOUND", node.get("cause").get("kind").asText());
        assertFalse(node.get("cause").get("hint").asText().isBlank());
        List<String> strategies = new ArrayList<>();
        for (JsonNode a : node.get("attempts")) {
            assertTrue(List.of("SKIPPED", "FAILED").contains(a.get("outcome").asText()), a.toString());
            assertEquals("NOT_FOUND", a.get("cause").get("kind").asText(), a.toString());
            strategies.add(a.get("strategy").asText());
        }
        assertTrue(strategies.contains("system") && strategies.contains("directory-search"), strategies.toString());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aarch64LibraryIsWrongArchitectureWithAHintAndItsDirectoryMountFlags() throws Exception {
        CCompiler.require("aarch64-linux-gnu-gcc");
        CCompiler.compile(dir, "aarch64-linux-gnu-gcc", "arm", "int arm_answer(void) { return 42; }\n",
                "-shared", "-fPIC", "-o", "libarm.so");
        CliRun run = CliRun.run(dir, "doctor", "--json", "libarm.so"); // exists in the working directory: a file
        assertEquals(1, run.status(), run.out());
        JsonNode node = json(run);
        JsonNode cause = node.get("cause");
        assertEquals("WRONG_ARCHITECTURE", cause.get("kind").asText());
        assertTrue(cause.get("message").asText().contains("aarch64"), cause.toString());
        assertFalse(cause.get("hint").asText().isBlank());
        List<String> mounted = new ArrayList<>();
        node.get("host").get("mounts").forEach(m -> mounted.add(m.get("directory").asText()));
        assertTrue(mounted.contains(dir.toRealPath().toString()) || mounted.contains(dir.toAbsolutePath().toString()),
                mounted.toString());
        JsonNode flags = node.get("host").get("mounts").get(0).get("flags");
        assertTrue(flags.has("noExec") && flags.has("readOnly"), flags.toString());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void deletedDependencyIsMissingDependencyNamingItAndWhoNeedsIt() throws Exception {
        CCompiler.require("gcc");
        CCompiler.compile(dir, "gcc", "bar", "int bar(void) { return 7; }\n",
                "-shared", "-fPIC", "-Wl,-soname,libbar.so.7", "-o", "libbar.so.7");
        CCompiler.compile(dir, "gcc", "foo", "int bar(void);\nint foo(void) { return bar(); }\n",
                "-shared", "-fPIC", "-o", "libfoo.so", "./libbar.so.7");
        Files.delete(dir.resolve("libbar.so.7"));
        Path foo = dir.resolve("libfoo.so");

        CliRun run = CliRun.run(dir, "doctor", "--json", foo.toString());
        assertEquals(1, run.status(), run.out());
        JsonNode cause = json(run).get("cause");
        assertEquals("MISSING_DEPENDENCY", cause.get("kind").asText());
        assertEquals("libbar.so.7", cause.get("dependency").asText());
        assertTrue(cause.get("neededBy").asText().contains("libfoo.so"), cause.toString());

        CliRun text = CliRun.run(dir, "doctor", foo.toString());
        assertEquals(1, text.status());
        assertTrue(text.out().startsWith("verdict: NOT LOADED "), text.out());
        assertTrue(text.out().contains("MISSING_DEPENDENCY"), text.out());
        assertTrue(text.out().contains("dependency: libbar.so.7"), text.out());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void notFoundCauseCarriesTheLoadersOwnWordsAndTheErrnoName() throws Exception {
        JsonNode cause = json(CliRun.run(dir, "doctor", "--json", "nativeload-no-such-library")).get("cause");
        assertTrue(cause.get("osMessage").asText().contains("libnativeload-no-such-library.so"), cause.toString());
        assertEquals("ENOENT", cause.get("errno").asText());
        assertEquals(2, cause.get("osCode").asInt());
        assertFalse(cause.has("dependency"), "no dependency is to blame: " + cause);
    }

    @Test
    void nativeloadSystemPropertiesAreAmongTheHostFacts() throws Exception {
        String property = "nativeload.doctor-test.path";
        System.setProperty(property, "/nowhere/libdoctor-test.so");
        try {
            JsonNode node = json(CliRun.run(dir, "doctor", "--json", "nativeload-no-such-library"));
            assertEquals("/nowhere/libdoctor-test.so", node.get("host").get("properties").get(property).asText());
        } finally {
            System.clearProperty(property);
        }
    }

    @Test
    void jsonHasEveryDocumentedMemberWithItsType() throws Exception {
        JsonNode node = json(CliRun.run(dir, "doctor", "--json", "nativeload-no-such-library"));
        assertTrue(node.get("loaded").isBoolean());
        assertTrue(node.has("path"));
        for (String field : List.of("kind", "message", "hint")) {
            assertTrue(node.get("cause").get(field).isTextual(), field);
        }
        assertTrue(node.get("attempts").isArray());
        for (JsonNode a : node.get("attempts")) {
            for (String field : List.of("strategy", "origin", "target", "outcome")) {
                assertTrue(a.get(field).isTextual(), field + " in " + a);
            }
            assertTrue(a.get("elapsedMicros").isIntegralNumber(), a.toString());
        }
        JsonNode host = node.get("host");
        for (String field : List.of("platform", "os", "arch", "libc", "nativeAccess")) {
            assertTrue(host.get(field).isTextual(), field);
        }
        assertTrue(host.get("pageSize").asLong() >= 4096, host.toString());
        assertTrue(host.get("mounts").isArray());
        assertTrue(host.get("environment").has("LD_LIBRARY_PATH"));
        assertTrue(host.get("environment").has("DYLD_FALLBACK_LIBRARY_PATH"));
        assertEquals(System.getProperty("java.io.tmpdir"), host.get("properties").get("java.io.tmpdir").asText());
    }

    @Test
    void argumentWithASlashIsLoadedAsThatFileEvenWhenAbsent() throws Exception {
        CliRun run = CliRun.run(dir, "doctor", "--json", "./libabsent.so");
        assertEquals(1, run.status());
        JsonNode node = json(run);
        assertEquals("NOT_FOUND", node.get("cause").get("kind").asText());
        assertEquals(1, node.get("attempts").size(), "a file is one attempt, no search: " + node.get("attempts"));
        JsonNode attempt = node.get("attempts").get(0);
        assertEquals("file", attempt.get("strategy").asText());
        assertEquals(dir.resolve("libabsent.so").normalize(), Path.of(attempt.get("target").asText()).normalize());
    }

    @Test
    void missingArgumentIsAUsageError() {
        assertEquals(2, CliRun.run(dir, "doctor").status());
        assertEquals(2, CliRun.run(dir, "doctor", "a", "b").status());
    }

    @Test
    void blankNameIsAUsageError() {
        CliRun run = CliRun.run(dir, "doctor", " ");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("blank"), run.err());
    }
}
