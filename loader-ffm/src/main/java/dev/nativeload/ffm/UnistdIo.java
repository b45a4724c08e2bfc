package dev.nativeload.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;

/**
 * Bindings of {@code <unistd.h>} for reading an open file and knowing who this process is:
 * {@code pread}, {@code pwrite}, {@code close}, {@code geteuid}. Kept apart from {@link Unistd} ({@code sysconf}).
 */
final class UnistdIo {
    private static final Linker.Option ERRNO = Linker.Option.captureCallState("errno");
    private static final MemoryLayout C_LONG = Linker.nativeLinker().canonicalLayouts().get("long");

    private UnistdIo() {
    }

    private static final class pread$ {
        static final Downcall CALL = Downcall.find(Linker.nativeLinker().defaultLookup(), "pread",
                FunctionDescriptor.of(C_LONG, JAVA_INT, ADDRESS, C_LONG, C_LONG), ERRNO);
        static final MethodHandle HANDLE = CALL.handle().asType(MethodType.methodType(long.class, MemorySegment.class,
                int.class, MemorySegment.class, long.class, long.class));
    }

    /**
     * {@snippet lang=c :
     * ssize_t pread(int fd, void *buf, size_t count, off_t offset);
     * }
     * The first argument receives the captured {@code errno}. {@code ssize_t}, {@code size_t} and
     * {@code off_t} are C {@code long} wide on the LP64 hosts this is used on.
     */
    static long pread(MemorySegment callState, int fd, MemorySegment buf, long count, long offset) {
        try {
            return (long) pread$.HANDLE.invokeExact(callState, fd, buf, count, offset);
        } catch (Throwable t) {
            throw Downcall.rethrow(t);
        }
    }

    private static final class pwrite$ {
        static final Downcall CALL = Downcall.find(Linker.nativeLinker().defaultLookup(), "pwrite",
                FunctionDescriptor.of(C_LONG, JAVA_INT, ADDRESS, C_LONG, C_LONG), ERRNO);
        static final MethodHandle HANDLE = CALL.handle().asType(MethodType.methodType(long.class, MemorySegment.class,
                int.class, MemorySegment.class, long.class, long.class));
    }

    /**
     * {@snippet lang=c :
     * ssize_t pwrite(int fd, const void *buf, size_t count, off_t offset);
     * }
     * The first argument receives the captured {@code errno}.
     */
    static long pwrite(MemorySegment callState, int fd, MemorySegment buf, long count, long offset) {
        try {
            return (long) pwrite$.HANDLE.invokeExact(callState, fd, buf, count, offset);
        } catch (Throwable t) {
            throw Downcall.rethrow(t);
        }
    }

    private static final class close$ {
        static final Downcall CALL = Downcall.find(Linker.nativeLinker().defaultLookup(), "close",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    }

    /**
     * {@snippet lang=c :
     * int close(int fd);
     * }
     */
    static int close(int fd) {
        try {
            return (int) close$.CALL.handle().invokeExact(fd);
        } catch (Throwable t) {
            throw Downcall.rethrow(t);
        }
    }

    private static final class geteuid$ {
        static final Downcall CALL = Downcall.find(Linker.nativeLinker().defaultLookup(), "geteuid",
                FunctionDescriptor.of(JAVA_INT));
    }

    /**
     * {@snippet lang=c :
     * uid_t geteuid(void);
     * }
     */
    static int geteuid() {
        try {
            return (int) geteuid$.CALL.handle().invokeExact();
        } catch (Throwable t) {
            throw Downcall.rethrow(t);
        }
    }
}
