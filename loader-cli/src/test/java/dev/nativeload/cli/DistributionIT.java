package dev.nativeload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as users get it, after {@code package}: {@code target/nativeload-VERSION.tar.gz}
 * (and {@code .zip}) unpacked in a directory outside the checkout, and {@code target/nativeload-VERSION.jar}
 * copied there, each run with nothing in the environment but {@code JAVA_HOME} (or {@code PATH}).
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class DistributionIT {
    /** The library every run inspects: a committed fixture, built by testdata/elf/build.sh. */
    static final String FIXTURE = "elf/gcc-x86_64-libzoo.so";

    @TempDir
    Path tmp;

    Path unpacked;

    record Result(int status, String out, String err) {
    }

    static String version() {
        return System.getProperty("nativeload.version", "");
    }

    static Path target() {
        return Path.of(System.getProperty("nativeload.target", "target")).toAbsolutePath().normalize();
    }

    static Path javaHome() {
        return Path.of(System.getProperty("java.home"));
    }

    static Path fixture() {
        Path root = Fixtures.root();
        assertTrue(root != null, "no testdata directory (system property nativeload.testdata)");
        return root.resolve(FIXTURE);
    }

    @BeforeEach
    void unpackTheTarball() throws Exception {
        assertFalse(version().isEmpty(), "the build passes nativeload.version");
        assertFalse(tmp.toRealPath().startsWith(BinNativeloadIT.repoRoot().toRealPath()), "the temporary directory is outside the checkout");
        Path tarball = target().resolve("nativeload-" + version() + ".tar.gz");
        assertTrue(Files.isRegularFile(tarball), tarball + " is built by package");
        Result tar = run(List.of("tar", "-xzf", tarball.toString(), "-C", tmp.toString()), Map.of("PATH", "/usr/bin:/bin"), tmp);
        assertEquals(0, tar.status(), tar.err());
        unpacked = tmp.resolve("nativeload-" + version());
    }

    /** Runs a command with exactly the given environment (nothing inherited), in a directory. */
    Result run(List<String> command, Map<String, String> env, Path dir) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process process = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), command + " did not finish");
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    Result launcher(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(unpacked.resolve("bin/nativeload").toString()));
        Collections.addAll(command, args);
        return run(command, env, tmp);
    }

    static Map<String, String> onlyJavaHome() {
        return Map.of("JAVA_HOME", javaHome().toString());
    }

    @Test
    void theUnpackedTarballMakesItsAotCacheInTheUsersHomeAndUsesIt() throws Exception {
        assumeTrue(Runtime.version().feature() >= 25, "the AOT cache needs JDK 25");
        Path home = Files.createDirectories(tmp.resolve("home"));
        Map<String, String> env = Map.of("JAVA_HOME", javaHome().toString(), "HOME", home.toString());
        Result first = launcher(env, "inspect", "--json", fixture().toString());
        assertEquals(0, first.status(), first.err());
        assertEquals("", first.err());
        Path dir = home.resolve(".cache/nativeload");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline && !madeIn(dir)) {
            Thread.sleep(200);
        }
        assertTrue(madeIn(dir), "the cache was made under ~/.cache/nativeload");
        Path log = tmp.resolve("classes.log");
        Map<String, String> logged = new HashMap<>(env);
        logged.put("JDK_JAVA_OPTIONS", "-Xlog:class+load=info:file=" + log + ":none");
        Result second = launcher(logged, "inspect", "--json", fixture().toString());
        assertEquals(first.out(), second.out());
        assertTrue(Files.readString(log).contains("dev.nativeload.cli.InspectCommand source: shared objects file"),
                "the second command's classes came from the cache");
    }

    /** Whether the launcher's background maker finished a cache in {@code dir}. */
    private static boolean madeIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (var files = Files.list(dir)) {
            List<String> names = files.map(f -> f.getFileName().toString()).toList();
            return names.stream().anyMatch(n -> n.endsWith(".aot")) && names.stream().noneMatch(n -> n.endsWith(".lock"));
        }
    }

    @Test
    void theUnpackedTarballInspectsALibraryWithOnlyJavaHomeSet() throws Exception {
        Result result = launcher(onlyJavaHome(), "inspect", "--json", fixture().toString());
        CliRun inProcess = CliRun.run(tmp, "inspect", "--json", fixture().toString());
        assertEquals(0, result.status(), result.err());
        assertEquals(inProcess.out(), result.out(), "the distribution runs the same command as the build");
        JsonNode file = InspectSchema.assertFileObject(result.out().strip());
        assertEquals("libzoo.so.1", file.get("soname").asText(), result.out());
        assertEquals("", result.err());
    }

    @Test
    void theUnpackedTarballHoldsTheLauncherTheJarsTheReadmeAndTheLicense() throws Exception {
        assertTrue(Files.isExecutable(unpacked.resolve("bin/nativeload")));
        assertTrue(Files.isRegularFile(unpacked.resolve("LICENSE")));
        String readme = Files.readString(unpacked.resolve("README.txt"));
        assertTrue(readme.startsWith("nativeload " + version() + ":"), "the version is filled in: " + readme);
        assertFalse(readme.contains("${"), "no unfilled property: " + readme);
        TreeSet<String> jars = new TreeSet<>();
        try (var files = Files.list(unpacked.resolve("lib"))) {
            files.forEach(f -> jars.add(f.getFileName().toString()));
        }
        for (String artifact : List.of("loader-cli", "loader-ffm", "loader-api", "loader-parsers")) {
            assertTrue(jars.contains(artifact + "-" + version() + ".jar"), artifact + " in lib/: " + jars);
        }
        assertTrue(jars.stream().anyMatch(j -> j.startsWith("slf4j-nop-")), "a binding, so no slf4j notice: " + jars);
    }

    @Test
    void theZipHoldsTheSameFilesAsTheTarball() throws Exception {
        Result listing = run(List.of("tar", "-tzf", target().resolve("nativeload-" + version() + ".tar.gz").toString()),
                Map.of("PATH", "/usr/bin:/bin"), tmp);
        TreeSet<String> inTar = new TreeSet<>(listing.out().lines().filter(l -> !l.endsWith("/")).toList());
        TreeSet<String> inZip = new TreeSet<>();
        try (ZipFile zip = new ZipFile(target().resolve("nativeload-" + version() + ".zip").toFile())) {
            zip.stream().filter(e -> !e.isDirectory()).forEach(e -> inZip.add(e.getName()));
        }
        assertFalse(inTar.isEmpty());
        assertEquals(inTar, inZip);
    }

    @Test
    void theLauncherPrintsTheVersionItWasBuiltAs() throws Exception {
        Result result = launcher(onlyJavaHome(), "--version");
        assertEquals(0, result.status(), result.err());
        assertEquals("nativeload " + version(), result.out().strip());
    }

    @Test
    void withoutJavaHomeTheJavaOnPathIsUsed() throws Exception {
        Result result = launcher(Map.of("PATH", javaHome().resolve("bin") + ":/usr/bin:/bin"), "--version");
        assertEquals(0, result.status(), result.err());
        assertEquals("nativeload " + version(), result.out().strip());
    }

    @Test
    void aSymlinkToTheLauncherFromAnotherDirectoryFindsItsLib() throws Exception {
        Path links = Files.createDirectories(tmp.resolve("links"));
        Path link = Files.createSymbolicLink(links.resolve("nativeload"), unpacked.resolve("bin/nativeload"));
        Result result = run(List.of(link.toString(), "--version"), onlyJavaHome(), links);
        assertEquals(0, result.status(), result.err());
        assertEquals("nativeload " + version(), result.out().strip());
    }

    /** A JDK home whose release file says {@code version} and whose java, if run, leaves a mark. */
    Path fakeJdk(String version) throws IOException {
        Path home = tmp.resolve("jdk-" + version);
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\necho 'fake java ran'\nexit 7\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
        return home;
    }

    @Test
    void aJavaOlderThan22IsRefusedWithTheFix() throws Exception {
        Path old = fakeJdk("17.0.2");
        Result result = launcher(Map.of("JAVA_HOME", old.toString()), "inspect", fixture().toString());
        assertEquals(3, result.status(), result.out() + result.err());
        assertEquals("", result.out(), "that java is never run");
        assertTrue(result.err().contains("needs Java 22 or newer"), result.err());
        assertTrue(result.err().contains("is Java 17"), result.err());
        assertTrue(result.err().contains("set JAVA_HOME to a JDK 22 or newer"), result.err());
    }

    @Test
    void aJavaHomeWithoutJavaIsNamed() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("not-a-jdk"));
        Result result = launcher(Map.of("JAVA_HOME", empty.toString()), "--version");
        assertEquals(3, result.status());
        assertTrue(result.err().contains("JAVA_HOME is " + empty), result.err());
    }

    @Test
    void theLauncherWithoutItsLibSaysToUnpackTheWholeDistribution() throws Exception {
        Path alone = Files.createDirectories(tmp.resolve("alone/bin")).resolve("nativeload");
        Files.copy(unpacked.resolve("bin/nativeload"), alone);
        Files.setPosixFilePermissions(alone, PosixFilePermissions.fromString("rwxr-xr-x"));
        Result result = run(List.of(alone.toString(), "--version"), onlyJavaHome(), tmp);
        assertEquals(3, result.status());
        assertTrue(result.err().contains("unpack the whole distribution"), result.err());
    }

    @Test
    void theReadmesPortableCommandLineRunsInspect() throws Exception {
        // The line README.txt gives for Windows: the same java command on any OS, from the unpacked directory.
        String line = Files.readString(unpacked.resolve("README.txt")).lines().map(String::strip)
                .filter(l -> l.startsWith("java --enable-native-access")).findFirst().orElseThrow();
        List<String> command = new ArrayList<>(List.of(line.replace(" FILE...", "").split(" ")));
        command.set(0, javaHome().resolve("bin/java").toString());
        command.add(fixture().toString());
        Result result = run(command, Map.of(), unpacked);
        assertEquals(0, result.status(), result.err());
        assertEquals(CliRun.run(unpacked, "inspect", fixture().toString()).out(), result.out());
        assertEquals("", result.err(), "native access is granted: no warning");
    }

    @Test
    void theExecutableJarRunsWithJavaJarOutsideTheCheckout() throws Exception {
        Path jar = Files.copy(target().resolve("nativeload-" + version() + ".jar"), tmp.resolve("nativeload.jar"));
        String java = javaHome().resolve("bin/java").toString();
        Result inspect = run(List.of(java, "-jar", jar.toString(), "inspect", "--json", fixture().toString()), onlyJavaHome(), tmp);
        assertEquals(0, inspect.status(), inspect.err());
        assertEquals(CliRun.run(tmp, "inspect", "--json", fixture().toString()).out(), inspect.out());
        Result version = run(List.of(java, "-jar", jar.toString(), "--version"), onlyJavaHome(), tmp);
        assertEquals("nativeload " + version(), version.out().strip(), version.err());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void theExecutableJarLoadsZlibWithNativeAccessFromItsManifestAndTheMergedServiceFiles() throws Exception {
        // doctor needs loader-ffm's NativeAccess (META-INF/services, merged into the one jar) and native access
        // (Enable-Native-Access in the manifest): without either it fails or prints a warning on standard error.
        Path jar = Files.copy(target().resolve("nativeload-" + version() + ".jar"), tmp.resolve("nativeload.jar"));
        Result result = run(List.of(javaHome().resolve("bin/java").toString(), "-jar", jar.toString(), "doctor", "--json", "z"),
                onlyJavaHome(), tmp);
        assertEquals(0, result.status(), result.out() + result.err());
        JsonNode node = InspectSchema.parse(result.out().strip());
        assertTrue(node.get("loaded").asBoolean(), result.out());
        assertEquals("", result.err(), "no restricted-method warning, no slf4j notice");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void theUnpackedTarballLoadsZlibOnTheModulePathWithAQuietStandardError() throws Exception {
        Result result = launcher(onlyJavaHome(), "doctor", "--json", "z");
        assertEquals(0, result.status(), result.out() + result.err());
        assertTrue(InspectSchema.parse(result.out().strip()).get("loaded").asBoolean(), result.out());
        assertEquals("", result.err());
    }
}
