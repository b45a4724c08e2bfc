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
