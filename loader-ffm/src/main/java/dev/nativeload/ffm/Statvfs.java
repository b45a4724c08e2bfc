package dev.nativeload.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.binary.TargetOs;
import dev.nativeload.spi.MountFlags;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Optional;

/**
 * Bindings of {@code <sys/statvfs.h>} (Linux) and {@code <sys/mount.h>}'s {@code statfs} (macOS),
 * for the mount flags of a directory.
 *
 * <p>Linux has {@code ST_NOEXEC} in {@code statvfs}'s {@code f_flag}. macOS's {@code statvfs}
 * only knows {@code ST_RDONLY} and {@code ST_NOSUID}, so there the flags come from
 * {@code statfs}'s {@code f_flags} ({@code MNT_NOEXEC}), 64-bit-inode variant.
 */
final class Statvfs {
    private Statvfs() {
    }

    /**
     * Where the flags word sits in one ABI's result struct, and what its bits mean.
     *
     * @param abi        a name for reports and tests
     * @param size       {@code sizeof} the struct
     * @param flagOffset {@code offsetof} the flags field ({@code f_flag} / {@code f_flags})
     * @param flagBytes  its width: 8 for an LP64 {@code unsigned long}, 4 otherwise
     * @param readOnly   {@code ST_RDONLY} / {@code MNT_RDONLY}
     * @param noSuid     {@code ST_NOSUID} / {@code MNT_NOSUID}
     * @param noExec     {@code ST_NOEXEC} / {@code MNT_NOEXEC}
     */
    record Layout(String abi, long size, long flagOffset, int flagBytes, long readOnly, long noSuid, long noExec) {
        /** {@code struct statvfs} of glibc and musl on every 64-bit Linux (same offsets in both). */
        static final Layout LINUX_LP64 = new Layout("linux-lp64", 112, 72, 8, 1, 2, 8);
        /** {@code struct statvfs} of glibc on 32-bit Linux (32-bit block counts, {@code __f_unused} before {@code f_flag}). */
        static final Layout LINUX_GLIBC_ILP32 = new Layout("linux-glibc-ilp32", 72, 40, 4, 1, 2, 8);
        /** {@code struct statvfs} of musl on 32-bit Linux (64-bit block counts, padding after {@code f_fsid}). */
        static final Layout LINUX_MUSL_ILP32 = new Layout("linux-musl-ilp32", 96, 64, 4, 1, 2, 8);
        /** {@code struct statfs} of macOS, 64-bit inodes ({@code f_mntonname[1024]}). */
        static final Layout DARWIN_STATFS = new Layout("darwin-statfs64", 2168, 64, 4, 0x1, 0x8, 0x4);

        /**
         * {@return the layout for a host, or empty where none is known}
         *
         * @param os           the operating system
         * @param libc         the C library
         * @param pointerBytes the size of a pointer (8 on LP64)
         */
        static Optional<Layout> forHost(TargetOs os, LibcFlavor libc, long pointerBytes) {
            return switch (os) {
                case LINUX -> pointerBytes == 8 ? Optional.of(LINUX_LP64)
                        : libc == LibcFlavor.MUSL ? Optional.of(LINUX_MUSL_ILP32)
                        : libc == LibcFlavor.GLIBC ? Optional.of(LINUX_GLIBC_ILP32) : Optional.empty();
                case MACOS -> Optional.of(DARWIN_STATFS);
                default -> Optional.empty();
            };
        }

        /** {@return the flags in a filled result struct} @param struct at least {@link #size()} bytes */
        MountFlags decode(MemorySegment struct) {
            long flags = flagBytes == 8
                    ? struct.get(ValueLayout.JAVA_LONG_UNALIGNED, flagOffset)
                    : Integer.toUnsignedLong(struct.get(ValueLayout.JAVA_INT_UNALIGNED, flagOffset));
            return new MountFlags((flags & noExec) != 0, (flags & readOnly) != 0, (flags & noSuid) != 0);
        }
    }

    private static final class statvfs$ {
        static final Downcall CALL = Downcall.find(Linker.nativeLinker().defaultLookup(), "statvfs",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    }

    /**
     * {@snippet lang=c :
     * int statvfs(const char *restrict path, struct statvfs *restrict buf);
     * }
     */
    static int statvfs(MemorySegment path, MemorySegment buf) {
        try {
            return (int) statvfs$.CALL.handle().invokeExact(path, buf);
        } catch (Throwable t) {
            throw Downcall.rethrow(t);
        }
    }

    private static final class statfs$ {
        /** On x86_64 macOS the plain name is the old 32-bit-inode struct; arm64 has only the new one. */
        static final Downcall CALL = Downcall.find(Linker.nativeLinker().defaultLookup(),
                Architecture.fromJvm(System.getProperty("os.arch")).equals(Architecture.X86_64) ? "statfs$INODE64" : "statfs",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    }

    /**
     * {@snippet lang=c :
     * int statfs(const char *path, struct statfs *buf);  // macOS, struct statfs with 64-bit inodes
     * }
     */
    static int statfs(MemorySegment path, MemorySegment buf) {
        try {
            return (int) statfs$.CALL.handle().invokeExact(path, buf);
        } catch (Throwable t) {
            throw Downcall.rethrow(t);
        }
    }
}
