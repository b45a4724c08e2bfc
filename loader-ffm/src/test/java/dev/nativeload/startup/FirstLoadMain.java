package dev.nativeload.startup;

import dev.nativeload.NativeLoadException;
import dev.nativeload.NativeLibrary;
import dev.nativeload.NativeLoader;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * A new JVM's first load, for {@link FirstLoadClassesTest}: {@code ok} loads zlib by its soname and
 * calls {@code zlibVersion()}, printing {@code zlib VERSION}; {@code fail} loads a library that exists
 * nowhere and prints {@code failed KIND}. Nothing else runs before, so the classes the JVM loads are
 * the load's own.
 */
public final class FirstLoadMain {
    private FirstLoadMain() {
    }

    /**
     * Runs one first load.
     *
     * @param args {@code ok} or {@code fail}
     * @throws Throwable what the call throws
     */
    public static void main(String[] args) throws Throwable {
        if (args[0].equals("ok")) {
            NativeLibrary z = NativeLoader.load("libz.so.1");
            MethodHandle version = Linker.nativeLinker().downcallHandle(z.lookup("zlibVersion"),
                    FunctionDescriptor.of(ValueLayout.ADDRESS));
            System.out.println("zlib " + ((MemorySegment) version.invokeExact()).reinterpret(64).getString(0));
        } else {
            try {
                NativeLoader.load("nativeload_no_such_library_anywhere");
            } catch (NativeLoadException expected) {
                System.out.println("failed " + expected.kind());
            }
        }
    }
}
