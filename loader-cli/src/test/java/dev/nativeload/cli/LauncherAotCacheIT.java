package dev.nativeload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/nativeload}'s JDK AOT cache (loader-cli/src/dist/libexec/aot-cache.sh, shared with the
 * distribution's launcher): made after the first command in the user's cache directory, owner-only,
 * then used; and never the reason a command fails or prints anything: corrupt, foreign-owned,
 * group-writable, unwritable or missing, the command's output and status are those of a run without
 * it. Runs the real launcher on this test's JDK (25 or newer for the cache itself).
 */
@EnabledOnOs(OS.LINUX)
class LauncherAotCacheIT {
    @TempDir
    Path tmp;

    private Path cacheHome;
    private String library;

    record Result(int status, String out, String err) {
    }

    @BeforeEach
    void paths() throws IOException {
        cacheHome = tmp.resolve("cache-home");
        library = Path.of("/lib/x86_64-linux-gnu/libz.so.1").toRealPath().toString();
    }

    private static boolean jdkHasAotCache() {
        return Runtime.version().feature() >= 25;
    }

    Result run(Map<String, String> extraEnv, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(BinNativeloadIT.launcher().toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile());
        pb.environment().put("JAVA_HOME", BinNativeloadIT.currentJavaHome().toString());
        pb.environment().put("XDG_CACHE_HOME", cacheHome.toString());
        pb.environment().remove("NATIVELOAD_JAVA_OPTS");
        pb.environment().remove("NATIVELOAD_AOT");
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.environment().putAll(extraEnv);
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process process = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "bin/nativeload did not finish");
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    Result run(String... args) throws IOException, InterruptedException {
        return run(Map.of(), args);
    }

    /** The reference: the same command with the cache turned off. */
    Result withoutCache(String... args) throws IOException, InterruptedException {
        return run(Map.of("NATIVELOAD_AOT", "off"), args);
    }

    private Path cacheDir() {
        return cacheHome.resolve("nativeload");
    }

