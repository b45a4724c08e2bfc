package dev.nativeload.bench;

import dev.nativeload.NativeLibrary;
import dev.nativeload.NativeLoader;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading libz when it is already in the process, in every way a Java program can.
 *
 * <p>A truly first load cannot be repeated in one process: after the first {@code dlopen} the file
 * stays mapped while anyone holds a reference. So the "first load" figures keep libz mapped
 * through a reference of their own and measure everything else: nativeload's whole chain (the
 * candidates, the header pre-check, {@code dlopen} as a reference-count bump, {@code dlinfo}, the
 * report) and its {@code dlclose}; the JDK's {@code libraryLookup} open and close. The mapping,
 * relocation and constructors of a cold {@code dlopen} are not in any figure here.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class LoadBenchmark {

    /** libz loaded once by nativeload, by {@code System.load} and by JNA, so every later load is a repeat. */
    @State(Scope.Benchmark)
    public static class Loaded {
        Path file;
        String fileName;

        /** Loads libz through every contender once. */
        @Setup(Level.Trial)
        public void load() {
            NativeLoader.load(Zlib.NAME);
            file = Zlib.file();
            fileName = file.toString();
            NativeLoader.load(file);
            System.load(fileName);
            com.sun.jna.NativeLibrary.getInstance(Zlib.NAME);
        }
    }

    /** libz held open by a raw {@code dlopen} of its own and absent from nativeload's cache. */
    @State(Scope.Benchmark)
    public static class Mapped {
        private Arena arena;
        Path file;

        /** Maps libz through a reference nativeload does not own, then drops nativeload's cached copy. */
        @Setup(Level.Trial)
        public void map() {
            file = Zlib.file();
            arena = Arena.ofShared();
            MemorySegment handle = RawDl.dlopen(arena.allocateFrom(file.toString()), RawDl.RTLD_NOW);
            if (handle.address() == 0) {
                throw new IllegalStateException("dlopen failed for " + file);
            }
            NativeLoader.load(Zlib.NAME).close();
        }

        /** Frees the path string; the raw reference lives until the fork ends. */
        @TearDown(Level.Trial)
        public void release() {
            arena.close();
        }
    }

    /** {@code NativeLoader.load("z")} when this name was loaded before: the loader's cache. */
    @Benchmark
    public NativeLibrary nativeloadLoadByNameAlreadyLoaded(Loaded state) {
        return NativeLoader.load(Zlib.NAME);
    }

    /** {@code NativeLoader.load(path)} when this file was loaded before (a new builder and key each call). */
    @Benchmark
    public NativeLibrary nativeloadLoadByPathAlreadyLoaded(Loaded state) {
        return NativeLoader.load(state.file);
    }

    /** A second {@code System.load} of the same file: the JDK canonicalizes the path and finds it loaded. */
    @Benchmark
    public String systemLoadAgain(Loaded state) {
        System.load(state.fileName);
        return state.fileName;
    }

    /** JNA's {@code NativeLibrary.getInstance("z")}: its map of loaded libraries. */
    @Benchmark
    public com.sun.jna.NativeLibrary jnaGetInstanceCached(Loaded state) {
        return com.sun.jna.NativeLibrary.getInstance(Zlib.NAME);
    }

    /**
     * A new loader for "z" running the whole default chain, then {@code close()}, which releases it:
     * the next call runs the chain again. Its explicit-path property is its own, so no other holder of
     * "z" in this JVM (the other benchmarks' {@code load("z")}) shares its library. libz stays mapped,
     * see above.
     */
    @Benchmark
    public NativeLibrary nativeloadChainLoadThenClose(Mapped state) {
        NativeLibrary library = NativeLoader.builder(Zlib.NAME).explicitPathProperty("nativeload.bench.%s.path").build().load();
        library.close();
        return library;
    }

    /** The JDK: {@code SymbolLookup.libraryLookup(path, arena)} of the mapped file, then the arena's close. */
    @Benchmark
    public SymbolLookup jdkLibraryLookupOpenThenClose(Mapped state) {
        try (Arena arena = Arena.ofConfined()) {
            return SymbolLookup.libraryLookup(state.file, arena);
        }
    }
}
