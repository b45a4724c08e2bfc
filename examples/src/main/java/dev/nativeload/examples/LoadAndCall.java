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
 * from it and prints what it returned and the load report. With no arguments: zlib's
 * {@code zlibVersion}.
 *
 * <pre>
 * LoadAndCall [library [function]]      e.g.  LoadAndCall z zlibVersion
 * </pre>
 *
 * Exit status 0 when the library loaded and the function was called, 1 when the load failed
 * (the report says why), 2 when the function is missing.
 */
public final class LoadAndCall {
    private LoadAndCall() {
    }

    /** @param args optional library name and function name */
    public static void main(String[] args) throws Throwable {
        String library = args.length > 0 ? args[0] : "z";
        String function = args.length > 1 ? args[1] : (library.equals("z") ? "zlibVersion" : "");
        NativeLibrary lib;
        try {
            lib = NativeLoader.load(library);
        } catch (NativeLoadException e) {
            System.out.println(e.getMessage());
            System.exit(1);
            return;
        }
        System.out.println(lib.report());
        if (function.isEmpty()) {
            return;
        }
        var address = lib.find(function);
        if (address.isEmpty()) {
            System.out.println("no function \"" + function + "\" in " + lib.path());
            System.exit(2);
        }
        MethodHandle call = Linker.nativeLinker().downcallHandle(address.get(), FunctionDescriptor.of(ValueLayout.ADDRESS));
        MemorySegment result = (MemorySegment) call.invokeExact();
        String text = result.equals(MemorySegment.NULL) ? "(null)" : result.reinterpret(4096).getString(0);
        System.out.println(function + "() = \"" + text + "\"");
    }
}
