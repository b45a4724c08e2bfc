package dev.nativeload.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;

/**
 * Bindings of macOS {@code <mach-o/dyld.h>}: the loaded-image list, to find the file behind a handle.
 * Written by hand in jextract's shape: the header is part of the macOS SDK, which is not available
 * to jextract here (nor redistributable), so {@code scripts/jextract.sh} cannot generate it.
 */
final class Dyld {
    private Dyld() {
    }

    private static final class _dyld_image_count$ {
        static final Downcall CALL = Downcall.find(Linker.nativeLinker().defaultLookup(), "_dyld_image_count",
                FunctionDescriptor.of(JAVA_INT));
    }

    /** {@return whether this process has dyld's image list (macOS only)} */
    static boolean available() {
        return _dyld_image_count$.CALL.available();
    }

    /**
     * {@snippet lang=c :
     * uint32_t _dyld_image_count(void);
     * }
     */
    static int _dyld_image_count() {
        try {
            return (int) _dyld_image_count$.CALL.handle().invokeExact();
        } catch (Throwable t) {
            throw Downcall.rethrow(t);
        }
    }

    private static final class _dyld_get_image_name$ {
        static final Downcall CALL = Downcall.find(Linker.nativeLinker().defaultLookup(), "_dyld_get_image_name",
                FunctionDescriptor.of(ADDRESS, JAVA_INT));
    }

    /**
     * {@snippet lang=c :
     * const char *_dyld_get_image_name(uint32_t image_index);
     * }
     * NULL when the index is out of range (another thread unloaded an image meanwhile).
     */
    static MemorySegment _dyld_get_image_name(int imageIndex) {
        try {
            return (MemorySegment) _dyld_get_image_name$.CALL.handle().invokeExact(imageIndex);
        } catch (Throwable t) {
            throw Downcall.rethrow(t);
        }
    }
}
