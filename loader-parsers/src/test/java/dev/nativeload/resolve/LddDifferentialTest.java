package dev.nativeload.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Differential: every ELF executable in /usr/bin and /usr/sbin, resolved in this JVM and by the
 * real ldd (run here, in the test only). Every dependency ldd can resolve must get exactly the
 * same path, every one it cannot must be missing here too; the interpreter and vdso lines are left
 * out. Prints the agreement rate and both timings.
 */
class LddDifferentialTest {

    @Test
    void everyExecutableInUsrBinAndUsrSbinResolvesToTheSamePathsAsLdd() throws Exception {
        List<Path> files = elfExecutables();
        assertTrue(files.size() > 100, "expected many executables, found " + files.size());
        ResolveHost host = HostProbe.thisMachine().withEnv(Map.of()).withMainOriginIsRealPath(false)
                .withCurrentDir(Path.of("/"));

        long start = System.nanoTime();
        DependencyResolver resolver = new DependencyResolver(host);
        Map<Path, Optional<DependencyNode>> ours = new LinkedHashMap<>();
        for (Path f : files) {
            try {
                ours.put(f, Optional.of(resolver.resolve(f.toString())));
            } catch (Exception e) {
                ours.put(f, Optional.empty());
            }
        }
        long oursNanos = System.nanoTime() - start;

        AtomicLong lddNanos = new AtomicLong();
        Map<Path, Ldd.Answer> reference = new LinkedHashMap<>();
        long wallStart = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors() * 2));
        try {
            Map<Path, Future<Ldd.Answer>> futures = new LinkedHashMap<>();
            for (Path f : files) {
                futures.put(f, pool.submit(() -> {
                    long t = System.nanoTime();
                    Ldd.Answer a = Ldd.run(f, Map.of(), Path.of("/"));
                    lddNanos.addAndGet(System.nanoTime() - t);
                    return a;
                }));
            }
            for (Map.Entry<Path, Future<Ldd.Answer>> e : futures.entrySet()) {
                reference.put(e.getKey(), e.getValue().get());
            }
        } finally {
            pool.shutdownNow();
        }
        long lddWall = System.nanoTime() - wallStart;

        int compared = 0;
        int agree = 0;
        int deps = 0;
        List<String> differences = new ArrayList<>();
        for (Path f : files) {
            Ldd.Answer ldd = reference.get(f);
            Optional<DependencyNode> tree = ours.get(f);
            Map<String, Optional<String>> mine = tree.map(TreeFacts::loaded).orElse(Map.of());
            if (!ldd.dynamic()) {
                compared++;
                if (mine.isEmpty()) {
                    agree++;
                } else {
                    differences.add(f + ": ldd says not dynamic, we found " + mine);
                }
                continue;
            }
            compared++;
            deps += ldd.paths().size();
            if (ldd.paths().equals(mine)) {
                agree++;
            } else {
                differences.add(f + ":\n  ldd: " + ldd.paths() + "\n  ours: " + mine);
            }
        }
        double lddMsPerFile = lddNanos.get() / 1e6 / files.size();
        double ratio = (double) lddNanos.get() / oursNanos;
        System.out.printf("ldd differential: %d executables, %d agree (%.2f%%), %d dependencies compared%n",
                compared, agree, 100.0 * agree / compared, deps);
        System.out.printf("ldd: %.0f ms summed over files (%.2f ms a file; %.0f ms wall in a pool); "
                        + "resolver, one JVM, cold: %.0f ms (%.3f ms a file); ratio %.1fx%n",
                lddNanos.get() / 1e6, lddMsPerFile, lddWall / 1e6, oursNanos / 1e6, oursNanos / 1e6 / files.size(), ratio);
        differences.forEach(d -> System.out.println("DIFF " + d));
        assertEquals(List.of(), differences);
        assertTrue(ratio >= 50, "resolver only " + ratio + "x faster than ldd");
    }

    static List<Path> elfExecutables() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String dir : List.of("/usr/bin", "/usr/sbin")) {
            try (Stream<Path> s = Files.list(Path.of(dir))) {
                for (Path p : s.sorted().toList()) {
                    if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && isElf(p)) {
                        out.add(p);
                    }
                }
            }
        }
        return out;
    }

    private static boolean isElf(Path p) {
        try (InputStream in = Files.newInputStream(p)) {
            byte[] m = in.readNBytes(4);
            return m.length == 4 && m[0] == 0x7f && m[1] == 'E' && m[2] == 'L' && m[3] == 'F';
        } catch (IOException e) {
            return false;
        }
    }
}
