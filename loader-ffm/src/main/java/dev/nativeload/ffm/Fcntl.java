package dev.nativeload.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.TargetOs;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.util.Optional;

/**
 * Bindings of {@code <fcntl.h>}, shaped like jextract output: {@code open} with the flags that open
 * a file once, read-only, never through a symbolic link.
 */
final class Fcntl {
    private static final Linker.Option ERRNO = Linker.Option.captureCallState("errno");

    private Fcntl() {
    }

    /**
     * The {@code O_*} bits of one ABI's {@code <fcntl.h>} that {@link #open} needs.
     *
     * @param rdonly   {@code O_RDONLY}
     * @param nofollow {@code O_NOFOLLOW}: fail with {@code ELOOP} when the last component is a symbolic link
     * @param cloexec  {@code O_CLOEXEC}: not inherited by a child process
     * @param noctty   {@code O_NOCTTY}: a terminal never becomes the controlling one
     */
    record OpenFlags(int rdonly, int nofollow, int cloexec, int noctty) {
        /** Linux on x86, x86_64, RISC-V, s390x (the generic asm-generic values). */
        static final OpenFlags LINUX_GENERIC = new OpenFlags(0, 0400000, 02000000, 0400);
        /** Linux on arm64, 32-bit arm and POWER, whose {@code O_NOFOLLOW} differs. */
        static final OpenFlags LINUX_ARM_POWER = new OpenFlags(0, 0100000, 02000000, 0400);
        /** macOS. */
        static final OpenFlags DARWIN = new OpenFlags(0, 0x100, 0x1000000, 0x20000);

        /** {@return the table for a host, or empty where none is known} @param os the OS @param arch the architecture */
        static Optional<OpenFlags> forHost(TargetOs os, Architecture arch) {
            return switch (os) {
                case LINUX, ANDROID -> Optional.of(arch.equals(Architecture.AARCH64) || arch.equals(Architecture.ARM)
                        || arch.equals(Architecture.PPC64LE) || arch.equals(Architecture.PPC64) || arch.equals(Architecture.PPC)
                        ? LINUX_ARM_POWER : LINUX_GENERIC);
                case MACOS -> Optional.of(DARWIN);
                default -> Optional.empty();
            };
        }

        /** {@return the flags that open a file for reading, never through a link, never inherited} */
        int readNoFollow() {
            return rdonly | nofollow | cloexec | noctty;
        }
    }

    /** {@code O_RDWR | O_CREAT | O_NONBLOCK}: the extra bits {@link #openCreate} adds, the same on every Linux ABI. */
    static final int LINUX_RDWR_CREAT_NONBLOCK = 02 | 0100 | 04000;
    /** {@code F_OFD_SETLK} of Linux: set or clear a lock owned by the open file description, without waiting. */
    static final int F_OFD_SETLK = 37;
    /** {@code l_type} values of {@code struct flock}. */
    static final short F_RDLCK = 0;
    static final short F_WRLCK = 1;
    static final short F_UNLCK = 2;

    /**
     * {@code struct flock} of Linux on 64-bit ABIs, as jextract lays it out.
     * {@snippet lang=c :
     * struct flock { short l_type; short l_whence; off_t l_start; off_t l_len; pid_t l_pid; };
     * }
     */
    static final java.lang.foreign.StructLayout FLOCK_LP64 = java.lang.foreign.MemoryLayout.structLayout(
            java.lang.foreign.ValueLayout.JAVA_SHORT.withName("l_type"), java.lang.foreign.ValueLayout.JAVA_SHORT.withName("l_whence"),
            java.lang.foreign.MemoryLayout.paddingLayout(4),
            java.lang.foreign.ValueLayout.JAVA_LONG.withName("l_start"), java.lang.foreign.ValueLayout.JAVA_LONG.withName("l_len"),
            java.lang.foreign.ValueLayout.JAVA_INT.withName("l_pid"), java.lang.foreign.MemoryLayout.paddingLayout(4)).withName("flock");

    private static final class openCreate$ {
        static final Downcall CALL = Downcall.find(Linker.nativeLinker().defaultLookup(), "open",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), Linker.Option.firstVariadicArg(2), ERRNO);
    }

    /**
     * {@snippet lang=c :
     * int open(const char *pathname, int flags, ...);  // ... = mode_t mode
     * }
     * With the mode, as {@code O_CREAT} needs. The first argument receives the captured {@code errno}.
     */
    static int openCreate(MemorySegment callState, MemorySegment path, int flags, int mode) {
        try {
            return (int) openCreate$.CALL.handle().invokeExact(callState, path, flags, mode);
        } catch (Throwable t) {
            throw Downcall.rethrow(t);
        }
    }

    private static final class fcntl$ {
        static final Downcall CALL = Downcall.find(Linker.nativeLinker().defaultLookup(), "fcntl",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS), Linker.Option.firstVariadicArg(2), ERRNO);
    }

    /**
     * {@snippet lang=c :
     * int fcntl(int fd, int cmd, ...);  // ... = struct flock *lock
     * }
     * The first argument receives the captured {@code errno}.
     */
    static int fcntl(MemorySegment callState, int fd, int cmd, MemorySegment lock) {
        try {
            return (int) fcntl$.CALL.handle().invokeExact(callState, fd, cmd, lock);
        } catch (Throwable t) {
            throw Downcall.rethrow(t);
        }
    }

    private static final class open$ {
        /** {@code open} is variadic; the mode argument is not passed, as {@code O_CREAT} is never set. */
        static final Downcall CALL = Downcall.find(Linker.nativeLinker().defaultLookup(), "open",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), ERRNO);
    }

    /**
     * {@snippet lang=c :
     * int open(const char *pathname, int flags, ...);
     * }
     * The first argument receives the captured {@code errno}.
     */
    static int open(MemorySegment callState, MemorySegment path, int flags) {
        try {
            return (int) open$.CALL.handle().invokeExact(callState, path, flags);
        } catch (Throwable t) {
            throw Downcall.rethrow(t);
        }
    }
}
