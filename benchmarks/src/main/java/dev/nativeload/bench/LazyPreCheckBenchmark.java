package dev.nativeload.bench;

import dev.nativeload.NativeLibrary;
import dev.nativeload.NativeLoader;
import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.NotABinaryException;
import dev.nativeload.platform.HostProbe;
import dev.nativeload.resolve.DependencyResolver;
import dev.nativeload.resolve.ResolveHost;
import dev.nativeload.resolve.symbols.SymbolBinder;
import dev.nativeload.resolve.symbols.SymbolReport;
import dev.nativeload.spi.LoadStrategy;
import dev.nativeload.spi.OpenMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * What binding symbols before a LAZY load costs on a load that succeeds: a whole {@code NativeLoader}
 * load by path with lazy binding, then its close, with the pre-check's symbol binding on and off,
 * for zlib (small, libc only) and libstdc++ (large: libm, libc, libgcc_s). The library stays mapped
 * through a raw {@code dlopen} of its own, so {@code dlopen} is a reference-count bump in both, and
 * the binding's answer comes from its cache (per file, checked against each tree file's identity)
 * after the first op. {@link #offlineBindUncached} is what a cache miss costs: the tree resolved and
 * bound from scratch.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@State(Scope.Benchmark)
public class LazyPreCheckBenchmark {
    private static final OpenMode LAZY = new OpenMode(OpenMode.Binding.LAZY, OpenMode.Visibility.LOCAL);

    /** The library: a file name the OS loader finds ({@code libz.so.1}, {@code libstdc++.so.6}). */
    @Param({"libz.so.1", "libstdc++.so.6"})
    public String library;

    Path file;
    private Arena arena;
    private ResolveHost loader;

    /** Finds the file, maps it through a reference of its own, and checks both loads succeed. */
    @Setup(Level.Trial)
    public void map() {
        try (NativeLibrary first = NativeLoader.load(library)) {
            file = first.path().toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        arena = Arena.ofShared();
        if (RawDl.dlopen(arena.allocateFrom(file.toString()), RawDl.RTLD_NOW).address() == 0) {
            throw new IllegalStateException("dlopen failed for " + file);
        }
        loader = ResolveHost.forHost(HostProbe.fromFiles()).withCurrentDir(Path.of("").toAbsolutePath());
    }

    /** Frees the path string; the raw reference lives until the fork ends. */
    @TearDown(Level.Trial)
    public void release() {
        arena.close();
    }

    private NativeLibrary loadThenClose(boolean bind) {
        NativeLibrary lib = NativeLoader.builder("bench-lazy").strategies(List.of(LoadStrategy.file(file))).mode(LAZY)
                .bindSymbolsBeforeLoad(bind).build().load();
        lib.close();
        return lib;
    }

    /** A LAZY load by path with the symbols bound first (the default for LAZY), then close. */
    @Benchmark
    public NativeLibrary lazyLoadWithSymbolsBound() {
        return loadThenClose(true);
    }

    /** The same load with {@code bindSymbolsBeforeLoad(false)}. */
    @Benchmark
    public NativeLibrary lazyLoadWithoutSymbolsBound() {
        return loadThenClose(false);
    }

    /** A cache miss: the tree resolved and bound offline from nothing (a new resolver and binder). */
    @Benchmark
    public SymbolReport offlineBindUncached() throws IOException, NotABinaryException, MalformedBinaryException {
        return new SymbolBinder(loader.currentDir()).bind(new DependencyResolver(loader).resolve(file.toString()));
    }
}
