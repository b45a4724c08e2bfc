package dev.nativeload.bench;

import dev.nativeload.NativeLibrary;
import dev.nativeload.NativeLoader;
import dev.nativeload.spi.OpenMode;
import dev.nativeload.spi.LoadStrategy;
import dev.nativeload.internal.chain.EmbeddedResourceStrategy;
import dev.nativeload.spi.Layouts;
import dev.nativeload.ffm.FfmNativeAccess;
import dev.nativeload.spi.NativeAccess;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
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
 * The warm start of an embedded library: it was extracted by an earlier run, so a load finds the
 * jar resource, recognizes the cached copy, verifies its SHA-256 and opens it. Compared with a
 * second {@code System.load} of the same extracted file (the JDK's own table hit) and with
 * {@code NativeLoader.load(Path)} of it when nativeload already holds it.
 *
 * <p>The library is built at setup with {@code gcc} from a one-line C source into a temporary jar.
 * As in {@link LoadBenchmark}, a reference of its own keeps the file mapped, so each warm start's
 * {@code dlopen} is a reference-count bump; each operation closes what it loaded so the next one
 * runs the embedded step again.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class EmbeddedWarmStartBenchmark {
    private static final OpenMode LAZY = new OpenMode(OpenMode.Binding.LAZY, OpenMode.Visibility.LOCAL);

    /** A jar holding {@code native/<platform-id>/libnlwarm.so}, already extracted once. */
    @State(Scope.Benchmark)
    public static class Embedded {
        private Path dir;
        private URLClassLoader jarLoader;
        List<LoadStrategy> strategies;
        Path extracted;
        String extractedName;
        private NativeLibrary held;

        /** Builds the library and the jar, extracts it once and keeps it mapped. */
        @Setup(Level.Trial)
        public void extractOnce() throws IOException, InterruptedException {
            dir = Files.createTempDirectory("nativeload-warm");
            Path source = Files.writeString(dir.resolve("warm.c"), "int nl_warm(void) { return 1; }\n");
            Path lib = dir.resolve("libnlwarm.so");
            Process gcc = new ProcessBuilder("gcc", "-shared", "-fPIC", "-o", lib.toString(), source.toString())
                    .inheritIO().start();
            if (gcc.waitFor() != 0) {
                throw new IllegalStateException("gcc failed to build " + lib);
            }
            NativeAccess access = FfmNativeAccess.provider();
            Path jar = dir.resolve("warm.jar");
            try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
                zip.putNextEntry(new JarEntry("native/" + access.host().platformId() + "/libnlwarm.so"));
                Files.copy(lib, zip);
                zip.closeEntry();
            }
            jarLoader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
            EmbeddedResourceStrategy embedded = new EmbeddedResourceStrategy(jarLoader, List.of(Layouts.classifier("native")),
                    Optional.of(dir.resolve("cache")));
            strategies = List.of(embedded);
            held = NativeLoader.builder("nlwarm").strategies(strategies).build().load();
            extracted = held.path();
            extractedName = extracted.toString();
            System.load(extractedName);
            NativeLoader.load(extracted);
        }

        /** Closes the class loader; the mapping lives until the fork ends. */
        @TearDown(Level.Trial)
        public void release() throws IOException {
            jarLoader.close();
        }
    }

    /**
     * {@return a warm start through the embedded step}: resource lookup, cached copy recognized,
     * hash verified, {@code dlopen}, report; then {@code close()} so the next op runs it again.
     *
     * @param e the extracted library
     */
    @Benchmark
    public NativeLibrary embeddedWarmStart(Embedded e) {
        // LAZY binding makes a loader key of its own: `held` (NOW) keeps the file mapped meanwhile.
        NativeLibrary lib = NativeLoader.builder("nlwarm").strategies(e.strategies).mode(LAZY).build().load();
        lib.close();
        return lib;
    }

    /**
     * A second {@code System.load} of the extracted file: the JDK finds it in its own table.
     *
     * @param e the extracted library
     */
    @Benchmark
    public void systemLoadOfTheExtractedFile(Embedded e) {
        System.load(e.extractedName);
    }

    /**
     * {@return {@code NativeLoader.load(Path)} of the extracted file, already held}: the cache hit.
     *
     * @param e the extracted library
     */
    @Benchmark
    public NativeLibrary nativeloadLoadOfTheExtractedFile(Embedded e) {
        return NativeLoader.load(e.extracted);
    }
}
