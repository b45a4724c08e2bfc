package dev.nativeload.startup;

import dev.nativeload.NativeLoadException;
import dev.nativeload.NativeLibrary;
import dev.nativeload.NativeLoader;
import dev.nativeload.spi.NativeAccess;
import dev.nativeload.spi.OpenMode;
import dev.nativeload.spi.OpenResult;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.ServiceLoader;

/**
 * A new JVM's first load, for {@link FirstLoadClassesTest}: {@code ok} loads zlib by its soname and
 * calls {@code zlibVersion()}, printing {@code zlib VERSION}; {@code find} loads it and looks the
 * function up without calling it, printing {@code found true}; {@code fail} loads a library that exists
 * nowhere and prints {@code failed KIND}; {@code raw-fail FILE} opens FILE through the service's
 * {@code open}, the first call of the process, and prints {@code CALL: MESSAGE}. Nothing else runs
 * before, so the classes the JVM loads are the load's own.
 */
public final class FirstLoadMain {
    private FirstLoadMain() {
    }

    /**
     * Runs one first load.
     *
     * @param args {@code ok}, {@code find}, {@code fail} or {@code raw-fail FILE}
     * @throws Throwable what the call throws
     */
    public static void main(String[] args) throws Throwable {
        if (args[0].equals("find")) {
            System.out.println("found " + NativeLoader.load("libz.so.1").find("zlibVersion").isPresent());
        } else if (args[0].equals("ok")) {
            NativeLibrary z = NativeLoader.load("libz.so.1");
            MethodHandle version = Linker.nativeLinker().downcallHandle(z.lookup("zlibVersion"),
                    FunctionDescriptor.of(ValueLayout.ADDRESS));
            System.out.println("zlib " + ((MemorySegment) version.invokeExact()).reinterpret(64).getString(0));
        } else if (args[0].equals("raw-fail")) {
            NativeAccess access = ServiceLoader.load(NativeAccess.class).findFirst().orElseThrow();
            if (access.open(args[1], OpenMode.DEFAULT) instanceof OpenResult.Failed failed) {
                System.out.println(failed.error().call() + ": " + failed.error().message());
            }
        } else {
            try {
                NativeLoader.load("nativeload_no_such_library_anywhere");
            } catch (NativeLoadException expected) {
                System.out.println("failed " + expected.kind());
            }
        }
    }
}
