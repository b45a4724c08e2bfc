package dev.nativeload.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.TargetOs;
import dev.nativeload.internal.os.FileStatus;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.util.Optional;

/**
 * Bindings of {@code <sys/stat.h>}: {@code fstat}, and {@code struct stat} as each ABI lays it out.
 */
final class SysStat {
    private static final Linker.Option ERRNO = Linker.Option.captureCallState("errno");
    private static final ValueLayout U16 = ValueLayout.JAVA_SHORT;
    private static final ValueLayout U32 = ValueLayout.JAVA_INT;
    private static final ValueLayout U64 = ValueLayout.JAVA_LONG;
    private static final StructLayout TIMESPEC = MemoryLayout.structLayout(U64.withName("tv_sec"), U64.withName("tv_nsec"));

    private SysStat() {
    }

    /**
     * One ABI's {@code struct stat}, field by field as jextract would lay it out.
     *
     * @param abi    a name for tests
     * @param struct the C struct
     */
    record Layout(String abi, StructLayout struct) {
        /** glibc and musl on x86_64. */
        static final Layout LINUX_X86_64 = new Layout("linux-x86_64", MemoryLayout.structLayout(
                U64.withName("st_dev"), U64.withName("st_ino"), U64.withName("st_nlink"),
                U32.withName("st_mode"), U32.withName("st_uid"), U32.withName("st_gid"), U32.withName("__pad0"),
                U64.withName("st_rdev"), U64.withName("st_size"), U64.withName("st_blksize"), U64.withName("st_blocks"),
                TIMESPEC.withName("st_atim"), TIMESPEC.withName("st_mtim"), TIMESPEC.withName("st_ctim"),
                MemoryLayout.sequenceLayout(3, U64).withName("__unused")).withName("stat"));

        /** glibc and musl on the generic 64-bit ABI: arm64, riscv64. */
        static final Layout LINUX_GENERIC_64 = new Layout("linux-generic-64", MemoryLayout.structLayout(
                U64.withName("st_dev"), U64.withName("st_ino"), U32.withName("st_mode"), U32.withName("st_nlink"),
                U32.withName("st_uid"), U32.withName("st_gid"), U64.withName("st_rdev"), U64.withName("__pad1"),
                U64.withName("st_size"), U32.withName("st_blksize"), U32.withName("__pad2"), U64.withName("st_blocks"),
                TIMESPEC.withName("st_atim"), TIMESPEC.withName("st_mtim"), TIMESPEC.withName("st_ctim"),
                MemoryLayout.sequenceLayout(2, U32).withName("__unused")).withName("stat"));

        /** macOS, 64-bit inodes ({@code fstat$INODE64} on x86_64, {@code fstat} on arm64). */
        static final Layout DARWIN_64 = new Layout("darwin-inode64", MemoryLayout.structLayout(
                U32.withName("st_dev"), U16.withName("st_mode"), U16.withName("st_nlink"), U64.withName("st_ino"),
                U32.withName("st_uid"), U32.withName("st_gid"), U32.withName("st_rdev"), MemoryLayout.paddingLayout(4),
                TIMESPEC.withName("st_atimespec"), TIMESPEC.withName("st_mtimespec"), TIMESPEC.withName("st_ctimespec"),
                TIMESPEC.withName("st_birthtimespec"), U64.withName("st_size"), U64.withName("st_blocks"),
                U32.withName("st_blksize"), U32.withName("st_flags"), U32.withName("st_gen"), U32.withName("st_lspare"),
                MemoryLayout.sequenceLayout(2, U64).withName("st_qspare")).withName("stat"));

        /** {@return the layout for a host, or empty where none is known} @param os the OS @param arch the architecture */
        static Optional<Layout> forHost(TargetOs os, Architecture arch) {
            return switch (os) {
                case LINUX -> arch.equals(Architecture.X86_64) ? Optional.of(LINUX_X86_64)
                        : arch.equals(Architecture.AARCH64) || arch.equals(Architecture.RISCV64)
                        ? Optional.of(LINUX_GENERIC_64) : Optional.empty();
                case MACOS -> Optional.of(DARWIN_64);
                default -> Optional.empty();
            };
        }

        /** {@return {@code sizeof(struct stat)}} */
        long size() {
            return struct.byteSize();
        }

        private long get(MemorySegment s, String field) {
            long offset = struct.byteOffset(MemoryLayout.PathElement.groupElement(field));
            long bytes = struct.select(MemoryLayout.PathElement.groupElement(field)).byteSize();
            return bytes == 8 ? s.get(ValueLayout.JAVA_LONG_UNALIGNED, offset)
                    : bytes == 4 ? Integer.toUnsignedLong(s.get(ValueLayout.JAVA_INT_UNALIGNED, offset))
                    : Short.toUnsignedLong(s.get(ValueLayout.JAVA_SHORT_UNALIGNED, offset));
        }

        /** {@return the facts in a filled struct} @param filled at least {@link #size()} bytes */
        FileStatus decode(MemorySegment filled) {
            return new FileStatus(get(filled, "st_dev"), get(filled, "st_ino"), (int) get(filled, "st_mode"),
                    (int) get(filled, "st_uid"), get(filled, "st_nlink"), get(filled, "st_size"));
        }
    }

    private static final class fstat$ {
        /** glibc exports {@code fstat} since 2.33; on x86_64 macOS the 64-bit-inode struct is {@code fstat$INODE64}. */
        static final Downcall CALL = Downcall.find(Linker.nativeLinker().defaultLookup(),
                System.getProperty("os.name", "").startsWith("Mac")
                        && Architecture.fromJvm(System.getProperty("os.arch")).equals(Architecture.X86_64) ? "fstat$INODE64" : "fstat",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS), ERRNO);
    }

    /** {@return whether this C library exports {@code fstat} (glibc before 2.33 has only {@code __fxstat})} */
    static boolean fstatAvailable() {
        return fstat$.CALL.available();
    }

    /**
     * {@snippet lang=c :
     * int fstat(int fd, struct stat *statbuf);
     * }
     * The first argument receives the captured {@code errno}.
     */
    static int fstat(MemorySegment callState, int fd, MemorySegment statbuf) {
        try {
            return (int) fstat$.CALL.handle().invokeExact(callState, fd, statbuf);
        } catch (Throwable t) {
            throw Downcall.rethrow(t);
        }
    }
}
