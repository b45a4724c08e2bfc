package dev.nativeload.examples;

import dev.nativeload.NativeLibrary;
import dev.nativeload.NativeLoadException;
import dev.nativeload.NativeLoader;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Loads a library by name through the fallback chain, calls a {@code const char *f(void)} function
 * from it and prints what it returned and the load report. With no arguments it shows two loads:
 * zlib's {@code zlibVersion} from the system, and {@code nlexample_greeting} from a library that
 * is embedded in this program's jar ({@code native/<platform-id>/libnlexample.so}) and extracted by
 * the chain's last step.
 *
 * <pre>
 * LoadAndCall [library [function]]      e.g.  LoadAndCall z zlibVersion
 * </pre>
 *
 * Exit status 0 when the libraries loaded and the functions were called, 1 when a load failed
 * (the report says why), 2 when a function is missing.
 */
public final class LoadAndCall {
    private LoadAndCall() {
    }

    /** @param args optional library name and function name */
    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            int status = run("z", "zlibVersion");
            System.out.println();
            System.exit(Math.max(status, run("nlexample", "nlexample_greeting")));
        }
        System.exit(run(args[0], args.length > 1 ? args[1] : ""));
    }

    private static int run(String library, String function) throws Throwable {
        NativeLibrary lib;
        try {
            lib = NativeLoader.load(library);
        } catch (NativeLoadException e) {
            System.out.println(e.getMessage());
            return 1;
        }
        System.out.println(lib.report());
        if (function.isEmpty()) {
            return 0;
        }
        var address = lib.find(function);
        if (address.isEmpty()) {
            System.out.println("no function \"" + function + "\" in " + lib.path());
            return 2;
        }
        MethodHandle call = Linker.nativeLinker().downcallHandle(address.get(), FunctionDescriptor.of(ValueLayout.ADDRESS));
        MemorySegment result = (MemorySegment) call.invokeExact();
        String text = result.equals(MemorySegment.NULL) ? "(null)" : result.reinterpret(4096).getString(0);
        System.out.println(function + "() = \"" + text + "\"");
        return 0;
    }
}
