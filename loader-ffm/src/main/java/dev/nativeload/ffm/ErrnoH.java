package dev.nativeload.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;

import dev.nativeload.ffm.generated.posix.errno_h;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;

/**
 * The address of this thread's {@code errno}, so it can be cleared before a call whose error state
 * is captured. glibc's {@code dlopen} restores {@code errno} on failure, so without clearing, the
 * captured value is whatever an earlier call on the thread left.
 *
 * <p>glibc and musl: jextract's binding of {@code <errno.h>}'s {@code __errno_location}
 * ({@link errno_h}). Android's {@code __errno} and macOS's and FreeBSD's {@code __error} are bound
 * here by hand, in the same shape: their headers are not available to jextract on this machine.
 */
@SuppressWarnings("restricted") // this module is the native boundary; run with --enable-native-access
final class ErrnoH {
    private ErrnoH() {
    }

    private static final class location$ {
        private static final SymbolLookup LIBC = Linker.nativeLinker().defaultLookup();
        /** Whether the generated binding applies: the C library has {@code __errno_location}. */
        static final boolean GENERATED = LIBC.find("__errno_location").isPresent();
        /** Android: {@code __errno}; macOS and FreeBSD: {@code __error}; same signature. */
        static final Downcall OTHER = GENERATED ? null : Downcall.find(LIBC,
                LIBC.find("__errno").isPresent() ? "__errno" : "__error", FunctionDescriptor.of(ADDRESS));
    }

    /**
     * {@snippet lang=c :
     * int *__errno_location(void);   // glibc, musl   (__errno on Android, __error on macOS/FreeBSD)
     * }
     */
    static MemorySegment errnoLocation() {
        if (location$.GENERATED) {
            return errno_h.__errno_location();
        }
        try {
            return (MemorySegment) location$.OTHER.handle().invokeExact();
        } catch (Throwable t) {
            throw Downcall.rethrow(t);
        }
    }

    /** Sets this thread's {@code errno} to 0, where the C library says where it lives. */
    static void clear() {
        if (location$.GENERATED || location$.OTHER.available()) {
            errnoLocation().reinterpret(Integer.BYTES).set(ValueLayout.JAVA_INT, 0, 0);
        }
    }
}
