package dev.nativeload.internal.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweeper removes only what nativeload made, in directories it made; partial files of a dead writer go. */
class SweeperOwnershipTest {
    private static final Instant LONG_AGO = Instant.now().minus(Duration.ofDays(40));

    @TempDir
    Path tmp;

    private static void age(Path p) throws Exception {
        Files.setLastModifiedTime(p, FileTime.from(LONG_AGO));
    }

    /** Files a user keeps in a directory named as a cache (say $HOME), with names like the sweeper's. */
    private Map<String, Path> usersFiles(Path dir) throws Exception {
        Path notes = Files.writeString(dir.resolve("source-notes.txt"), "mine");
        age(notes);
        Path trash = Files.createDirectories(dir.resolve(".trash-important"));
        Files.writeString(trash.resolve("photo.jpg"), "mine");
        Path entryLike = Files.createDirectories(dir.resolve("c".repeat(64)));
        Files.writeString(entryLike.resolve("thesis.tex"), "mine");
        Files.createFile(entryLike.resolve(EntryLocks.LOCK_FILE));
        age(entryLike);
        return Map.of("notes", notes, "trash", trash.resolve("photo.jpg"), "entryLike", entryLike.resolve("thesis.tex"));
    }

    @Test
    void aDirectoryNativeloadDidNotCreateAndMarkIsNeverSwept() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Map<String, Path> mine = usersFiles(home);
        CacheSweeper.Result r = CacheSweeper.olderThan(Duration.ZERO).sweep(home);
        assertEquals(List.of(), r.removed());
        assertTrue(r.leftBehind().getFirst().contains("nothing in it is removed"), r.leftBehind()::toString);
        for (Path p : mine.values()) {
            assertTrue(Files.exists(p), p + " must survive");
        }
    }

    @Test
    void inItsOwnDirectoryOnlyNamesNativeloadCreatesAreRemoved() throws Exception {
        Path cache = tmp.resolve("cache");
        assertTrue(new CacheDirectoryCheck(d -> java.util.Optional.empty(), System.getProperty("user.name")).prepare(cache).isEmpty());
        assertTrue(CacheMarker.isMarked(cache), "nativeload marks the directory it creates");
        Path notes = Files.writeString(cache.resolve("source-notes.txt"), "mine");
        age(notes);
        Path userTrash = Files.createDirectories(cache.resolve(".trash-important"));
        Files.writeString(userTrash.resolve("photo.jpg"), "mine");
        Path record = Files.writeString(cache.resolve(SourceIndex.PREFIX + "d".repeat(64)), "x");
        age(record);
        Path ownTrash = Files.createDirectories(cache.resolve(".trash-" + "e".repeat(64) + "-" + java.util.UUID.randomUUID()));
        Files.writeString(ownTrash.resolve("libx.so"), "x");

        CacheSweeper.olderThan(Duration.ofDays(30)).sweep(cache);
        assertTrue(Files.exists(notes) && Files.exists(userTrash.resolve("photo.jpg")), "names nativeload never makes stay");
        assertFalse(Files.exists(record), "an old digest record goes");
        assertFalse(Files.exists(ownTrash), "its own trash goes");
    }

    @Test
    void aPartialFileWhoseWriterIsGoneIsRemovedAndALiveWritersStays() throws Exception {
        Path cache = tmp.resolve("cache");
        assertTrue(new CacheDirectoryCheck(d -> java.util.Optional.empty(), System.getProperty("user.name")).prepare(cache).isEmpty());
        Path entry = Files.createDirectories(cache.resolve("f".repeat(64)));
        Files.createFile(entry.resolve(EntryLocks.LOCK_FILE));
        Process gone = new ProcessBuilder("true").start();
        assertTrue(gone.waitFor(30, TimeUnit.SECONDS));
        Path orphan = Files.writeString(entry.resolve(".nl-" + gone.pid() + "-0123abcd.tmp"), "half a library");
        Files.setLastModifiedTime(orphan, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
        Path live = Files.writeString(entry.resolve(".nl-" + ProcessHandle.current().pid() + "-89abcdef.tmp"), "being written");
        Files.setLastModifiedTime(live, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
        Path foreign = Files.writeString(entry.resolve(".libfoo.so.tmp"), "not a name nativeload makes now");
        Files.setLastModifiedTime(foreign, FileTime.from(LONG_AGO));

        CacheSweeper.Result r = CacheSweeper.olderThan(Duration.ofDays(30)).sweep(cache);
        assertTrue(r.removed().contains(orphan), r.toString());
        assertFalse(Files.exists(orphan));
        assertTrue(Files.exists(live), "a live writer's partial file stays");
        assertTrue(Files.exists(foreign), "a name nativeload does not make stays");
    }
}
