package dev.nativeload.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.NativeLibrary;
import dev.nativeload.NativeLoader;
import dev.nativeload.ffm.FfmNativeAccess;
import dev.nativeload.platform.Environment;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files of another, real user in this process's cache: planted while the cache was open to others
 * (then chmod 700, as a refusal message once advised), or hard-linked in at the content-addressed
 * name. This process (root) must not run them, must say whose they are, and must still load the
 * verified library from a fresh entry.
 */
class OtherUsersTest {
    private static final String RESOURCE = EmbeddedFixtures.X86_64 + "libembedded_solo.so";

    @TempDir
    Path tmp;

    @BeforeAll
    static void rootOnLinuxX86_64() {
        EmbeddedFixtures.assumeLinuxX86_64(FfmNativeAccess.provider().host());
        Privileged.requireRootAnd("useradd", "userdel", "runuser");
    }

    /** A copy of the solo library with its own bytes (so its own cache entry), in a jar. */
    private record Genuine(Path file, String sha, URLClassLoader jar) {
    }

    private Genuine genuine(long seed) throws Exception {
        byte[] solo = Files.readAllBytes(EmbeddedFixtures.testdata("gcc-x86_64", "libembedded_solo.so"));
        byte[] bytes = java.util.Arrays.copyOf(solo, solo.length + 16);
        byte[] tail = new byte[16];
        new Random(seed).nextBytes(tail);
        System.arraycopy(tail, 0, bytes, solo.length, 16);
        Path f = Files.write(tmp.resolve("genuine-" + seed + ".so"), bytes);
        return new Genuine(f, EmbeddedFixtures.sha256(f), EmbeddedFixtures.loaderOf(EmbeddedFixtures.writeJar(tmp, Map.of(RESOURCE, f))));
    }

    private static NativeLibrary load(URLClassLoader jar, Path cache) throws Exception {
        ExecutorService one = Executors.newSingleThreadExecutor();
        try {
            Callable<NativeLibrary> call = () -> NativeLoader.builder("embedded_solo")
                    .strategies(List.of(NativeLoader.builder("embedded_solo").classLoader(jar).cacheDirectory(cache)
                            .environment(Environment.system()).build().strategies().getLast()))
                    .access(FfmNativeAccess.provider()).build().load();
            return one.submit(call).get(60, TimeUnit.SECONDS);
        } finally {
            one.shutdownNow();
        }
    }

