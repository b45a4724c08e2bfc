package dev.nativeload.bench;

import dev.nativeload.binary.Architecture;
import dev.nativeload.platform.HostProbe;
import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.NotABinaryException;
import dev.nativeload.resolve.DependencyNode;
import dev.nativeload.resolve.DependencyResolver;
import dev.nativeload.resolve.ResolveHost;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The dependency tree of every ELF executable in some directories (by default {@code /usr/bin}
 * and {@code /usr/sbin}): resolved by nativeload's glibc emulation, against {@code ldd} run once
 * per executable, on the same file list in the same run. One op is the whole list (ms per op).
 *
 * <ul>
 *   <li>{@link #resolveEveryExecutable}: a warm JVM; each op probes the host and builds a fresh
 *       {@link DependencyResolver} (empty file and cache caches), then resolves every file.
 *   <li>{@link #resolveEveryExecutableFirstPassInAFreshJvm}: the same op once per forked JVM,
 *       nothing of nativeload run before it: class loading, the interpreter and the JIT's warm-up
 *       are all in the figure. {@link #resolveEveryExecutableFirstPassInAFreshJvmLauncherFlags}: the
 *       same with the JIT and collector options {@code bin/nativeload} starts the JVM with.
 *   <li>{@link #treeCommand}: {@code bin/nativeload tree --json} given every file, a new JVM from
 *       {@code exec} to exit, JSON to the null device: what a person at a shell waits for.
 *   <li>{@link #lddOncePerExecutable}: one shell loop calling {@code ldd} once per file, output to
 *       the null device, the way a script without nativeload would do it.
 * </ul>
 *
 * <p>The resolver is given the host {@code ldd} sees: no {@code LD_LIBRARY_PATH} (the child
 * processes get an environment without the {@code LD_*} variables), this machine's
 * {@code ld.so.cache}, hwcaps and default directories. {@code LddDifferentialTest} checks that both
 * give the same paths for every dependency.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 2, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class DependencyTreeBenchmark {
    private static final String LDD_LOOP =
            "n=0; for f do if ldd \"$f\" >/dev/null 2>&1; then n=$((n+1)); fi; done; echo $n";

    /** The directories whose ELF executables are resolved (not recursive), separated by ':'. */
    @Param({"/usr/bin:/usr/sbin"})
    public String directories;

    private List<Path> files;
    private List<String> lddLoop;
    private Path argumentFile;
    private List<String> treeCommand;

    /** Lists the regular files that start with the ELF magic (symlinks skipped), sorted per directory. */
    @Setup(Level.Trial)
    public void list() throws IOException {
        List<Path> found = new ArrayList<>();
        for (String dir : directories.split(":")) {
            try (Stream<Path> entries = Files.list(Path.of(dir))) {
                for (Path p : entries.sorted().toList()) {
                    if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && startsWithElfMagic(p)) {
                        found.add(p);
                    }
                }
            }
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("no ELF files in " + directories);
        }
        files = List.copyOf(found);
        lddLoop = new ArrayList<>(List.of("sh", "-c", LDD_LOOP, "sh"));
        files.forEach(f -> lddLoop.add(f.toString()));
        argumentFile = Files.createTempFile("nativeload-tree-bench", ".args");
        Files.write(argumentFile, files.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
        treeCommand = launcher().map(l -> List.of(l.toString(), "tree", "--json", "@" + argumentFile)).orElse(List.of());
        System.err.printf("%n%s: %d ELF files%n", directories, files.size());
    }

    /** Deletes the argument file of {@link #treeCommand}. */
    @TearDown(Level.Trial)
    public void removeArgumentFile() throws IOException {
        Files.deleteIfExists(argumentFile);
    }

    /** An unreadable file is left out, as ldd could not read it either. */
    private static boolean startsWithElfMagic(Path p) {
        try {
            return ElfMagic.startsWith(p);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * {@code bin/nativeload} of the checkout this jar was built in: two levels above
     * {@code benchmarks/target/benchmarks.jar} (or {@code benchmarks/target/test-classes} in a test).
     */
    private static Optional<Path> launcher() {
        Path entry = Path.of(System.getProperty("java.class.path").split(File.pathSeparator)[0]).toAbsolutePath();
        Path launcher = entry.resolveSibling("../../bin/nativeload").normalize();
        return Files.isExecutable(launcher) ? Optional.of(launcher) : Optional.empty();
    }

    /**
     * Probes the host and resolves every file with a fresh resolver, in this JVM.
     *
     * @return the number of dependencies found over all trees, so nothing is dead code
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 5, time = 1)
    @Measurement(iterations = 5, time = 1)
    public long resolveEveryExecutable() {
        DependencyResolver resolver = new DependencyResolver(lddHost());
        long found = 0;
        for (Path file : files) {
            try {
                found += countFound(resolver.resolve(file.toString()));
            } catch (IOException | NotABinaryException | MalformedBinaryException e) {
                found--;
            }
        }
        return found;
    }

    /** {@link #resolveEveryExecutable()} once in each of 10 new JVMs, with the JVM's default options. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(value = 10, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
    public long resolveEveryExecutableFirstPassInAFreshJvm() {
        return resolveEveryExecutable();
    }

    /** The first pass again, with the options {@code bin/nativeload} gives the JVM. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(value = 10, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"})
    public long resolveEveryExecutableFirstPassInAFreshJvmLauncherFlags() {
        return resolveEveryExecutable();
    }

    /**
     * {@code bin/nativeload tree --json @FILE-LIST}, a new process from start to exit.
     *
     * @return its exit status (1: some file has a missing dependency or is not a dynamic object)
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public int treeCommand() throws IOException, InterruptedException {
        if (treeCommand.isEmpty()) {
            throw new IllegalStateException("bin/nativeload not found next to this jar's checkout; run it from benchmarks/target");
        }
        return child(treeCommand).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    /**
     * One shell running {@code ldd} once per file, one after another.
     *
     * @return the number of files ldd printed a tree for (it fails on static executables)
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 1)
    @Measurement(iterations = 5)
    public int lddOncePerExecutable() throws IOException, InterruptedException {
        Process p = child(lddLoop).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("the ldd loop failed: " + out);
        }
        return Integer.parseInt(out);
    }

    /** A child with no {@code LD_*} variables, as the resolver's host has none; its errors discarded. */
    private static ProcessBuilder child(List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().keySet().removeIf(k -> k.startsWith("LD_"));
        return pb;
    }

    /** {@return the number of files this benchmark resolves} */
    int fileCount() {
        return files.size();
    }

    /** {@return the number of files whose resolved tree has a dependency: those ldd can print a tree for} */
    int dynamicFileCount() throws IOException, NotABinaryException, MalformedBinaryException {
        DependencyResolver resolver = new DependencyResolver(lddHost());
        int n = 0;
        for (Path file : files) {
            n += resolver.resolve(file.toString()).children().isEmpty() ? 0 : 1;
        }
        return n;
    }

    /** This machine as {@code ldd} sees it from the shell loop: no environment, {@code $ORIGIN} of the path as given. */
    private static ResolveHost lddHost() {
        return ResolveHost.linuxGlibc(Architecture.fromJvm(System.getProperty("os.arch")))
                .withHwcapsSubdirs(HostProbe.hwcapsSubdirs()).withEnv(Map.of()).withMainOriginIsRealPath(false).withCurrentDir(Path.of("/"));
    }

    private static long countFound(DependencyNode node) {
        long n = 0;
        for (DependencyNode child : node.children()) {
            n += (child.found() ? 1 : 0) + countFound(child);
        }
        return n;
    }
}
