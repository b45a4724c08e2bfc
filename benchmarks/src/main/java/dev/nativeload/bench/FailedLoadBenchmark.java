package dev.nativeload.bench;

import dev.nativeload.spi.LoadStrategy;
import dev.nativeload.IncompatibleLibraryException;
import dev.nativeload.LibraryNotFoundException;
import dev.nativeload.NativeLoadException;
import dev.nativeload.NativeLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * What one failed load costs, diagnosis included: every attempt of the chain recorded, the cause
 * classified, the report rendered into the exception's message. Not a hot path, but it must stay
 * well under a millisecond per attempt.
 *
 * <p>The wrong-architecture library is built at setup by {@code aarch64-linux-gnu-gcc} (Debian's
 * {@code gcc-aarch64-linux-gnu}) into a temporary directory, from a one-line C source.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class FailedLoadBenchmark {
    /** A library name no system has. */
    static final String ABSENT = "nativeload_bench_absent";

    private Path dir;
    private Path wrongArch;
    private NativeLoader wrongArchUnchecked;

    /** Builds the aarch64 library and checks every contender fails the way its name says. */
    @Setup(Level.Trial)
    public void build() throws IOException, InterruptedException {
        dir = Files.createTempDirectory("nativeload-bench");
        Path source = Files.writeString(dir.resolve("wrongarch.c"), "int wrongarch_answer(void) { return 42; }\n");
        wrongArch = dir.resolve("libwrongarch.so");
        Process cc = new ProcessBuilder("aarch64-linux-gnu-gcc", "-shared", "-fPIC", "-o", wrongArch.toString(), source.toString())
                .inheritIO().start();
        if (cc.waitFor() != 0 || !Files.isRegularFile(wrongArch)) {
            throw new IllegalStateException("aarch64-linux-gnu-gcc could not build " + wrongArch
                    + " (install Debian's gcc-aarch64-linux-gnu)");
        }
        wrongArchUnchecked = NativeLoader.builder("wrongarch").strategies(List.of(LoadStrategy.file(wrongArch)))
                .precheck(false).build();

        expect(failedLoadByNameNotFound(), LibraryNotFoundException.class);
        expect(failedLoadWrongArchitecturePrechecked(), IncompatibleLibraryException.class);
        expect(failedLoadWrongArchitectureByTheOs(), IncompatibleLibraryException.class);
        if (!(jdkLibraryLookupNotFound() instanceof IllegalArgumentException)) {
            throw new IllegalStateException("SymbolLookup.libraryLookup did not fail for " + ABSENT);
        }
    }

    private static void expect(Object failure, Class<? extends NativeLoadException> kind) {
        if (!kind.isInstance(failure)) {
            throw new IllegalStateException("expected " + kind.getSimpleName() + ", got " + failure);
        }
    }

    /** Deletes the temporary library. */
    @TearDown(Level.Trial)
    public void clean() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /**
     * {@code NativeLoader.load} of a name that exists nowhere: the whole default chain (explicit,
     * system, every search directory) walked, every attempt recorded, the report rendered.
     */
    @Benchmark
    public Object failedLoadByNameNotFound() {
        try {
            return NativeLoader.load(ABSENT);
        } catch (NativeLoadException e) {
            return e;
        }
    }

    /** {@code NativeLoader.load(path)} of an aarch64 library on x86-64: the header pre-check refuses it, no dlopen. */
    @Benchmark
    public Object failedLoadWrongArchitecturePrechecked() {
        try {
            return NativeLoader.load(wrongArch);
        } catch (NativeLoadException e) {
            return e;
        }
    }

    /** The same file with the pre-check off: dlopen fails, then the classifier reads the headers to explain glibc's message. */
    @Benchmark
    public Object failedLoadWrongArchitectureByTheOs() {
        try {
            return wrongArchUnchecked.load();
        } catch (NativeLoadException e) {
            return e;
        }
    }

    /** For scale: the JDK's {@code SymbolLookup.libraryLookup} of an absent name (one dlopen, a one-line message). */
    @Benchmark
    public Object jdkLibraryLookupNotFound() {
        try (Arena arena = Arena.ofConfined()) {
            return SymbolLookup.libraryLookup(System.mapLibraryName(ABSENT), arena);
        } catch (IllegalArgumentException e) {
            return e;
        }
    }
}
