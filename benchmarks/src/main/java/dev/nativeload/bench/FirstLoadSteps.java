package dev.nativeload.bench;

import dev.nativeload.NativeLibrary;
import dev.nativeload.NativeLoader;
import dev.nativeload.ffm.FfmNativeAccess;
import dev.nativeload.spi.NativeAccess;
import dev.nativeload.spi.OpenMode;
import dev.nativeload.spi.OpenResult;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a new JVM's first load and call of zlib spend the main thread's CPU time, step by step:
 * {@code /proc/thread-self/schedstat} read around each (Linux only). Each step pays for what it is
 * the first to need (the FFM linker's start, a downcall shape, classes), so the split is by first
 * use. Prints one line of {@code step=ms}; run it in a fresh JVM each time, several times.
 *
 * <p>Usage: {@code FirstLoadSteps nativeload|jdk}: {@code nativeload} starts the provider, reads the
 * host, opens {@code libz.so} through the provider and asks its path, then runs
 * {@code NativeLoader.load("z")}, {@code find} and the call; {@code jdk} runs
 * {@code SymbolLookup.libraryLookup}, {@code find} and the call.
 */
public final class FirstLoadSteps {
    private final StringBuilder out = new StringBuilder();
    private long last;

    private FirstLoadSteps() throws IOException {
        cpuNanos();
        last = cpuNanos();
    }

    private static long cpuNanos() throws IOException {
        String s = new String(Files.readAllBytes(Path.of("/proc/thread-self/schedstat")), java.nio.charset.StandardCharsets.US_ASCII);
        return Long.parseLong(s.substring(0, s.indexOf(' ')));
    }

    private void step(String name) throws IOException {
        long now = cpuNanos();
        out.append(name).append('=').append((now - last) / 100_000 / 10.0).append(' ');
        last = cpuNanos();
    }

    /**
     * Runs the steps of one way and prints their CPU times.
     *
     * @param args {@code nativeload} or {@code jdk}
     * @throws Throwable whatever a step throws
     */
    public static void main(String[] args) throws Throwable {
        FirstLoadSteps steps = new FirstLoadSteps();
        MemorySegment function;
        if (args[0].equals("jdk")) {
            SymbolLookup z = SymbolLookup.libraryLookup("libz.so", Arena.global());
            steps.step("libraryLookup");
            function = z.find(Zlib.PRESENT_SYMBOL).orElseThrow();
            steps.step("find");
        } else {
            NativeAccess access = FfmNativeAccess.provider();
            steps.step("provider");
            access.host();
            steps.step("host");
            OpenResult opened = access.open("libz.so", OpenMode.DEFAULT);
            steps.step("dlopen");
            access.loadedPath(((OpenResult.Opened) opened).handle());
            steps.step("loadedPath");
            NativeLibrary z = NativeLoader.load(Zlib.NAME);
            steps.step("load");
            function = z.find(Zlib.PRESENT_SYMBOL).orElseThrow();
            steps.step("find");
        }
        MethodHandle call = Linker.nativeLinker().downcallHandle(function, FunctionDescriptor.of(ValueLayout.ADDRESS));
        steps.step("bind");
        String version = ((MemorySegment) call.invokeExact()).reinterpret(256).getString(0);
        steps.step("call");
        System.out.println(steps.out.append("zlib=").append(version));
    }
}
