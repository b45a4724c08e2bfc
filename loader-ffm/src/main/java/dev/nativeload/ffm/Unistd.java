package dev.nativeload.ffm;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.nativeload.binary.TargetOs;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.OptionalInt;

/** Bindings of {@code <unistd.h>}: {@code sysconf}, for the page size. */
final class Unistd {
    private Unistd() {
    }

    /**
     * {@return {@code _SC_PAGESIZE} of an OS's {@code <unistd.h>}, or empty where not known}
     *
     * @param os the operating system
     */
    static OptionalInt scPageSize(TargetOs os) {
        return switch (os) {
            case LINUX, ANDROID -> OptionalInt.of(30);
            case MACOS -> OptionalInt.of(29);
            case FREEBSD -> OptionalInt.of(47);
            default -> OptionalInt.empty();
        };
    }

    private static final class sysconf$ {
        static final MemoryLayout C_LONG = Linker.nativeLinker().canonicalLayouts().get("long");
        static final Downcall CALL = Downcall.find(Linker.nativeLinker().defaultLookup(), "sysconf",
                FunctionDescriptor.of(C_LONG, JAVA_INT));
        static final MethodHandle HANDLE = CALL.handle().asType(MethodType.methodType(long.class, int.class));
    }

    /**
     * {@snippet lang=c :
     * long sysconf(int name);
     * }
     * C {@code long} is the platform's own width; the result is widened to a Java {@code long}.
     */
    static long sysconf(int name) {
        try {
            return (long) sysconf$.HANDLE.invokeExact(name);
        } catch (Throwable t) {
            throw Downcall.rethrow(t);
        }
    }
}
