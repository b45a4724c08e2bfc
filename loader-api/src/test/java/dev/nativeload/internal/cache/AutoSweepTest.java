package dev.nativeload.internal.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.FakeAccess;
import dev.nativeload.NativeLibrary;
import dev.nativeload.NativeLoader;
import dev.nativeload.platform.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded step sweeps its cache directory once per JVM after first using it. */
class AutoSweepTest {
    @TempDir
    Path tmp;

    private Environment env(String maxAgeDays) throws Exception {
        Properties p = new Properties();
        p.setProperty("java.library.path", "");
        p.setProperty("user.home", Files.createDirectories(tmp.resolve("home")).toString());
        p.setProperty("java.io.tmpdir", Files.createDirectories(tmp.resolve("tmp")).toString());
        p.setProperty("user.name", System.getProperty("user.name"));
        if (maxAgeDays != null) {
            p.setProperty(AutoSweep.PROPERTY, maxAgeDays);
        }
        return Environment.of(Map.of(), p);
    }

    private Path perUserCache() {
        return tmp.resolve("home").resolve(".cache").resolve("nativeload");
    }

    private Path staleEntry(Duration unusedFor) throws Exception {
        Path entry = Files.createDirectories(perUserCache().resolve("c".repeat(64)));
        Files.writeString(entry.resolve("libstale.so"), "stale");
        Files.createFile(entry.resolve(EntryLocks.LOCK_FILE));
        Files.createFile(entry.resolve(EntryLocks.USED_MARKER));
        Files.setLastModifiedTime(entry.resolve(EntryLocks.USED_MARKER), FileTime.from(Instant.now().minus(unusedFor)));
        return entry;
    }

    private NativeLibrary loadSolo(Environment env) throws Exception {
        Path lib = perUserCache().resolve(Fixtures.sha256(Fixtures.testdata("gcc-x86_64", "libembedded_solo.so")))
                .resolve("libembedded_solo.so").toAbsolutePath();
        FakeAccess access = new FakeAccess().opens(lib.toString());
        return NativeLoader.builder("embedded_solo").access(access).classLoader(Fixtures.solo(tmp)).environment(env).build().load();
    }

    @Test
    void theFirstEmbeddedLoadSweepsEntriesUnusedForLongerThanTheAgeAndKeepsItsOwn() throws Exception {
        Path stale = staleEntry(Duration.ofDays(40));
        NativeLibrary library = loadSolo(env(null));
        assertFalse(Files.exists(stale), "an entry unused for 40 days goes with the default age of 30");
        assertTrue(Files.exists(library.path()), "the entry just extracted stays");
    }

    @Test
    void anEntryUsedWithinTheAgeStays() throws Exception {
        Path recent = staleEntry(Duration.ofDays(3));
        loadSolo(env("7"));
        assertTrue(Files.exists(recent.resolve("libstale.so")));
    }

    @Test
    void offDisablesTheSweep() throws Exception {
        Path stale = staleEntry(Duration.ofDays(400));
        loadSolo(env("off"));
        assertTrue(Files.exists(stale.resolve("libstale.so")));
    }

    @Test
    void theAgeIsReadInDaysAndABadValueFallsBackToTheDefault() throws Exception {
        assertEquals(Optional.of(Duration.ofDays(7)), AutoSweep.maxAge(env("7")));
        assertEquals(Optional.of(AutoSweep.DEFAULT_AGE), AutoSweep.maxAge(env(null)));
        assertEquals(Optional.of(AutoSweep.DEFAULT_AGE), AutoSweep.maxAge(env("soon")));
        assertEquals(Optional.of(AutoSweep.DEFAULT_AGE), AutoSweep.maxAge(env("-1")));
        assertEquals(Optional.empty(), AutoSweep.maxAge(env("OFF")));
    }
}
