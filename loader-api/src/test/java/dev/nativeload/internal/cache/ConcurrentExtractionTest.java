package dev.nativeload.internal.cache;

import dev.nativeload.spi.ResourceName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentExtractionTest {
    private static final int THREADS = 16;
    private static final ResourceName TOP = ResourceName.of(Fixtures.X86_64 + "libembedded.so");

    @TempDir
    Path tmp;

    @Test
    void sixteenThreadsExtractingOneLibrarySetAtOnceWriteItOnceAndAllGetTheVerifiedFiles() throws Exception {
        Path cache = tmp.resolve("cache");
        URLClassLoader loader = Fixtures.librarySet(tmp, "gcc-x86_64");
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Extraction>> results = new ArrayList<>();
        try {
            for (int i = 0; i < THREADS; i++) {
                results.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    // A new Extractor each: nothing is shared but the file system and the JVM's lock registry.
                    return new Extractor(List.of(cache), Fixtures.check()).extract(loader, TOP).orElseThrow();
                }));
            }
            Set<Path> libraries = new HashSet<>();
            int written = 0;
            for (Future<Extraction> f : results) {
                Extraction e = f.get(60, TimeUnit.SECONDS);
                libraries.add(e.library().path());
                written += e.library().reused() ? 0 : 1;
                assertEquals(Fixtures.sha256(e.library().path()), e.library().sha256());
            }
            assertEquals(1, libraries.size(), "one path for all: " + libraries);
            assertEquals(1, written, "extracted by one thread, reused by the others");
        } finally {
            pool.shutdownNow();
        }
        try (Stream<Path> entries = Files.list(cache)) {
            assertEquals(1, entries.filter(Files::isDirectory).count(), "one entry directory");
        }
        Path entry = cache.resolve(Fixtures.sha256(Fixtures.testdata("gcc-x86_64", "libembedded.so")));
        try (Stream<Path> files = Files.list(entry)) {
            Set<String> names = new HashSet<>(files.map(p -> p.getFileName().toString()).toList());
            assertEquals(Set.of("libembedded.so", "libembedded_mid.so", "libembedded_dep.so", ".lock", ".used"), names,
                    "no temporary file is left behind");
        }
        for (String name : List.of("libembedded.so", "libembedded_mid.so", "libembedded_dep.so")) {
            assertEquals(Fixtures.sha256(Fixtures.testdata("gcc-x86_64", name)), Fixtures.sha256(entry.resolve(name)));
        }
        assertTrue(EntryLocks.pinnedHere(entry), "the entry is pinned while this JVM uses it");
    }
}
