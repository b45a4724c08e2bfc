package dev.nativeload.resolve.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.resolve.DependencyNode;
import dev.nativeload.binary.Architecture;
import dev.nativeload.platform.HostProbe;
import dev.nativeload.resolve.DependencyResolver;
import dev.nativeload.resolve.ResolveHost;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Differential: every shared library in the host's multiarch directory and a deterministic sample
 * of the ELF executables in /usr/bin, bound in this JVM and by the real {@code ldd -r} (run here,
 * in the test only). The set of undefined symbols and of missing versions must be the same for
 * every file. Prints the counts compared.
 */
@EnabledOnOs(OS.LINUX)
@EnabledIfSystemProperty(named = "os.arch", matches = "amd64|x86_64", disabledReason = "the multiarch directory is x86-64's")
class LddSymbolsDifferentialTest {
    private static final Path MULTIARCH = Path.of("/usr/lib/x86_64-linux-gnu");
    /** Every other ELF file of /usr/bin, sorted by name (a deterministic sample of a few hundred), keeps the test to a few minutes on two busy cores. */
    private static final int EXECUTABLE_STRIDE = 2;

    @Test
    void unresolvedSymbolsAndMissingVersionsEqualLddRForEveryLibraryAndSampledExecutables() throws Exception {
        Tools.requireOrSkip("ldd");
        List<Path> files = new ArrayList<>(sharedLibraries());
        int libraries = files.size();
        List<Path> executables = elfFiles(Path.of("/usr/bin"));
        for (int i = 0; i < executables.size(); i += EXECUTABLE_STRIDE) {
            files.add(executables.get(i));
        }
        assertTrue(libraries > 50, "expected many libraries in " + MULTIARCH + ", found " + libraries);

        ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
        Map<Path, Future<LddSymbols.Answer>> reference = new LinkedHashMap<>();
        try {
            for (Path f : files) {
                reference.put(f, pool.submit(() -> LddSymbols.run(f)));
            }
            ResolveHost host = ResolveHost.linuxGlibc(Architecture.fromJvm(System.getProperty("os.arch")))
                    .withHwcapsSubdirs(HostProbe.hwcapsSubdirs()).withEnv(Map.of()).withMainOriginIsRealPath(false)
                    .withCurrentDir(Path.of("/"));
            DependencyResolver resolver = new DependencyResolver(host);
            SymbolBinder binder = new SymbolBinder(Path.of("/"));
            List<String> differences = new ArrayList<>();
            int symbols = 0;
            int versionErrors = 0;
            int withFindings = 0;
            Map<Path, SymbolReport> bound = new LinkedHashMap<>();
            long start = System.nanoTime();
            for (Path f : files) {
                DependencyNode root = resolver.resolve(f.toString());
                bound.put(f, binder.bind(root));
            }
            long oursMillis = (System.nanoTime() - start) / 1_000_000;
            for (Path f : files) {
                SymbolReport ours = bound.get(f);
                LddSymbols.Answer ldd = reference.get(f).get();
                Set<String> mineU = ours.unresolved().stream().map(LddSymbols::unresolved)
                        .collect(Collectors.toCollection(LinkedHashSet::new));
                Set<String> mineV = ours.versionErrors().stream().map(LddSymbols::versionError)
                        .collect(Collectors.toCollection(LinkedHashSet::new));
                symbols += ldd.unresolved().size();
                versionErrors += ldd.versionErrors().size();
                if (!ldd.unresolved().isEmpty() || !ldd.versionErrors().isEmpty()) {
                    withFindings++;
                }
                if (!mineU.equals(ldd.unresolved()) || !mineV.equals(ldd.versionErrors())) {
                    differences.add(f + "\n  only ldd: " + minus(ldd.unresolved(), mineU) + " " + minus(ldd.versionErrors(), mineV)
                            + "\n  only ours: " + minus(mineU, ldd.unresolved()) + " " + minus(mineV, ldd.versionErrors())
                            + "\n  notes: " + ours.notes());
                }
            }
            System.out.printf("ldd -r differential: %d files (%d libraries, %d executables), %d with findings, "
                            + "%d undefined symbols and %d missing versions in the reference, %d files differ; resolved and bound here in %d ms%n",
                    files.size(), libraries, files.size() - libraries, withFindings, symbols, versionErrors, differences.size(),
                    oursMillis);
            differences.forEach(d -> System.out.println("DIFF " + d));
            assertEquals(List.of(), differences);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> r = new LinkedHashSet<>(a);
        r.removeAll(b);
        return r;
    }

    /** Every regular ELF file named like a shared library, symbolic links left out (they name the same files). */
    static List<Path> sharedLibraries() throws IOException {
        return elfFiles(MULTIARCH).stream().filter(p -> p.getFileName().toString().contains(".so")).toList();
    }

    static List<Path> elfFiles(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && isElf(p)) {
                    out.add(p);
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
