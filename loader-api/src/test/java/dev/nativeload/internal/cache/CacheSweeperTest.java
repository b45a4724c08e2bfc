package dev.nativeload.internal.cache;

import dev.nativeload.spi.ResourceName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheSweeperTest {
    private static final ResourceName SOLO = ResourceName.of(Fixtures.X86_64 + "libembedded_solo.so");

    @TempDir
    Path tmp;

    /** Makes an entry as if extracted and used at {@code used}, by a JVM that has exited. */
    private Path unusedEntry(Path cache, String sha, Instant used) throws Exception {
        Path entry = Files.createDirectories(cache.resolve(sha));
        Files.writeString(entry.resolve("libold.so"), "old");
        Files.createFile(entry.resolve(EntryLocks.LOCK_FILE));
        Files.createFile(entry.resolve(EntryLocks.USED_MARKER));
        Files.setLastModifiedTime(entry.resolve(EntryLocks.USED_MARKER), FileTime.from(used));
        return entry;
    }

    private static CacheSweeper sweeper(Duration maxAge, Instant now) {
        return new CacheSweeper(maxAge, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void anEntryUnusedForLongerThanMaxAgeAndLockedByNoProcessIsRemoved() throws Exception {
        Path cache = Files.createDirectories(tmp.resolve("cache"));
        Instant now = Instant.now();
        Path old = unusedEntry(cache, "a".repeat(64), now.minus(Duration.ofDays(40)));
        Path fresh = unusedEntry(cache, "b".repeat(64), now.minus(Duration.ofDays(2)));
        CacheSweeper.Result r = sweeper(Duration.ofDays(30), now).sweep(cache);
        assertEquals(List.of(old), r.removed());
        assertEquals(List.of(fresh), r.recent());
        assertFalse(Files.exists(old));
        assertTrue(Files.exists(fresh.resolve("libold.so")));
        try (var left = Files.list(cache)) {
            assertEquals(List.of(fresh), left.toList(), "no trash is left behind");
        }
    }

    @Test
    void anEntryThisJvmUsesIsKeptWhateverItsAge() throws Exception {
        Path cache = tmp.resolve("cache");
        Extraction e = new Extractor(List.of(cache), Fixtures.check()).extract(Fixtures.solo(tmp), SOLO).orElseThrow();
        CacheSweeper.Result r = sweeper(Duration.ZERO, Instant.now().plus(Duration.ofDays(365))).sweep(cache);
        assertEquals(List.of(e.directory()), r.inUse());
        assertTrue(Files.exists(e.library().path()));
    }

    @Test
    void usingAnEntryTouchesItsLastUsedMarker() throws Exception {
        Path cache = tmp.resolve("cache");
        var loader = Fixtures.solo(tmp);
        Extraction e = new Extractor(List.of(cache), Fixtures.check()).extract(loader, SOLO).orElseThrow();
        Path marker = e.directory().resolve(EntryLocks.USED_MARKER);
        Files.setLastModifiedTime(marker, FileTime.from(Instant.now().minus(Duration.ofDays(90))));
        new Extractor(List.of(cache), Fixtures.check()).extract(loader, SOLO).orElseThrow();
        assertTrue(Duration.between(Files.getLastModifiedTime(marker).toInstant(), Instant.now()).toMinutes() < 5);
    }

    @Test
    void anEntryLockedByAnotherLiveProcessIsKeptAndRemovedOnceThatProcessExits() throws Exception {
        Path cache = tmp.resolve("cache");
        Path jar = Files.createTempFile(tmp, "solo", ".jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.jar.JarEntry(SOLO.value()));
            Files.copy(Fixtures.testdata("gcc-x86_64", "libembedded_solo.so"), out);
            out.closeEntry();
        }
        Process child = new ProcessBuilder(Fixtures.childJvm(ExtractMain.class, cache.toString(), jar.toString(), SOLO.value(), "hold"))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line = in.readLine();
            assertTrue(line != null && line.startsWith("ok "), "child said: " + line);
            Path entry = Path.of(line.split(" ")[1]).getParent();
            Instant later = Instant.now().plus(Duration.ofDays(365));
            CacheSweeper.Result whileAlive = sweeper(Duration.ofDays(1), later).sweep(cache);
            assertEquals(List.of(entry), whileAlive.inUse());
            assertTrue(Files.exists(entry));

            Fixtures.write(child.getOutputStream(), "exit\n");
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            CacheSweeper.Result afterExit = sweeper(Duration.ofDays(1), later).sweep(cache);
            assertEquals(List.of(entry), afterExit.removed());
            assertFalse(Files.exists(entry));
        } finally {
            child.destroyForcibly();
        }
    }
}
