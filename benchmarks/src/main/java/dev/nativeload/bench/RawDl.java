package dev.nativeload.bench;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The floor: {@code dlopen} and {@code dlsym} bound here directly through {@link Linker#nativeLinker()},
 * with no library code in between. The handles are {@code static final} so the JIT treats them as
 * constants, as jextract-generated code does.
 */
final class RawDl {
    /** glibc's {@code RTLD_NOW}. */
    static final int RTLD_NOW = 2;

    private static final Linker LINKER = Linker.nativeLinker();

    /** {@snippet lang=c : void *dlopen(const char *file, int mode); } */
    private static final MethodHandle DLOPEN = LINKER.downcallHandle(
            LINKER.defaultLookup().find("dlopen").orElseThrow(), FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));

    /** {@snippet lang=c : void *dlsym(void *handle, const char *name); } */
    private static final MethodHandle DLSYM = LINKER.downcallHandle(
            LINKER.defaultLookup().find("dlsym").orElseThrow(), FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));

    private RawDl() {
    }

    /**
     * {@return the handle {@code dlopen} returns, or NULL}
     *
     * @param file a NUL-terminated path
     * @param mode the {@code RTLD_*} flags
     */
    static MemorySegment dlopen(MemorySegment file, int mode) {
        try {
            return (MemorySegment) DLOPEN.invokeExact(file, mode);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /**
     * {@return the symbol's address, or NULL}
     *
     * @param handle a {@code dlopen} handle
     * @param name   a NUL-terminated symbol name, allocated once by the caller
     */
    static MemorySegment dlsym(MemorySegment handle, MemorySegment name) {
        try {
            return (MemorySegment) DLSYM.invokeExact(handle, name);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }
}
