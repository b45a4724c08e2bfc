package dev.nativeload.internal.cache;

import dev.nativeload.spi.ResourceName;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.platform.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** StrictModes for cache directories: owner by uid, mode 0700, safe ancestors, 0700 whatever the umask, no "?" home. */
class DirectoryTrustTest {
    private static final ResourceName SOLO = ResourceName.of(Fixtures.X86_64 + "libembedded_solo.so");

    @TempDir
    Path tmp;

    private static int myUid() {
        return ProcessUid.probed().orElseThrow(() -> new AssertionError("the effective uid must be learnable from a created file"));
    }

    @Test
    void aCacheDirectoryWithMode0755IsRefusedSayingChmod700() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("cache"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        CacheRefusal r = new CacheDirectoryCheck(d -> Optional.empty(), "ignored", OptionalInt.of(myUid())).prepare(dir).orElseThrow();
        assertEquals(CacheRefusal.Reason.NOT_PRIVATE, r.reason());
        assertTrue(r.detail().contains("0755") && r.detail().contains("chmod 700 " + dir), r.detail());
    }

    @Test
    void aDirectoryOwnedByAnotherUidIsRefusedNamingTheUidWhateverUserNameSays() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("cache"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        int other = myUid() + 4242;
        // user.name "?" (a uid without a passwd entry) does not matter: the uid decides
        CacheRefusal r = new CacheDirectoryCheck(d -> Optional.empty(), "?", OptionalInt.of(other)).prepare(dir).orElseThrow();
        assertEquals(CacheRefusal.Reason.WRONG_OWNER, r.reason());
        assertTrue(r.detail().contains("uid " + myUid()) && r.detail().contains("uid " + other), r.detail());
        assertTrue(new CacheDirectoryCheck(d -> Optional.empty(), "?", OptionalInt.of(myUid())).prepare(dir).isEmpty());
    }

    @Test
    void anAncestorWritableByOthersAndNotStickyMakesTheCacheRefused() throws Exception {
        Path open = Files.createDirectories(tmp.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path dir = open.resolve("cache");
        CacheRefusal r = new CacheDirectoryCheck(d -> Optional.empty(), "x", OptionalInt.of(myUid())).prepare(dir).orElseThrow();
        assertEquals(CacheRefusal.Reason.UNSAFE_ANCESTOR, r.reason());
        assertTrue(r.detail().contains(open.toRealPath().toString()) && r.detail().contains("0777"), r.detail());
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setAttribute(open, "unix:mode", 01777);
        assertTrue(new CacheDirectoryCheck(d -> Optional.empty(), "x", OptionalInt.of(myUid())).prepare(dir).isEmpty(),
                "a sticky world-writable ancestor, like /tmp, is allowed");
    }

    @Test
    void aHomeOfQuestionMarkOrARelativeOneCountsAsAbsent() {
        var host = dev.nativeload.platform.Host.of(dev.nativeload.binary.TargetOs.LINUX, dev.nativeload.binary.Architecture.X86_64,
                dev.nativeload.binary.LibcFlavor.GLIBC, Optional.empty(), 4096, false);
        for (String home : List.of("?", "relative/home", "")) {
            java.util.Properties props = new java.util.Properties();
            props.putAll(Map.of("user.home", home, "user.name", "?", "java.io.tmpdir", "/tmp"));
            Environment env = Environment.of(Map.of(), props);
            assertEquals(Optional.empty(), CacheLocations.perUser(host, env), home);
            assertTrue(CacheLocations.of(host, env, Optional.empty()).stream().allMatch(p -> p.startsWith("/tmp")),
                    () -> CacheLocations.of(host, env, Optional.empty()).toString());
        }
    }

    @Test
    void directoriesNativeloadCreatesAre0700EvenUnderUmask000() throws Exception {
        Path cache = tmp.resolve("a").resolve("b").resolve("cache");
        List<String> cmd = new ArrayList<>(List.of("sh", "-c", "umask 000; exec \"$@\"", "sh"));
        cmd.addAll(Fixtures.childJvm(ExtractMain.class, cache.toString(), soloJar().toString(), SOLO.value()));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child JVM hung");
        assertEquals(0, p.exitValue(), out);
        Path lib = Path.of(out.split(" ")[1]);
        for (Path d : List.of(tmp.resolve("a"), tmp.resolve("a").resolve("b"), cache, lib.getParent())) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(d)), d.toString());
        }
        assertEquals("r-x------", PosixFilePermissions.toString(Files.getPosixFilePermissions(lib)));
    }

    private Path soloJar() throws Exception {
        try (var loader = Fixtures.solo(tmp)) {
            return Path.of(loader.getURLs()[0].toURI());
        }
    }
}
