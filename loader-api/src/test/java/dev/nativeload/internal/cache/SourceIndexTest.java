package dev.nativeload.internal.cache;

import dev.nativeload.spi.ResourceName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceIndexTest {
    private static final ResourceName SOLO = ResourceName.of(Fixtures.X86_64 + "libembedded_solo.so");

    @TempDir
    Path tmp;

    private Extraction extract(URLClassLoader loader, Path cache) throws Exception {
        return new Extractor(List.of(cache), Fixtures.check()).extract(loader, SOLO).orElseThrow();
    }

    private static List<Path> indexFiles(Path cache) throws Exception {
        try (Stream<Path> s = Files.list(cache)) {
            return s.filter(p -> p.getFileName().toString().startsWith(SourceIndex.PREFIX)).toList();
        }
    }

    @Test
    void aWarmStartTakesTheDigestRecordedForTheJarEntryAndStillVerifiesTheFile() throws Exception {
        Path cache = tmp.resolve("cache");
        URLClassLoader loader = Fixtures.solo(tmp);
        Extraction first = extract(loader, cache);
        assertEquals(1, indexFiles(cache).size(), "the digest is recorded for the jar entry");
        Extraction warm = extract(loader, cache);
        assertTrue(warm.library().reused());
        assertTrue(warm.steps().stream().anyMatch(s -> s.contains("digest recorded at an earlier extraction")), warm.steps()::toString);
        assertEquals(first.library().path(), warm.library().path());

        // the file is still hashed on a warm start: corrupting it moves to a new entry
        Files.setPosixFilePermissions(first.library().path(), PosixFilePermissions.fromString("rw-------"));
        Files.write(first.library().path(), new byte[] {0x7f, 'E', 'L', 'F'});
        Extraction after = extract(loader, cache);
        assertEquals(Path.of(first.directory() + "-1"), after.directory());
        assertEquals(first.library().sha256(), Fixtures.sha256(after.library().path()));
    }

    @Test
    void aRecordedDigestThatDoesNotMatchTheResourceIsDiscardedAndTheResourceHashed() throws Exception {
        Path cache = tmp.resolve("cache");
        URLClassLoader loader = Fixtures.solo(tmp);
        String real = extract(loader, cache).library().sha256();
        Path index = indexFiles(cache).getFirst();
        String fake = "f".repeat(64);
        Files.writeString(index, fake + " 13928\n");
        Path fakeEntry = Files.createDirectories(cache.resolve(fake));
        Files.writeString(fakeEntry.resolve("libembedded_solo.so"), "something else");

        Extraction e = extract(loader, cache);
        assertEquals(cache.resolve(real).resolve("libembedded_solo.so"), e.library().path());
        assertEquals(real, Fixtures.sha256(e.library().path()));
        assertTrue(e.steps().stream().anyMatch(s -> s.contains("did not hold")), e.steps()::toString);
    }

    @Test
    void aResourceOutsideAJarHasNoStampAndIsAlwaysHashed() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("classes").resolve(Fixtures.X86_64));
        Files.copy(Fixtures.testdata("gcc-x86_64", "libembedded_solo.so"), dir.resolve("libembedded_solo.so"));
        URLClassLoader loader = new URLClassLoader(new java.net.URL[] {tmp.resolve("classes").toUri().toURL()}, null);
        assertEquals(Optional.empty(), SourceIndex.stamp(loader.getResource(SOLO.value())));
        Path cache = tmp.resolve("cache");
        extract(loader, cache);
        assertEquals(List.of(), indexFiles(cache));
    }

    @Test
    void theSweeperRemovesRecordedDigestsOlderThanMaxAge() throws Exception {
        Path cache = tmp.resolve("cache");
        extract(Fixtures.solo(tmp), cache);
        Path index = indexFiles(cache).getFirst();
        Files.setLastModifiedTime(index, FileTime.from(Instant.now().minus(Duration.ofDays(60))));
        new CacheSweeper(Duration.ofDays(30), Clock.fixed(Instant.now(), ZoneOffset.UTC)).sweep(cache);
        assertFalse(Files.exists(index));
    }
}
