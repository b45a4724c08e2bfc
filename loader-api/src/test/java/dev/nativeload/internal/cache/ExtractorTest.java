package dev.nativeload.internal.cache;

import dev.nativeload.spi.ResourceName;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractorTest {
    private static final ResourceName SOLO = ResourceName.of(Fixtures.X86_64 + "libembedded_solo.so");
    private static final ResourceName TOP = ResourceName.of(Fixtures.X86_64 + "libembedded.so");

    @TempDir
    Path tmp;

    private Extraction extract(URLClassLoader loader, ResourceName name, Path... dirs) throws Exception {
        return new Extractor(List.of(dirs), Fixtures.check()).extract(loader, name).orElseThrow();
    }

    @Test
    void libraryIsExtractedToItsSha256DirectoryUnderItsOwnNameReadOnlyInAPrivateDirectory() throws Exception {
        Path cache = tmp.resolve("cache");
        Path source = Fixtures.testdata("gcc-x86_64", "libembedded_solo.so");
        Extraction e = extract(Fixtures.solo(tmp), SOLO, cache);
        String sha = Fixtures.sha256(source);
        assertEquals(cache.resolve(sha).resolve("libembedded_solo.so"), e.library().path());
        assertEquals(sha, e.library().sha256());
        assertArrayEquals(Files.readAllBytes(source), Files.readAllBytes(e.library().path()));
        assertFalse(e.library().reused());
        assertEquals("r-x------", PosixFilePermissions.toString(Files.getPosixFilePermissions(e.library().path())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(e.directory())));
        assertTrue(e.steps().stream().anyMatch(s -> s.startsWith("extracted " + SOLO) && s.contains(sha)), e.steps()::toString);
    }

    @Test
    void aSecondExtractionReusesTheFileAfterItsHashVerifies() throws Exception {
        Path cache = tmp.resolve("cache");
        URLClassLoader loader = Fixtures.solo(tmp);
        Extraction first = extract(loader, SOLO, cache);
        var mtime = Files.getLastModifiedTime(first.library().path());
        Extraction second = extract(loader, SOLO, cache);
        assertEquals(first.library().path(), second.library().path());
        assertTrue(second.library().reused());
        assertEquals(mtime, Files.getLastModifiedTime(second.library().path()));
        assertTrue(second.steps().stream().anyMatch(s -> s.startsWith("reused ")), second.steps()::toString);
    }

    @Test
    void aFileCorruptedBetweenRunsIsDetectedNeverRewrittenAndReplacedByANewPath() throws Exception {
        Path cache = tmp.resolve("cache");
        URLClassLoader loader = Fixtures.solo(tmp);
        Path first = extract(loader, SOLO, cache).library().path();
        Files.setPosixFilePermissions(first, PosixFilePermissions.fromString("rw-------"));
        byte[] garbage = "not the library any more".getBytes();
        Files.write(first, garbage);

        Extraction again = extract(loader, SOLO, cache);
        String sha = Fixtures.sha256(Fixtures.testdata("gcc-x86_64", "libembedded_solo.so"));
        assertEquals(cache.resolve(sha + "-1").resolve("libembedded_solo.so"), again.library().path());
        assertEquals(sha, Fixtures.sha256(again.library().path()));
        assertArrayEquals(garbage, Files.readAllBytes(first), "the corrupted file is left as it is, never rewritten in place");
        assertTrue(again.steps().stream().anyMatch(s -> s.startsWith("entry passed over") && s.contains("corrupted")),
                again.steps()::toString);
    }

    @Test
    void aSymlinkPlantedAtTheTargetPathIsNotFollowed() throws Exception {
        Path cache = tmp.resolve("cache");
        String sha = Fixtures.sha256(Fixtures.testdata("gcc-x86_64", "libembedded_solo.so"));
        Path victim = Files.writeString(tmp.resolve("victim.txt"), "precious");
        Files.createDirectories(cache.resolve(sha));
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwx------"));
        Files.createSymbolicLink(cache.resolve(sha).resolve("libembedded_solo.so"), victim);

        Extraction e = extract(Fixtures.solo(tmp), SOLO, cache);
        assertEquals(cache.resolve(sha + "-1").resolve("libembedded_solo.so"), e.library().path());
        assertFalse(Files.isSymbolicLink(e.library().path()));
        assertEquals("precious", Files.readString(victim));
        assertTrue(e.steps().stream().anyMatch(s -> s.contains("is a symbolic link; it is not followed")), e.steps()::toString);
    }

    @Test
    void aSymlinkPlantedAsTheEntryDirectoryIsNotFollowed() throws Exception {
        Path cache = tmp.resolve("cache");
        String sha = Fixtures.sha256(Fixtures.testdata("gcc-x86_64", "libembedded_solo.so"));
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.createDirectories(cache);
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwx------"));
        Files.createSymbolicLink(cache.resolve(sha), elsewhere);

        Extraction e = extract(Fixtures.solo(tmp), SOLO, cache);
        assertEquals(cache.resolve(sha + "-1"), e.directory());
        try (Stream<Path> s = Files.list(elsewhere)) {
            assertEquals(0, s.count(), "nothing is written through the planted link");
        }
    }

    @Test
    void aWorldWritableCacheDirectoryIsRefusedAndTheNextOneUsed() throws Exception {
        Path open = Files.createDirectories(tmp.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path good = tmp.resolve("good");
        Extraction e = extract(Fixtures.solo(tmp), SOLO, open, good);
        assertTrue(e.library().path().startsWith(good));
        assertEquals(List.of(CacheRefusal.Reason.WRITABLE_BY_OTHERS), e.refused().stream().map(CacheRefusal::reason).toList());
        assertTrue(e.refused().getFirst().detail().contains("rwxrwxrwx"), e.refused().getFirst()::detail);
    }

    @Test
    void aGroupWritableCacheDirectoryIsRefused() throws Exception {
        Path shared = Files.createDirectories(tmp.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwx---"));
        ExtractionException ex = assertThrows(ExtractionException.class, () -> extract(Fixtures.solo(tmp), SOLO, shared));
        assertEquals(ExtractionException.Problem.NO_USABLE_CACHE_DIRECTORY, ex.problem());
        assertEquals(CacheRefusal.Reason.WRITABLE_BY_OTHERS, ex.refusals().getFirst().reason());
    }

    @Test
    void aSymlinkedCacheDirectoryIsRefused() throws Exception {
        Path real = Files.createDirectories(tmp.resolve("real"));
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rwx------"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
        ExtractionException ex = assertThrows(ExtractionException.class, () -> extract(Fixtures.solo(tmp), SOLO, link));
        assertEquals(CacheRefusal.Reason.SYMLINK, ex.refusals().getFirst().reason());
        assertTrue(ex.getMessage().contains(link.toString()), ex::getMessage);
    }

    @Test
    void aCacheDirectoryOwnedByAnotherUserIsRefused() throws Exception {
        Path theirs = Files.createDirectories(tmp.resolve("theirs"));
        Files.setPosixFilePermissions(theirs, PosixFilePermissions.fromString("rwx------"));
        var nobody = theirs.getFileSystem().getUserPrincipalLookupService();
        try {
            Files.setOwner(theirs, nobody.lookupPrincipalByName("nobody"));
        } catch (Exception notAllowed) {
            org.junit.jupiter.api.Assumptions.abort("cannot give a directory to user nobody here: " + notAllowed);
        }
        ExtractionException ex = assertThrows(ExtractionException.class, () -> extract(Fixtures.solo(tmp), SOLO, theirs));
        assertEquals(CacheRefusal.Reason.WRONG_OWNER, ex.refusals().getFirst().reason());
        assertTrue(ex.refusals().getFirst().detail().contains("nobody"), ex.refusals().getFirst()::detail);
    }

    @Test
    void aFileWhereTheCacheDirectoryShouldBeIsRefused() throws Exception {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        Path good = tmp.resolve("good");
        Extraction e = extract(Fixtures.solo(tmp), SOLO, file, good);
        assertEquals(CacheRefusal.Reason.NOT_A_DIRECTORY, e.refused().getFirst().reason());
        assertTrue(e.library().path().startsWith(good));
    }

    @Test
    void dependenciesShippedNextToTheLibraryGoToTheSameDirectoryInDependencyOrder() throws Exception {
        Path cache = tmp.resolve("cache");
        Extraction e = extract(Fixtures.librarySet(tmp, "gcc-x86_64"), TOP, cache);
        assertEquals(List.of("libembedded_dep.so", "libembedded_mid.so"),
                e.dependencies().stream().map(f -> f.path().getFileName().toString()).toList());
        for (ExtractedFile f : e.dependencies()) {
            assertEquals(e.directory(), f.path().getParent());
            assertEquals(Fixtures.sha256(Fixtures.testdata("gcc-x86_64", f.path().getFileName().toString())), f.sha256());
        }
        assertEquals(cache.resolve(Fixtures.sha256(Fixtures.testdata("gcc-x86_64", "libembedded.so"))), e.directory());
    }

    @Test
    void aDependencyNotShippedNextToTheLibraryIsLeftToTheOsLoader() throws Exception {
        URLClassLoader partial = Fixtures.jar(tmp, Map.of(
                Fixtures.X86_64 + "libembedded.so", Fixtures.testdata("gcc-x86_64", "libembedded.so"),
                Fixtures.X86_64 + "libembedded_mid.so", Fixtures.testdata("gcc-x86_64", "libembedded_mid.so")));
        Extraction e = extract(partial, TOP, tmp.resolve("cache"));
        assertEquals(List.of("libembedded_mid.so"), e.dependencies().stream().map(f -> f.path().getFileName().toString()).toList());
    }

    @Test
    void aCorruptedDependencyMovesTheWholeSetToANewEntry() throws Exception {
        Path cache = tmp.resolve("cache");
        URLClassLoader loader = Fixtures.librarySet(tmp, "gcc-x86_64");
        Extraction first = extract(loader, TOP, cache);
        Path mid = first.directory().resolve("libembedded_mid.so");
        Files.setPosixFilePermissions(mid, PosixFilePermissions.fromString("rw-------"));
        Files.write(mid, new byte[] {1, 2, 3});
        Extraction second = extract(loader, TOP, cache);
        assertEquals(Path.of(first.directory() + "-1"), second.directory());
        assertEquals(Set.of(second.directory()), new TreeSet<>(second.dependencies().stream().map(f -> f.path().getParent()).toList()));
    }

    @Test
    void aMissingResourceIsEmptyAndCreatesNothing() throws Exception {
        Path cache = tmp.resolve("cache");
        var none = new Extractor(List.of(cache), Fixtures.check())
                .extract(Fixtures.solo(tmp), ResourceName.of(Fixtures.X86_64 + "libabsent.so"));
        assertTrue(none.isEmpty());
        assertFalse(Files.exists(cache, LinkOption.NOFOLLOW_LINKS), "nothing is created for a library that is not there");
    }

    @Test
    void everyCacheDirectoryRefusedIsATypedFailureListingEachReason() throws Exception {
        Path open = Files.createDirectories(tmp.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path file = Files.writeString(tmp.resolve("file"), "x");
        ExtractionException ex = assertThrows(ExtractionException.class, () -> extract(Fixtures.solo(tmp), SOLO, open, file));
        assertEquals(List.of(CacheRefusal.Reason.WRITABLE_BY_OTHERS, CacheRefusal.Reason.NOT_A_DIRECTORY),
                ex.refusals().stream().map(CacheRefusal::reason).toList());
        assertTrue(ex.getMessage().contains(open.toString()) && ex.getMessage().contains(file.toString()), ex::getMessage);
    }

    @Test
    void differentContentsOfOneNameGetDifferentDirectories() throws Exception {
        Path cache = tmp.resolve("cache");
        URLClassLoader a = Fixtures.solo(tmp);
        URLClassLoader b = Fixtures.jar(tmp, Map.of(SOLO.value(), Fixtures.testdata("gcc-x86_64", "libembedded_dep.so")));
        Path pa = extract(a, SOLO, cache).library().path();
        Path pb = extract(b, SOLO, cache).library().path();
        assertNotEquals(pa.getParent(), pb.getParent());
        assertEquals(pa.getFileName(), pb.getFileName());
    }
}
