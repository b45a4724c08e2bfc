package dev.nativeload.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;

/**
 * Bindings of {@code <errno.h>}: the address of this thread's {@code errno}, so it can be cleared
 * before a call whose error state is captured. glibc's {@code dlopen} restores {@code errno} on
 * failure, so without clearing, the captured value is whatever an earlier call on the thread left.
 */
@SuppressWarnings("restricted") // this module is the native boundary; run with --enable-native-access
final class ErrnoH {
    private ErrnoH() {
    }

    private static final class location$ {
        private static final SymbolLookup LIBC = Linker.nativeLinker().defaultLookup();
        /** glibc and musl: {@code __errno_location}; Android: {@code __errno}; macOS and FreeBSD: {@code __error}. */
        static final Downcall CALL = Downcall.find(LIBC,
                LIBC.find("__errno_location").isPresent() ? "__errno_location"
                        : LIBC.find("__errno").isPresent() ? "__errno" : "__error",
                FunctionDescriptor.of(ADDRESS));
    }

    /**
     * {@snippet lang=c :
     * int *__errno_location(void);   // glibc, musl   (__errno on Android, __error on macOS/FreeBSD)
     * }
     */
    static MemorySegment errnoLocation() {
        try {
            return (MemorySegment) location$.CALL.handle().invokeExact();
        } catch (Throwable t) {
            throw Downcall.rethrow(t);
        }
    }

    /** Sets this thread's {@code errno} to 0, where the C library says where it lives. */
    static void clear() {
        if (location$.CALL.available()) {
            errnoLocation().reinterpret(Integer.BYTES).set(ValueLayout.JAVA_INT, 0, 0);
        }
    }
}