    private static int call(NativeLibrary lib) throws Throwable {
        return (int) Linker.nativeLinker().downcallHandle(lib.lookup("embedded_solo"),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT)).invokeExact(41);
    }

    /** The cache, open to everyone for a while (as a careless setup or an old release left it). */
    private Path openCache() throws Exception {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path cache = Files.createDirectory(tmp.resolve("cache"));
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwxrwx"));
        return cache;
    }

    private static void close(Path cache) throws Exception {
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void anEntryPlantedByAnotherUserIsRefusedNamingThemAndAFreshEntryRunsTheVerifiedLibrary() throws Throwable {
        Genuine g = genuine(1);
        Path cache = openCache();
        Path planted;
        try (Privileged.ThrowawayUser other = Privileged.ThrowawayUser.create("nl14plant")) {
            Path impostor = Files.copy(EmbeddedFixtures.testdata("gcc-x86_64", "libembedded_impostor.so"), tmp.resolve("impostor.so"));
            Files.setPosixFilePermissions(impostor, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.copy(g.file(), tmp.resolve("copy.so"));
            Files.setPosixFilePermissions(tmp.resolve("copy.so"), PosixFilePermissions.fromString("rw-r--r--"));
            // the attacker's entry holds the genuine bytes: its hash verifies, and its owner may rewrite it at any time
            planted = cache.resolve(g.sha());
            other.as("mkdir", "-m", "700", planted.toString());
            other.as("cp", tmp.resolve("copy.so").toString(), planted.resolve("libembedded_solo.so").toString());
            other.as("chmod", "500", planted.resolve("libembedded_solo.so").toString());
            close(cache);

            NativeLibrary lib = load(g.jar(), cache);
            assertEquals(42, call(lib), "the verified library runs");
            assertEquals(cache.resolve(g.sha() + "-1").resolve("libembedded_solo.so"), lib.path());
            String origin = lib.report().attempts().getLast().origin().toString();
            assertTrue(origin.contains("passed over") && origin.contains(planted.toString()) && origin.contains("nl14plant")
                    && origin.contains("uid " + other.uid), origin);
            assertEquals(other.uid, (int) Files.getAttribute(planted, "unix:uid"), "the other user's entry is left alone");
        }
    }

    @Test
    void aFileOfAnotherUserInsideOwnEntryIsRefusedNamingTheOwner() throws Throwable {
        Genuine g = genuine(2);
        Path cache = openCache();
        Path entry = Files.createDirectory(cache.resolve(g.sha()));
        Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString("rwxrwxrwx"));
        try (Privileged.ThrowawayUser other = Privileged.ThrowawayUser.create("nl14file")) {
            Files.copy(g.file(), tmp.resolve("copy.so"));
            Files.setPosixFilePermissions(tmp.resolve("copy.so"), PosixFilePermissions.fromString("rw-r--r--"));
            other.as("cp", tmp.resolve("copy.so").toString(), entry.resolve("libembedded_solo.so").toString());
            other.as("chmod", "500", entry.resolve("libembedded_solo.so").toString());
            Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString("rwx------"));
            close(cache);

            NativeLibrary lib = load(g.jar(), cache);
            assertEquals(42, call(lib));
            assertEquals(cache.resolve(g.sha() + "-1").resolve("libembedded_solo.so"), lib.path());
            String origin = lib.report().attempts().getLast().origin().toString();
            assertTrue(origin.contains(entry.resolve("libembedded_solo.so") + " is owned by uid " + other.uid + " (nl14file)"), origin);
        }
    }

    @Test
    void aHardLinkToAnotherUsersFileAtTheContentAddressedNameIsRefused() throws Throwable {
        Genuine g = genuine(3);
        Path cache = openCache();
        Path entry = Files.createDirectory(cache.resolve(g.sha()));
        Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString("rwxrwxrwx"));
        try (Privileged.ThrowawayUser other = Privileged.ThrowawayUser.create("nl14link")) {
            Path home = Path.of(other.as("sh", "-c", "echo $HOME").strip());
            Files.copy(g.file(), tmp.resolve("copy.so"));
            Files.setPosixFilePermissions(tmp.resolve("copy.so"), PosixFilePermissions.fromString("rw-r--r--"));
            Path theirs = home.resolve("lib.so");
            other.as("cp", tmp.resolve("copy.so").toString(), theirs.toString());
            // same filesystem as the cache? /home and /tmp may differ; link only where the kernel allows
            Path target = entry.resolve("libembedded_solo.so");
            boolean linked = new ProcessBuilder("runuser", "-u", other.name, "--", "ln", theirs.toString(), target.toString())
                    .start().waitFor() == 0;
            if (!linked) {
                // another filesystem: the other user's file is made in a directory of theirs beside the cache instead
                Path beside = Files.createDirectory(tmp.resolve("theirs"));
                Files.setPosixFilePermissions(beside, PosixFilePermissions.fromString("rwxrwxrwx"));
                theirs = beside.resolve("lib.so");
                other.as("cp", tmp.resolve("copy.so").toString(), theirs.toString());
                other.as("ln", theirs.toString(), target.toString());
            }
            Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString("rwx------"));
            close(cache);
            assertEquals(2L, ((Number) Files.getAttribute(target, "unix:nlink")).longValue());

            NativeLibrary lib = load(g.jar(), cache);
            assertEquals(42, call(lib));
            assertEquals(cache.resolve(g.sha() + "-1").resolve("libembedded_solo.so"), lib.path());
            String origin = lib.report().attempts().getLast().origin().toString();
            assertTrue(origin.contains(target + " is owned by uid " + other.uid + " (nl14link)"), origin);
        }
    }

    @Test
    void aHardLinkToOwnFileIsRefusedForItsSecondName() throws Throwable {
        Genuine g = genuine(4);
        Path cache = Files.createDirectory(tmp.resolve("cache"));
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwx------"));
        Path entry = Files.createDirectory(cache.resolve(g.sha()));
        Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString("rwx------"));
        Path mine = Files.copy(g.file(), tmp.resolve("mine.so"));
        Files.setPosixFilePermissions(mine, PosixFilePermissions.fromString("r-x------"));
        Files.createLink(entry.resolve("libembedded_solo.so"), mine);

        NativeLibrary lib = load(g.jar(), cache);
        assertEquals(42, call(lib));
        assertEquals(cache.resolve(g.sha() + "-1").resolve("libembedded_solo.so"), lib.path());
        String origin = lib.report().attempts().getLast().origin().toString();
        assertTrue(origin.contains(entry.resolve("libembedded_solo.so") + " has 2 hard links"), origin);
    }
}
