package dev.nativeload.bench;

import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.NotABinaryException;
import dev.nativeload.platform.HostProbe;
import dev.nativeload.resolve.DependencyResolver;
import dev.nativeload.resolve.ResolveHost;
import dev.nativeload.resolve.symbols.SymbolBinder;
import dev.nativeload.resolve.symbols.SymbolReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Every shared library of a directory (by default the x86-64 multiarch directory) with its symbols
 * bound: by nativeload's {@link SymbolBinder} in one process, against {@code ldd -r} run once per
 * library, on the same file list in the same run. One op is the whole list (ms per op).
 *
 * <ul>
 *   <li>{@link #bindEveryLibrary}: a fresh resolver and binder (nothing cached), then every library's
 *       tree resolved and bound, in a warm JVM; the binder finds what {@code ldd -r} reports and lists
 *       no bindings.
 *   <li>{@link #bindEveryLibraryListingBindings}: the same, the binder listing every binding too.
 *   <li>{@link #lddROncePerLibrary}: one shell loop calling {@code ldd -r} once per file, output to
 *       the null device, the way a script without nativeload would check them.
 * </ul>
 *
 * <p>{@code LddSymbolsDifferentialTest} (loader-parsers) checks that both report the same undefined
 * symbols and missing versions for every library of the directory.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class SymbolBindingBenchmark {
    private static final String LDD_LOOP =
            "n=0; for f do if ldd -r \"$f\" >/dev/null 2>&1; then n=$((n+1)); fi; done; echo $n";

    /** The directory whose shared libraries (regular files named {@code *.so*}, not links) are bound. */
    @Param({"/usr/lib/x86_64-linux-gnu"})
    public String directory;

    private List<Path> files;
    private List<String> lddLoop;

    /** Lists the regular files named like shared libraries that start with the ELF magic, sorted. */
    @Setup(Level.Trial)
    public void list() throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> entries = Files.list(Path.of(directory))) {
            for (Path p : entries.sorted().toList()) {
                if (p.getFileName().toString().contains(".so") && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                        && startsWithElfMagic(p)) {
                    found.add(p);
                }
            }
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("no shared libraries in " + directory);
        }
        files = List.copyOf(found);
        lddLoop = new ArrayList<>(List.of("sh", "-c", LDD_LOOP, "sh"));
        files.forEach(f -> lddLoop.add(f.toString()));
        System.err.printf("%n%s: %d shared libraries%n", directory, files.size());
    }

    private static boolean startsWithElfMagic(Path p) {
        try {
            return ElfMagic.startsWith(p);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Resolves and binds every library with a fresh resolver and binder, in this JVM, finding what
     * {@code ldd -r} reports (undefined symbols, missing versions) and listing no bindings.
     *
     * @return the number of undefined symbols and missing versions found, so nothing is dead code
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 5)
    @Measurement(iterations = 15)
    public long bindEveryLibrary() {
        return bindAll(SymbolBinder.Recorded.NONE);
    }

    /**
     * As {@link #bindEveryLibrary}, the binder also listing every binding (what {@code tree --symbols
     * --bindings} prints): the price of the list, which {@code ldd -r} does not make.
     *
     * @return the undefined symbols and missing versions found plus the bindings listed
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 5)
    @Measurement(iterations = 15)
    public long bindEveryLibraryListingBindings() {
        return bindAll(SymbolBinder.Recorded.ALL);
    }

    long bindAll(SymbolBinder.Recorded recorded) {
        ResolveHost host = ResolveHost.linuxGlibc(Architecture.fromJvm(System.getProperty("os.arch")))
                    .withHwcapsSubdirs(HostProbe.hwcapsSubdirs()).withEnv(Map.of()).withMainOriginIsRealPath(false)
                .withCurrentDir(Path.of("/"));
        DependencyResolver resolver = new DependencyResolver(host);
        SymbolBinder binder = new SymbolBinder(Path.of("/"), recorded);
        long findings = 0;
        for (Path file : files) {
            try {
                SymbolReport r = binder.bind(resolver.resolve(file.toString()));
                findings += r.unresolved().size() + r.versionErrors().size() + r.bindings().size();
            } catch (IOException | NotABinaryException | MalformedBinaryException e) {
                findings--;
            }
        }
        return findings;
    }

    /**
     * One shell running {@code ldd -r} once per file, one after another.
     *
     * @return the number of files ldd ran on without failing
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public int lddROncePerLibrary() throws IOException, InterruptedException {
        return Integer.parseInt(runLddLoop(LDD_LOOP).get(0));
    }

    /**
     * Runs the same {@code ldd -r} loop, its shell then printing its children's CPU time ({@code times}).
     *
     * @return the user plus system time of every {@code ldd} and what it ran, in milliseconds
     */
    long lddLoopCpuMillis() throws IOException, InterruptedException {
        String children = runLddLoop(LDD_LOOP + "; times").get(2); // e.g. "0m11.734s 0m14.402s"
        long ms = 0;
        for (String t : children.trim().split("\\s+")) {
            int m = t.indexOf('m');
            ms += Long.parseLong(t.substring(0, m)) * 60_000 + Math.round(Double.parseDouble(t.substring(m + 1, t.length() - 1)) * 1000);
        }
        return ms;
    }

    private List<String> runLddLoop(String script) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(lddLoop);
        command.set(2, script);
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().keySet().removeIf(k -> k.startsWith("LD_"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("the ldd -r loop failed: " + out);
        }
        return out.lines().toList();
    }

    /** {@return the number of files this benchmark binds} */
    int fileCount() {
        return files.size();
    }
}
