package dev.nativeload.ffm;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;

/**
 * One bound C function: its name, whether the process has it, and the downcall handle. A function
 * the process lacks gets a handle of the same type that throws {@link UnsatisfiedLinkError}, so a
 * missing symbol fails only when it is called, and {@link #available()} reports it beforehand.
 *
 * <p>Records' fields are trusted as constants by the JIT, so a {@code static final Downcall} in a
 * holder class is as fast to call through as a {@code static final MethodHandle}.
 *
 * @param name      the C symbol
 * @param available whether the symbol was found
 * @param handle    the downcall handle, or the throwing stand-in
 */
@SuppressWarnings("restricted") // this module is the native boundary; run with --enable-native-access
record Downcall(String name, boolean available, MethodHandle handle) {
    /**
     * {@return the downcall for {@code name} in {@code lookup}, or a throwing stand-in when it is absent}
     *
     * @param lookup     where to find the symbol
     * @param name       the C symbol
     * @param descriptor the C signature
     * @param options    linker options (call-state capture)
     */
    static Downcall find(SymbolLookup lookup, String name, FunctionDescriptor descriptor, Linker.Option... options) {
        Linker linker = Linker.nativeLinker();
        Optional<MemorySegment> address = lookup.find(name);
        if (address.isPresent()) {
            return new Downcall(name, true, linker.downcallHandle(address.get(), descriptor, options));
        }
        MethodType type = linker.downcallHandle(descriptor, options).type().dropParameterTypes(0, 1);
        MethodHandle thrower = MethodHandles.throwException(type.returnType(), UnsatisfiedLinkError.class);
        thrower = MethodHandles.insertArguments(thrower, 0, new UnsatisfiedLinkError("C function not found in this process: " + name));
        return new Downcall(name, false, MethodHandles.dropArguments(thrower, 0, type.parameterList()));
    }

    /**
     * {@return {@code t} as an unchecked throwable, for the {@code catch (Throwable)} around {@code invokeExact}}
     *
     * @param t what the call threw
     */
    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new AssertionError("a downcall threw a checked exception", t);
    }
}
