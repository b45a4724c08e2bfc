package dev.nativeload.bench;

import dev.nativeload.NativeLibrary;
import dev.nativeload.NativeLoader;
import dev.nativeload.ffm.FfmNativeAccess;
import dev.nativeload.spi.LibraryHandle;
import dev.nativeload.spi.NativeAccess;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
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
 * Looking up one symbol in libz, already open, in every way a Java program can: nativeload's cached
 * {@link NativeLibrary#find}, an uncached lookup through the {@link NativeAccess} SPI, the raw
 * {@code dlsym} downcall (the floor), the JDK's {@link SymbolLookup#libraryLookup}, and JNA's
 * {@code NativeLibrary.getFunction}. Each runs for a symbol zlib exports ({@code present},
 * {@code zlibVersion}) and one it does not ({@code missing}).
 *
 * <p>{@link NativeLibrary} has no uncached public path ({@link NativeLibrary#symbolLookup()} reads
 * the same cache), so "uncached" is {@link NativeAccess#symbol} on the library's own handle: the
 * call {@code find} makes on a cache miss, name conversion and all.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class SymbolLookupBenchmark {
    /** The lifetime the uncached SPI lookups give their symbols, as a loaded library's arena would. */
    private static final Arena SCOPE = Arena.ofShared();

    /** Whether the symbol is exported by libz. */
    @Param({"present", "missing"})
    public String symbol;

    private String name;
    private NativeLibrary library;
    private NativeAccess access;
    private LibraryHandle handle;
    private Arena arena;
    private MemorySegment rawHandle;
    private MemorySegment rawName;
    private SymbolLookup jdkLookup;
    private com.sun.jna.NativeLibrary jnaLibrary;

    /** Opens libz once for every contender and checks each one answers as expected before timing it. */
    @Setup(Level.Trial)
    public void open() {
        name = Zlib.symbol(symbol);
        library = NativeLoader.load(Zlib.NAME);
        access = FfmNativeAccess.provider();
        handle = library.handle();
        Path file = Zlib.file();
        arena = Arena.ofShared();
        rawHandle = RawDl.dlopen(arena.allocateFrom(file.toString()), RawDl.RTLD_NOW);
        if (rawHandle.address() == 0) {
            throw new IllegalStateException("dlopen failed for " + file);
        }
        // In the global arena: a downcall given a segment of a shared arena acquires and releases that
        // arena around the call (two atomic operations), which the floor must not pay.
        rawName = Arena.global().allocateFrom(name);
        jdkLookup = SymbolLookup.libraryLookup(file, arena);
        jnaLibrary = com.sun.jna.NativeLibrary.getInstance(Zlib.NAME);

        boolean present = name.equals(Zlib.PRESENT_SYMBOL);
        expect(library.find(name).isPresent() == present, "NativeLibrary.find");
        expect(access.symbol(handle, name, SCOPE).isPresent() == present, "NativeAccess.symbol");
        expect((RawDl.dlsym(rawHandle, rawName).address() != 0) == present, "dlsym");
        expect(jdkLookup.find(name).isPresent() == present, "SymbolLookup.find");
        expect((jnaGetFunction() instanceof com.sun.jna.Function) == present, "JNA getFunction");
    }

    /** Releases the JDK lookup's and the raw handle's references. */
    @TearDown(Level.Trial)
    public void close() {
        arena.close();
    }

    private void expect(boolean ok, String who) {
        if (!ok) {
            throw new IllegalStateException(who + " did not answer as expected for the " + symbol + " symbol " + name);
        }
    }

    /** nativeload's cached lookup: after the first call a map read that allocates nothing. */
    @Benchmark
    public Optional<MemorySegment> nativeloadFindCached() {
        return library.find(name);
    }

    /** An uncached lookup through the SPI: the name copied into a per-thread native buffer, then {@code dlsym}. */
    @Benchmark
    public Optional<MemorySegment> nativeloadSymbolUncached() {
        return access.symbol(handle, name, SCOPE);
    }

    /** The floor: a {@code dlsym} downcall with the C string allocated once, before timing. */
    @Benchmark
    public MemorySegment rawDlsym() {
        return RawDl.dlsym(rawHandle, rawName);
    }

    /** A buffer for {@link #rawDlsymEncodingTheName}, allocated once in the global arena. */
    private final MemorySegment nameBuffer = Arena.global().allocate(256);

    /**
     * The floor for any lookup that takes a Java {@code String}: the raw {@code dlsym} downcall after
     * writing the name as a C string into a buffer allocated once ({@code setString}, no NUL check).
     * Context for the uncached figure: {@link #rawDlsym} is given the C string ready-made.
     */
    @Benchmark
    public MemorySegment rawDlsymEncodingTheName() {
        nameBuffer.setString(0, name, StandardCharsets.UTF_8);
        return RawDl.dlsym(rawHandle, nameBuffer);
    }

    /** The JDK's own lookup: {@code SymbolLookup.libraryLookup(path, arena).find(name)}, which asks the OS every time. */
    @Benchmark
    public Optional<MemorySegment> jdkLibraryLookupFind() {
        return jdkLookup.find(name);
    }

    /** JNA: {@code NativeLibrary.getFunction(name)}, cached for names it found; a miss throws every time. */
    @Benchmark
    public Object jnaGetFunction() {
        try {
            return jnaLibrary.getFunction(name);
        } catch (UnsatisfiedLinkError missing) {
            return missing;
        }
    }
}