    private List<Path> filesIn(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).toList();
        }
    }

    /** Waits for the background maker: the cache in place and its lock gone. */
    private Path awaitCache() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            List<Path> caches = filesIn(cacheDir(), ".aot");
            if (caches.size() == 1 && filesIn(cacheDir(), ".lock").isEmpty()) {
                return caches.getFirst();
            }
            assertTrue(filesIn(cacheDir(), ".failed").isEmpty(), "the training run failed");
            Thread.sleep(200);
        }
        throw new AssertionError("no AOT cache was made in " + cacheDir() + ": " + filesIn(cacheDir(), ""));
    }

    /** Makes the cache with one command and waits for it. */
    private Path madeCache() throws IOException, InterruptedException {
        Result first = run("inspect", "--json", library);
        assertEquals(0, first.status(), first.err());
        return awaitCache();
    }

    /** {@return the classes of nativeload's command line that a run loaded from the AOT cache} */
    private List<String> cliClassesFromTheCache(String... args) throws IOException, InterruptedException {
        Path log = tmp.resolve("classes-" + System.nanoTime() + ".log");
        Result result = run(Map.of("JDK_JAVA_OPTIONS", "-Xlog:class+load=info:file=" + log + ":none"), args);
        assertEquals(0, result.status(), result.err());
        return Files.readAllLines(log).stream()
                .filter(l -> l.startsWith("dev.nativeload.cli.") && l.contains("source: shared objects file")).toList();
    }

    @Test
    void theFirstCommandMakesAnOwnerOnlyCacheInTheBackgroundAndTheNextCommandsUseIt() throws Exception {
        assumeTrue(jdkHasAotCache(), "the AOT cache needs JDK 25; this test runs on " + Runtime.version());
        Result reference = withoutCache("inspect", "--json", library);
        Result first = run("inspect", "--json", library);
        assertEquals(reference, first, "the first command runs as without a cache, stdout clean");
        Path cache = awaitCache();
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(cache));
        assertEquals(PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(cacheDir()));
        assertTrue(cache.getFileName().toString().contains("-" + Runtime.version() + "-"),
                "named after the JDK build: " + cache);
        assertTrue(filesIn(cacheDir(), ".tmp").isEmpty() && filesIn(cacheDir(), ".config").isEmpty(), "no leftovers");

        assertEquals(reference, run("inspect", "--json", library), "the same output with the cache");
        assertTrue(cliClassesFromTheCache("inspect", "--json", library).contains("dev.nativeload.cli.InspectCommand source: shared objects file"),
                "the JVM took the command's classes from the cache");
    }

    @Test
    void aCorruptOrTruncatedCacheIsPassedOverWithoutAWord() throws Exception {
        assumeTrue(jdkHasAotCache(), "the AOT cache needs JDK 25; this test runs on " + Runtime.version());
        Path cache = madeCache();
        Result reference = withoutCache("tree", "--json", library);
        byte[] whole = Files.readAllBytes(cache);
        Files.write(cache, Arrays.copyOf(whole, 4096));
        assertEquals(reference, run("tree", "--json", library), "truncated: same output, nothing on stderr");
        byte[] garbage = whole.clone();
        for (int i = 0; i < garbage.length; i += 7) {
            garbage[i] ^= 0x5a;
        }
        Files.write(cache, garbage);
        assertEquals(reference, run("tree", "--json", library), "corrupt: same output, nothing on stderr");
        assertTrue(cliClassesFromTheCache("tree", "--json", library).isEmpty(), "the corrupt cache was not used");
    }

    @Test
    void aCacheDirectoryWritableByOthersIsNeitherUsedNorWrittenTo() throws Exception {
        Files.createDirectories(cacheDir());
        Files.setPosixFilePermissions(cacheDir(), PosixFilePermissions.fromString("rwxrwxrwx"));
        Result reference = withoutCache("inspect", "--json", library);
        assertEquals(reference, run("inspect", "--json", library));
        Thread.sleep(3000); // a maker, were one started, would have made its lock by now
        assertEquals(List.of(), filesIn(cacheDir(), ""), "nothing written to a directory others can write");
    }

    @Test
    void aCacheDirectoryOwnedByAnotherUserIsNeitherUsedNorWrittenTo() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "giving a directory to another uid needs root");
        Files.createDirectories(cacheDir());
        Files.setAttribute(cacheDir(), "unix:uid", 65534);
        Result reference = withoutCache("inspect", "--json", library);
        assertEquals(reference, run("inspect", "--json", library));
        Thread.sleep(3000);
        assertEquals(List.of(), filesIn(cacheDir(), ""), "nothing written to another user's directory");
    }

    @Test
    void aCacheHomeThatCannotBeADirectoryLeavesTheCommandAsItIs() throws Exception {
        Files.writeString(cacheHome, "a file where the cache directory's parent should be");
        Result reference = withoutCache("inspect", "--json", library);
        assertEquals(reference, run("inspect", "--json", library));
        assertTrue(Files.isRegularFile(cacheHome));
    }

    @Test
    void aJdkOlderThan25RunsExactlyAsBeforeAndTheExitStatusPassesThrough() throws Exception {
        for (String feature : List.of("24", "25")) {
            Path home = tmp.resolve("jdk" + feature);
            Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
            Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\nexit 7\n");
            Files.setPosixFilePermissions(java, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_EXECUTE,
                    PosixFilePermission.OWNER_WRITE));
            Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + feature + ".0.1\"\nJAVA_RUNTIME_VERSION=\"" + feature
                    + ".0.1+1\"\n");
            Map<String, String> env = new HashMap<>(Map.of("JAVA_HOME", home.toString()));
            Result result = run(env, "inspect", "x");
            assertEquals(7, result.status(), "the command's status, whether or not a cache is to be made");
            assertFalse(result.out().contains("AOT"), "no cache to use yet: " + result.out());
            assertTrue(result.out().endsWith("inspect\nx\n"), result.out());
        }
        Thread.sleep(3000); // the fake 25's maker fails at once (status 7) and says so in a marker
        assertTrue(filesIn(cacheDir(), ".aot").isEmpty());
        assertTrue(filesIn(cacheDir(), ".failed").stream().allMatch(f -> f.getFileName().toString().contains("-25.0.1+1-")),
                "JDK 24 made nothing: " + filesIn(cacheDir(), ""));
    }
}
