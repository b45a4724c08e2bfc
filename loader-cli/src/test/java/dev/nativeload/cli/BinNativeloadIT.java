package dev.nativeload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code bin/nativeload} as a subprocess, after {@code package} has built the jar it runs. */
class BinNativeloadIT {
    @TempDir
    Path tmp;

    record Result(int status, String out, String err) {
    }

    static Path repoRoot() {
        String configured = System.getProperty("nativeload.root");
        Path root = configured != null ? Path.of(configured) : Path.of("..");
        return root.toAbsolutePath().normalize();
    }

    static Path launcher() {
        return repoRoot().resolve("bin/nativeload");
    }

    /** The JDK running this test: the toolchain's, so 22 or newer. */
    static Path currentJavaHome() {
        return Path.of(System.getProperty("java.home"));
    }

    Result run(Path script, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile());
        pb.environment().remove("JAVA_HOME");
        // The AOT cache has its own tests (LauncherAotCacheIT); here it would be made in the user's home.
        pb.environment().put("NATIVELOAD_AOT", "off");
        pb.environment().putAll(env);
        Path outFile = tmp.resolve("stdout-" + System.nanoTime());
        Path errFile = tmp.resolve("stderr-" + System.nanoTime());
        pb.redirectOutput(outFile.toFile()).redirectError(errFile.toFile());
        Process process = pb.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "bin/nativeload did not finish");
        return new Result(process.exitValue(), Files.readString(outFile), Files.readString(errFile));
    }

    Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return run(launcher(), env, args);
    }

    Map<String, String> withCurrentJava() {
        return Map.of("JAVA_HOME", currentJavaHome().toString());
    }

    /**
     * A fake JDK home whose java reports the given java.specification.version (what
     * scripts/find-java.sh reads) and, when run for real, prints "fake NAME", then each argument on
     * a line of its own, and exits with status 7.
     */
    Path fakeJdk(String name, String specificationVersion) throws IOException {
        Path home = tmp.resolve(name);
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, """
                #!/bin/sh
                for a in "$@"; do
                  if [ "$a" = "-version" ]; then echo '    java.specification.version = %s' >&2; exit 0; fi
                done
                echo "fake %s"
                printf '%%s\\n' "$@"
                exit 7
                """.formatted(specificationVersion, name));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    @Test
    void inspectJsonOfAFixturePrintsTheSameObjectAsTheInProcessCommand() throws Exception {
        List<Path> fixtures = new ArrayList<>(Fixtures.binaries("elf"));
        fixtures.addAll(Fixtures.binaries("pe"));
        fixtures.addAll(Fixtures.binaries("macho"));
        assumeFalse(fixtures.isEmpty(), "no fixtures under testdata/ on this branch yet (they come with the parsers)");
        Path fixture = fixtures.getFirst();
        Result result = run(withCurrentJava(), "inspect", "--json", fixture.toString());
        CliRun inProcess = CliRun.run(tmp, "inspect", "--json", fixture.toString());
        assertEquals(inProcess.status(), result.status(), result.err());
        assertEquals(inProcess.out(), result.out());
        JsonNode node = InspectSchema.assertFileObject(result.out().strip());
        assertEquals(fixture.toString(), node.get("path").asText());
    }

    @Test
    void inspectJsonOfANonBinaryReportsItAndExitsOne() throws Exception {
        Files.writeString(tmp.resolve("notes.txt"), "not a binary\n");
        Files.createFile(tmp.resolve("empty"));
        Result result = run(withCurrentJava(), "inspect", "--json", "notes.txt", "empty");
        assertEquals(1, result.status(), result.err());
        List<String> lines = result.out().lines().toList();
        assertEquals(2, lines.size(), result.out());
        assertEquals("NOT_A_BINARY", InspectSchema.assertFileObject(lines.get(0)).get("error").get("kind").asText());
        assertEquals("empty", InspectSchema.assertFileObject(lines.get(1)).get("path").asText());
    }

    @Test
    void fileNamesPipedOnStandardInputAreInspected() throws Exception {
        Files.createFile(tmp.resolve("a"));
        Files.createFile(tmp.resolve("b c"));
        Path list = Files.writeString(tmp.resolve("names"), "a\nb c\n");
        ProcessBuilder pb = new ProcessBuilder(launcher().toString(), "inspect", "--json", "-")
                .directory(tmp.toFile()).redirectInput(list.toFile());
        pb.environment().put("JAVA_HOME", currentJavaHome().toString());
        Process process = pb.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        List<String> paths = out.lines().map(l -> InspectSchema.parse(l).get("path").asText()).toList();
        assertEquals(List.of("a", "b c"), paths);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void doctorLoadsZlibThroughTheLauncherWithNativeAccessEnabledAndAQuietStandardError() throws Exception {
        Result result = run(withCurrentJava(), "doctor", "--json", "z");
        assertEquals(0, result.status(), result.err());
        JsonNode node = InspectSchema.parse(result.out().strip());
        assertTrue(node.get("loaded").asBoolean(), result.out());
        assertTrue(Files.isRegularFile(Path.of(node.get("path").asText())), result.out());
        // No "restricted method" warning (the --enable-native-access of bin/nativeload) and no slf4j provider notice.
        assertEquals("", result.err());
    }

    @Test
    void doctorOfAMissingLibraryExitsOneThroughTheLauncher() throws Exception {
        Result result = run(withCurrentJava(), "doctor", "nativeload-no-such-library");
        assertEquals(1, result.status(), result.err());
        assertTrue(result.out().startsWith("verdict: NOT LOADED nativeload-no-such-library"), result.out());
        assertTrue(result.out().contains("NOT_FOUND"), result.out());
    }

    @Test
    void usageErrorExitStatusTwoPassesThroughTheLauncher() throws Exception {
        Result result = run(withCurrentJava(), "inspect", "--no-such-option", "x");
        assertEquals(2, result.status());
        assertTrue(result.err().contains("--no-such-option"), result.err());
    }

    @Test
    void launcherFindsTheRepositoryThroughASymlinkElsewhere() throws Exception {
        Path link = Files.createSymbolicLink(tmp.resolve("nl"), launcher());
        Path linkToLink = Files.createSymbolicLink(Files.createDirectories(tmp.resolve("deeper")).resolve("nl2"), Path.of("../nl"));
        Result result = run(linkToLink, withCurrentJava(), "--version");
        assertEquals(0, result.status(), result.err());
        assertTrue(result.out().startsWith("nativeload "), result.out());
        assertEquals(0, run(link, withCurrentJava(), "--version").status());
    }

    @Test
    void jvmOptionsDefaultToTheQuickTierAndNativeloadJavaOptsReplacesThem() throws Exception {
        Map<String, String> env = new java.util.HashMap<>(Map.of("JAVA_HOME", fakeJdk("jdk25", "25").toString()));
        List<String> defaults = run(env, "--version").out().lines().toList();
        assertEquals(List.of("fake jdk25", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "--enable-native-access=dev.nativeload.ffm,dev.nativeload.cli"),
                defaults.subList(0, 4));
        env.put("NATIVELOAD_JAVA_OPTS", "-Xmx64m  -Dnativeload.cacheDir=/var/cache/app");
        List<String> replaced = run(env, "--version").out().lines().toList();
        assertEquals(List.of("fake jdk25", "-Xmx64m", "-Dnativeload.cacheDir=/var/cache/app", "--enable-native-access=dev.nativeload.ffm,dev.nativeload.cli"),
                replaced.subList(0, 4));
        env.put("NATIVELOAD_JAVA_OPTS", "");
        List<String> none = run(env, "--version").out().lines().toList();
        assertEquals(List.of("fake jdk25", "--enable-native-access=dev.nativeload.ffm,dev.nativeload.cli"), none.subList(0, 2), "empty means the JVM's own defaults");
    }

    @Test
    void javaHome22OrNewerIsUsedAsItIs() throws Exception {
        Path home = fakeJdk("jdk23", "23");
        Result result = run(Map.of("JAVA_HOME", home.toString()), "inspect", "a b", "");
        List<String> lines = result.out().lines().toList();
        assertEquals("fake jdk23", lines.getFirst(), result.err());
        assertEquals(List.of("-m", "dev.nativeload.cli/dev.nativeload.cli.Main", "inspect", "a b", ""),
                lines.subList(lines.size() - 5, lines.size()), "arguments pass through unchanged");
        assertEquals(7, result.status(), "the exit status passes through");
    }

    @Test
    void theJdkReleaseFileDecidesTheVersionWithoutStartingThatJava() throws Exception {
        // Its java, asked for its version, would say 17; its release file says 23 and wins.
        Path home = fakeJdk("jdk23-release", "17");
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"23.0.1\"\n");
        Result result = run(Map.of("JAVA_HOME", home.toString()), "inspect", "x");
        assertEquals("fake jdk23-release", result.out().lines().findFirst().orElse(""), result.err());
    }

    @Test
    void javaHomeOlderThan22IsPassedOverForANewerJdk() throws Exception {
        Result probe = run(repoRoot().resolve("scripts/find-java.sh"), Map.of());
        assumeTrue(probe.status() == 0, "this machine has no JDK 22+ under /usr/lib/jvm: " + probe.err());
        for (String old : List.of("17", "1.8")) {
            Path home = fakeJdk("jdk-" + old, old);
            Result result = run(Map.of("JAVA_HOME", home.toString()), "--version");
            assertEquals(0, result.status(), result.err());
            assertTrue(result.out().startsWith("nativeload "), "JAVA_HOME " + old + " must not be used: " + result.out());
        }
    }

    @Test
    void anUnbuiltCheckoutSaysHowToBuild() throws Exception {
        Path fakeRoot = tmp.resolve("checkout");
        Path script = Files.createDirectories(fakeRoot.resolve("bin")).resolve("nativeload");
        Files.copy(launcher(), script);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Result result = run(script, withCurrentJava(), "inspect", "x");
        assertEquals(3, result.status());
        assertTrue(result.err().contains("./mvnw -DskipTests package"), result.err());
        assertFalse(result.err().contains(repoRoot().toString()), "names the checkout it was run from: " + result.err());
    }
}
