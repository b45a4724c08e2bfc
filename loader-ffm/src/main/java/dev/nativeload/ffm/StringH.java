package dev.nativeload.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;

/** Bindings of {@code <string.h>}: only {@code strerror}. */
final class StringH {
    private StringH() {
    }

    private static final class strerror$ {
        static final Downcall CALL = Downcall.find(Linker.nativeLinker().defaultLookup(), "strerror",
                FunctionDescriptor.of(ADDRESS, JAVA_INT));
    }

    /**
     * {@snippet lang=c :
     * char *strerror(int errnum);
     * }
     * The result may point into a buffer the next call overwrites; copy it at once.
     */
    static MemorySegment strerror(int errnum) {
        try {
            return (MemorySegment) strerror$.CALL.handle().invokeExact(errnum);
        } catch (Throwable t) {
            throw Downcall.rethrow(t);
        }
    }
}
