package dev.nativeload.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.NativeLibrary;
import dev.nativeload.NativeLoader;
import dev.nativeload.spi.Candidate;
import dev.nativeload.internal.chain.EmbeddedResourceStrategy;
import dev.nativeload.spi.LoadRequest;
import dev.nativeload.spi.Layouts;
import dev.nativeload.ffm.FfmNativeAccess;
import dev.nativeload.platform.Environment;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentLoadTest {
    private static final int THREADS = 16;
    private static final int PROCESSES = 4;

    @TempDir
    Path tmp;

    @BeforeAll
    static void linuxX86_64() {
        EmbeddedFixtures.assumeLinuxX86_64(FfmNativeAccess.provider().host());
    }

    @Test
    void sixteenThreadsAndFourJvmsLoadingOneEmbeddedLibraryAtOnceExtractOneFileAndAllCallIt() throws Exception {
        Path cache = tmp.resolve("cache");
        Path lib = EmbeddedFixtures.testdata("gcc-x86_64", "libembedded_solo.so");
        Path jar = EmbeddedFixtures.writeJar(tmp, Map.of(EmbeddedFixtures.X86_64 + "libembedded_solo.so", lib));
        Path go = tmp.resolve("go");
        List<Process> children = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            children.add(new ProcessBuilder(EmbeddedFixtures.childJvm(LoadEmbeddedMain.class, cache.toString(), jar.toString(),
                    go.toString())).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        }
        URLClassLoader loader = EmbeddedFixtures.loaderOf(jar);
        var access = FfmNativeAccess.provider();
        LoadRequest request = new LoadRequest("embedded_solo", access.host(), Environment.system());
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Path>> threads = new ArrayList<>();
        try {
            Thread.sleep(300); // let the JVMs start and spin on the go file
            for (int i = 0; i < THREADS; i++) {
                threads.add(pool.submit(() -> {
                    // separate strategies, so nothing but the file system and the lock registry is shared
                    var step = new EmbeddedResourceStrategy(loader, List.of(Layouts.classifier("native")), Optional.of(cache));
                    start.await(30, TimeUnit.SECONDS);
                    if (Thread.currentThread().getName().endsWith("-1")) {
                        Files.createFile(go);
                    }
                    try (Stream<Candidate> c = step.candidates(request)) {
                        Candidate.File f = (Candidate.File) c.filter(Candidate.File.class::isInstance).findFirst().orElseThrow();
                        NativeLibrary l = NativeLoader.load(f.path());
                        int r = (int) Linker.nativeLinker().downcallHandle(l.lookup("embedded_solo"),
                                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT)).invokeExact(41);
                        assertEquals(42, r);
                        return f.path();
                    } catch (Throwable t) {
                        throw new AssertionError(t);
                    }
                }));
            }
            Set<Path> paths = new HashSet<>();
            for (Future<Path> f : threads) {
                paths.add(f.get(60, TimeUnit.SECONDS));
            }
            for (Process p : children) {
                assertTrue(p.waitFor(60, TimeUnit.SECONDS), "a child JVM did not finish");
                String out = new String(p.getInputStream().readAllBytes()).strip();
                assertEquals(0, p.exitValue(), out);
                String[] f = out.split(" ");
                assertEquals("ok", f[0], out);
                assertEquals("42", f[2], out);
                paths.add(Path.of(f[1]));
            }
            String sha = EmbeddedFixtures.sha256(lib);
            assertEquals(Set.of(cache.resolve(sha).resolve("libembedded_solo.so")), paths, "one extracted file for all");
            assertEquals(sha, EmbeddedFixtures.sha256(paths.iterator().next()));
            try (Stream<Path> entries = Files.list(cache); Stream<Path> files = Files.list(cache.resolve(sha))) {
                assertEquals(1, entries.filter(Files::isDirectory).count(), "one entry directory");
                assertEquals(Set.of("libembedded_solo.so", ".lock", ".used"),
                        new HashSet<>(files.map(p -> p.getFileName().toString()).toList()), "no temporary file is left");
            }
        } finally {
            pool.shutdownNow();
            children.forEach(Process::destroyForcibly);
        }
    }
}
