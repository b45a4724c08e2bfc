package dev.nativeload.resolve;

import dev.nativeload.binary.Architecture;
import dev.nativeload.platform.HostProbe;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Differential: every ELF executable in /usr/bin and /usr/sbin, resolved in this JVM and by the
 * real ldd (run here, in the test only). Every dependency ldd can resolve must get exactly the
 * same path, every one it cannot must be missing here too; the interpreter and vdso lines are left
 * out. Prints the agreement rate. The speed of the same comparison is measured with JMH, not here:
 * {@code DependencyTreeBenchmark} in the benchmarks module.
 */
@EnabledOnOs(OS.LINUX)
@EnabledIfSystemProperty(named = "os.arch", matches = "amd64|x86_64", disabledReason = "fixtures and references are x86-64 Linux")
class LddDifferentialTest {

    @Test
    void everyExecutableInUsrBinAndUsrSbinResolvesToTheSamePathsAsLdd() throws Exception {
        List<Path> files = elfExecutables();
        assertTrue(files.size() > 100, "expected many executables, found " + files.size());
        ResolveHost host = ResolveHost.linuxGlibc(Architecture.fromJvm(System.getProperty("os.arch")))
                .withHwcapsSubdirs(HostProbe.hwcapsSubdirs()).withEnv(Map.of()).withMainOriginIsRealPath(false)
                .withCurrentDir(Path.of("/"));

        Map<Path, Optional<DependencyNode>> ours = new LinkedHashMap<>();
        DependencyResolver resolver = new DependencyResolver(host);
        for (Path f : files) {
            try {
                ours.put(f, Optional.of(resolver.resolve(f.toString())));
            } catch (Exception e) {
                ours.put(f, Optional.empty());
            }
        }
        Map<Path, Ldd.Answer> reference = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            Map<Path, Future<Ldd.Answer>> futures = new LinkedHashMap<>();
            for (Path f : files) {
                futures.put(f, pool.submit(() -> Ldd.run(f, Map.of(), Path.of("/"))));
            }
            for (Map.Entry<Path, Future<Ldd.Answer>> e : futures.entrySet()) {
                reference.put(e.getKey(), e.getValue().get());
            }
        } finally {
            pool.shutdownNow();
        }

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
        System.out.printf("ldd differential: %d executables, %d agree (%.2f%%), %d dependencies compared%n",
                compared, agree, 100.0 * agree / compared, deps);
        differences.forEach(d -> System.out.println("DIFF " + d));
        assertEquals(List.of(), differences);
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
