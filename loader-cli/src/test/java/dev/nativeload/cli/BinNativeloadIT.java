package dev.nativeload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

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
        pb.environment().remove("NATIVELOAD_JVM_DIRS");
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

    /** A fake JDK whose java prints the given version line, and "fake NAME" when run otherwise. */
    Path fakeJdk(Path jvmDir, String name, String versionLine) throws IOException {
        Path bin = Files.createDirectories(jvmDir.resolve(name).resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, """
                #!/bin/sh
                if [ "$1" = "-version" ]; then echo '%s' >&2; exit 0; fi
                echo "fake %s"
                """.formatted(versionLine, name));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return java;
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
    void javaHomeOlderThan22IsSkippedForAJdkFromTheSearchDirectories() throws Exception {
        Path old = tmp.resolve("old-home");
        fakeJdk(tmp, "old-home", "openjdk version \"17.0.15\" 2025-04-15");
        Path jvms = Files.createDirectories(tmp.resolve("jvms"));
        Files.createSymbolicLink(jvms.resolve("current"), currentJavaHome());
        Result result = run(Map.of("JAVA_HOME", old.toString(), "NATIVELOAD_JVM_DIRS", jvms.toString()), "--version");
        assertEquals(0, result.status(), result.err());
        assertTrue(result.out().startsWith("nativeload "), result.out());
    }

    @Test
    void newestJdkAtLeast22IsChosenComparingVersionsAsNumbers() throws Exception {
        Path jvms = Files.createDirectories(tmp.resolve("jvms"));
        fakeJdk(jvms, "jdk8", "openjdk version \"1.8.0_402\"");
        fakeJdk(jvms, "jdk9", "java version \"9.0.4\"");
        fakeJdk(jvms, "jdk21", "openjdk version \"21.0.2\" 2024-01-16");
        fakeJdk(jvms, "jdk22", "openjdk version \"22.0.1\" 2024-04-16");
        fakeJdk(jvms, "jdk100", "openjdk version \"100-ea\" 2040-01-01");
        fakeJdk(jvms, "jdk23", "openjdk version \"23\" 2024-09-17");
        Result result = run(Map.of("NATIVELOAD_JVM_DIRS", jvms.toString()), "inspect", "x");
        assertEquals("fake jdk100", result.out().strip(), result.err());

        Files.delete(jvms.resolve("jdk100/bin/java"));
        assertEquals("fake jdk23", run(Map.of("NATIVELOAD_JVM_DIRS", jvms.toString()), "x").out().strip());
    }

    @Test
    void noJdk22AnywhereIsAClearErrorWithStatusThree() throws Exception {
        Path jvms = Files.createDirectories(tmp.resolve("jvms"));
        fakeJdk(jvms, "jdk21", "openjdk version \"21.0.2\" 2024-01-16");
        fakeJdk(jvms, "jdk9", "java version \"9\"");
        Result result = run(Map.of("NATIVELOAD_JVM_DIRS", jvms.toString()), "inspect", "x");
        assertEquals(3, result.status());
        assertEquals("", result.out());
        assertTrue(result.err().contains("no Java 22 or newer found"), result.err());
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
