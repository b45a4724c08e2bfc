package dev.nativeload.internal.cache;

import dev.nativeload.spi.ResourceName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real mounts (root, or a user namespace): noexec and read-only filesystems are read from
 * /proc/self/mountinfo (no statvfs here: loader-api has no native access), a full one fails writing.
 */
class MountedCacheTest {
    private static final ResourceName SOLO = ResourceName.of(Fixtures.X86_64 + "libembedded_solo.so");

    @TempDir
    Path tmp;

    @Test
    void aNoexecTmpfsFallsThroughToTheNextCacheDirectoryWithTheReasonFromMountinfo() throws Exception {
        Path mnt = tmp.resolve("noexec");
        try (AutoCloseable m = Fixtures.tmpfs(mnt, "noexec,size=8m,mode=0700")) {
            Path good = tmp.resolve("good");
            Extraction e = new Extractor(List.of(mnt, good), Fixtures.check()).extract(Fixtures.solo(tmp), SOLO).orElseThrow();
            assertTrue(e.library().path().startsWith(good));
            CacheRefusal r = e.refused().getFirst();
            assertEquals(CacheRefusal.Reason.NOEXEC, r.reason());
            assertTrue(r.detail().contains("/proc/self/mountinfo"), r::detail);
            assertTrue(e.steps().stream().anyMatch(s -> s.startsWith("cache directory refused: " + mnt)), e.steps()::toString);
        }
    }

    @Test
    void aReadOnlyMountFallsThroughToTheNextCacheDirectoryWithTheReason() throws Exception {
        Path mnt = tmp.resolve("ro");
        try (AutoCloseable m = Fixtures.tmpfs(mnt, "ro,size=1m,mode=0700")) {
            Path good = tmp.resolve("good");
            Extraction e = new Extractor(List.of(mnt, good), Fixtures.check()).extract(Fixtures.solo(tmp), SOLO).orElseThrow();
            assertTrue(e.library().path().startsWith(good));
            assertEquals(CacheRefusal.Reason.NOT_WRITABLE, e.refused().getFirst().reason());
            assertTrue(e.refused().getFirst().detail().contains("read-only"), e.refused().getFirst()::detail);
        }
    }

    @Test
    void aFullDiskIsATypedNoSpaceFailureThatSaysSo() throws Exception {
        Path mnt = tmp.resolve("tiny");
        Path big = tmp.resolve("libbig.so");
        byte[] content = new byte[256 * 1024];
        new SecureRandom().nextBytes(content);
        Files.write(big, content);
        try (AutoCloseable m = Fixtures.tmpfs(mnt, "size=64k,mode=0700")) {
            var loader = Fixtures.jar(tmp, Map.of(Fixtures.X86_64 + "libbig.so", big));
            ExtractionException ex = assertThrows(ExtractionException.class, () -> new Extractor(List.of(mnt), Fixtures.check())
                    .extract(loader, ResourceName.of(Fixtures.X86_64 + "libbig.so")));
            assertEquals(ExtractionException.Problem.NO_SPACE, ex.problem());
            assertEquals(CacheRefusal.Reason.NO_SPACE, ex.refusals().getFirst().reason());
            assertTrue(ex.getMessage().contains("no space left"), ex::getMessage);
            assertNoTemporaryFiles(mnt);
        }
    }

    private static void assertNoTemporaryFiles(Path root) throws IOException {
        try (var files = Files.walk(root)) {
            List<Path> tmps = files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
            assertEquals(List.of(), tmps, "no partial file is left");
        }
    }
}
