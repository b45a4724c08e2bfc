package dev.nativeload.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;

/**
 * Bindings of macOS {@code <sys/sysctl.h>}: {@code sysctlbyname}, for {@code sysctl.proc_translated}.
 * Written by hand in jextract's shape: the header is part of the macOS SDK, which is not available
 * to jextract here (nor redistributable), so {@code scripts/jextract.sh} cannot generate it.
 */
final class Sysctl {
    private Sysctl() {
    }

    private static final class sysctlbyname$ {
        static final Downcall CALL = Downcall.find(Linker.nativeLinker().defaultLookup(), "sysctlbyname",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG));
    }

    /** {@return whether this C library has {@code sysctlbyname} (macOS and the BSDs)} */
    static boolean available() {
        return sysctlbyname$.CALL.available();
    }

    /**
     * {@snippet lang=c :
     * int sysctlbyname(const char *name, void *oldp, size_t *oldlenp, void *newp, size_t newlen);
     * }
     * Only bound on 64-bit hosts, where {@code size_t} is 64 bits.
     */
    static int sysctlbyname(MemorySegment name, MemorySegment oldp, MemorySegment oldlenp, MemorySegment newp,
                            long newlen) {
        try {
            return (int) sysctlbyname$.CALL.handle().invokeExact(name, oldp, oldlenp, newp, newlen);
        } catch (Throwable t) {
            throw Downcall.rethrow(t);
        }
    }
}
