package dev.nativeload.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.binary.TargetOs;
import dev.nativeload.spi.NativeAccess.MountFlags;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
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

    private static final ValueLayout U32 = ValueLayout.JAVA_INT;
    private static final ValueLayout U64 = ValueLayout.JAVA_LONG;

    /**
     * One ABI's result struct, as jextract would lay it out, and what its flag bits mean.
     *
     * @param abi       a name for reports and tests
     * @param struct    the C struct, field by field (padding named {@code __pad*})
     * @param flagField the flags field: {@code f_flag} ({@code statvfs}) or {@code f_flags} ({@code statfs})
     * @param readOnly  {@code ST_RDONLY} / {@code MNT_RDONLY}
     * @param noSuid    {@code ST_NOSUID} / {@code MNT_NOSUID}
     * @param noExec    {@code ST_NOEXEC} / {@code MNT_NOEXEC}
     */
    record Layout(String abi, StructLayout struct, String flagField, long readOnly, long noSuid, long noExec) {
        /**
         * {@code struct statvfs} of glibc and musl on every 64-bit Linux: eleven {@code unsigned long}-wide
         * fields, then spare ints (musl names the tail {@code f_type} and {@code __reserved}; same offsets).
         */
        static final Layout LINUX_LP64 = new Layout("linux-lp64", MemoryLayout.structLayout(
                U64.withName("f_bsize"), U64.withName("f_frsize"),
                U64.withName("f_blocks"), U64.withName("f_bfree"), U64.withName("f_bavail"),
                U64.withName("f_files"), U64.withName("f_ffree"), U64.withName("f_favail"),
                U64.withName("f_fsid"), U64.withName("f_flag"), U64.withName("f_namemax"),
                MemoryLayout.sequenceLayout(6, U32).withName("__f_spare")).withName("statvfs"),
                "f_flag", 1, 2, 8);

        /** {@code struct statvfs} of glibc on 32-bit Linux: 32-bit counts, {@code __f_unused} before {@code f_flag}. */
        static final Layout LINUX_GLIBC_ILP32 = new Layout("linux-glibc-ilp32", MemoryLayout.structLayout(
                U32.withName("f_bsize"), U32.withName("f_frsize"),
                U32.withName("f_blocks"), U32.withName("f_bfree"), U32.withName("f_bavail"),
                U32.withName("f_files"), U32.withName("f_ffree"), U32.withName("f_favail"),
                U32.withName("f_fsid"), U32.withName("__f_unused"), U32.withName("f_flag"), U32.withName("f_namemax"),
                MemoryLayout.sequenceLayout(6, U32).withName("__f_spare")).withName("statvfs"),
                "f_flag", 1, 2, 8);

        /** {@code struct statvfs} of musl on 32-bit Linux: 64-bit counts, 32 bits of padding after {@code f_fsid}. */
        static final Layout LINUX_MUSL_ILP32 = new Layout("linux-musl-ilp32", MemoryLayout.structLayout(
                U32.withName("f_bsize"), U32.withName("f_frsize"),
                U64.withName("f_blocks"), U64.withName("f_bfree"), U64.withName("f_bavail"),
                U64.withName("f_files"), U64.withName("f_ffree"), U64.withName("f_favail"),
                U32.withName("f_fsid"), MemoryLayout.paddingLayout(4), U32.withName("f_flag"), U32.withName("f_namemax"),
                U32.withName("f_type"), MemoryLayout.sequenceLayout(5, U32).withName("__reserved")).withName("statvfs"),
                "f_flag", 1, 2, 8);

        /** {@code struct statfs} of macOS with 64-bit inodes ({@code MAXPATHLEN} 1024, {@code MFSTYPENAMELEN} 16). */
        static final Layout DARWIN_STATFS = new Layout("darwin-statfs64", MemoryLayout.structLayout(
                U32.withName("f_bsize"), U32.withName("f_iosize"),
                U64.withName("f_blocks"), U64.withName("f_bfree"), U64.withName("f_bavail"),
                U64.withName("f_files"), U64.withName("f_ffree"),
                MemoryLayout.sequenceLayout(2, U32).withName("f_fsid"),
                U32.withName("f_owner"), U32.withName("f_type"), U32.withName("f_flags"), U32.withName("f_fssubtype"),
                MemoryLayout.sequenceLayout(16, ValueLayout.JAVA_BYTE).withName("f_fstypename"),
                MemoryLayout.sequenceLayout(1024, ValueLayout.JAVA_BYTE).withName("f_mntonname"),
                MemoryLayout.sequenceLayout(1024, ValueLayout.JAVA_BYTE).withName("f_mntfromname"),
                U32.withName("f_flags_ext"), MemoryLayout.sequenceLayout(7, U32).withName("f_reserved")).withName("statfs"),
                "f_flags", 0x1, 0x8, 0x4);

        /** {@return every layout this class knows} */
        static java.util.List<Layout> all() {
            return java.util.List.of(LINUX_LP64, LINUX_GLIBC_ILP32, LINUX_MUSL_ILP32, DARWIN_STATFS);
        }

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

        /** {@return {@code sizeof} the struct} */
        long size() {
            return struct.byteSize();
        }

        /** {@return {@code offsetof} the flags field} */
        long flagOffset() {
            return struct.byteOffset(MemoryLayout.PathElement.groupElement(flagField));
        }

        /** {@return the flags in a filled result struct} @param filled at least {@link #size()} bytes */
        MountFlags decode(MemorySegment filled) {
            long flags = struct.select(MemoryLayout.PathElement.groupElement(flagField)) instanceof ValueLayout.OfLong
                    ? filled.get(ValueLayout.JAVA_LONG_UNALIGNED, flagOffset())
                    : Integer.toUnsignedLong(filled.get(ValueLayout.JAVA_INT_UNALIGNED, flagOffset()));
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
