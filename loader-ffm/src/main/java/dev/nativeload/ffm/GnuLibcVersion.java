package dev.nativeload.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;

/** Bindings of {@code <gnu/libc-version.h>}: present in glibc only, so its presence means glibc. */
final class GnuLibcVersion {
    private GnuLibcVersion() {
    }

    private static final class gnu_get_libc_version$ {
        static final Downcall CALL = Downcall.find(Linker.nativeLinker().defaultLookup(), "gnu_get_libc_version",
                FunctionDescriptor.of(ADDRESS));
    }

    /** {@return whether this process's C library has {@code gnu_get_libc_version}} */
    static boolean available() {
        return gnu_get_libc_version$.CALL.available();
    }

    /**
     * {@snippet lang=c :
     * const char *gnu_get_libc_version(void);
     * }
     *
     * @throws UnsatisfiedLinkError when the C library is not glibc
     */
    static MemorySegment gnu_get_libc_version() {
        try {
            return (MemorySegment) gnu_get_libc_version$.CALL.handle().invokeExact();
        } catch (Throwable t) {
            throw Downcall.rethrow(t);
        }
    }
}
