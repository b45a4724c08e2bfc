package dev.nativeload.bench;

import com.sun.jna.NativeLibrary;
import dev.nativeload.NativeLoader;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * What {@link ColdStartBenchmark} starts in a new JVM: one way of loading zlib and calling
 * {@code zlibVersion()} once, as the first thing the program does. Prints the version and exits 0.
 *
 * <p>Usage: {@code ColdStartProgram nativeload|jdk|jna|none}.
 */
public final class ColdStartProgram {
    private ColdStartProgram() {
    }

    /**
     * Loads zlib the named way and prints its version ({@code none}: prints nothing, the JVM's own start).
     *
     * @param args one argument, the way
     * @throws Throwable whatever the load or the call throws; the JVM then exits with status 1
     */
    public static void main(String[] args) throws Throwable {
        String version = switch (args[0]) {
            case "nativeload" -> call(NativeLoader.load(Zlib.NAME).find(Zlib.PRESENT_SYMBOL).orElseThrow());
            // The JDK's own search by name: dlopen of the runtime soname.
            case "jdk" -> call(SymbolLookup.libraryLookup("libz.so.1", Arena.global()).find(Zlib.PRESENT_SYMBOL).orElseThrow());
            case "jna" -> NativeLibrary.getInstance(Zlib.NAME).getFunction(Zlib.PRESENT_SYMBOL).invokeString(new Object[0], false);
            case "none" -> "";
            default -> throw new IllegalArgumentException("nativeload, jdk, jna or none, not " + args[0]);
        };
        System.out.println(version);
    }

    /** {@return the C string {@code const char *zlibVersion(void)} returns} @param function its address */
    private static String call(MemorySegment function) throws Throwable {
        MethodHandle h = Linker.nativeLinker().downcallHandle(function, FunctionDescriptor.of(ValueLayout.ADDRESS));
        return ((MemorySegment) h.invokeExact()).reinterpret(256).getString(0);
    }
}
