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
 * The mount flags of a directory: {@code statvfs} on Linux, {@code statfs} on macOS, and the
 * result struct of each C library and architecture.
 *
 * <p>Linux has {@code ST_NOEXEC} in {@code statvfs}'s {@code f_flag}. {@code statvfs} itself, the
 * {@code ST_*} flags and the {@code struct statvfs} of glibc on x86_64, aarch64, armhf, i686,
 * riscv64, s390x and ppc64le, and of musl on x86_64, are jextract's output over those C libraries'
 * headers ({@code dev.nativeload.ffm.generated.statvfs.*}, by {@code scripts/jextract.sh}).
 * Written by hand, each saying why: musl's 32-bit struct and macOS's {@code statfs}. macOS's
 * {@code statvfs} only knows {@code ST_RDONLY} and {@code ST_NOSUID}, so there the flags come from
 * {@code statfs}'s {@code f_flags} ({@code MNT_NOEXEC}), 64-bit-inode variant.
 */
final class Statvfs {
    private Statvfs() {
    }

    private static final ValueLayout U32 = ValueLayout.JAVA_INT;
    private static final ValueLayout U64 = ValueLayout.JAVA_LONG;

    /**
     * One ABI's result struct and what its flag bits mean.
     *
     * @param abi       a name for reports and tests
     * @param struct    the C struct, field by field (padding named {@code __pad*})
     * @param flagField the flags field: {@code f_flag} ({@code statvfs}) or {@code f_flags} ({@code statfs})
     * @param readOnly  {@code ST_RDONLY} / {@code MNT_RDONLY}
     * @param noSuid    {@code ST_NOSUID} / {@code MNT_NOSUID}
     * @param noExec    {@code ST_NOEXEC} / {@code MNT_NOEXEC}
     */
    record Layout(String abi, StructLayout struct, String flagField, long readOnly, long noSuid, long noExec) {
        /*
         * The generated structs are reached only through glibc() and musl(), so a process
         * initializes the one class of its own C library and architecture, not all eight.
         */

        /**
         * {@return glibc's {@code struct statvfs} for an architecture, generated from that
         * architecture's header} x86_64, aarch64, riscv64, s390x, ppc64le, i686 (x86) and armhf
         * (arm) have their own; any other takes glibc's generic struct of its word size, x86_64's
         * or i686's (glibc has one generic {@code <bits/statvfs.h>}, with {@code __f_unused} only
         * where the word is 32 bits).
         *
         * @param arch         the architecture
         * @param pointerBytes the size of a pointer (8 on LP64)
         */
        static Layout glibc(Architecture arch, long pointerBytes) {
            if (arch.equals(Architecture.X86_64)) {
                return linux("linux-glibc-x86_64", dev.nativeload.ffm.generated.statvfs.x86_64.statvfs.layout());
            } else if (arch.equals(Architecture.AARCH64)) {
                return linux("linux-glibc-aarch64", dev.nativeload.ffm.generated.statvfs.aarch64.statvfs.layout());
            } else if (arch.equals(Architecture.RISCV64)) {
                return linux("linux-glibc-riscv64", dev.nativeload.ffm.generated.statvfs.riscv64.statvfs.layout());
            } else if (arch.equals(Architecture.S390X)) {
                return linux("linux-glibc-s390x", dev.nativeload.ffm.generated.statvfs.s390x.statvfs.layout());
            } else if (arch.equals(Architecture.PPC64LE)) {
                return linux("linux-glibc-ppc64le", dev.nativeload.ffm.generated.statvfs.ppc64le.statvfs.layout());
            } else if (arch.equals(Architecture.X86)) {
                return linux("linux-glibc-i686", dev.nativeload.ffm.generated.statvfs.i686.statvfs.layout());
            } else if (arch.equals(Architecture.ARM)) {
                return linux("linux-glibc-armhf", dev.nativeload.ffm.generated.statvfs.armhf.statvfs.layout());
            }
            return glibc(pointerBytes == 8 ? Architecture.X86_64 : Architecture.X86, pointerBytes);
        }

        /**
         * {@return musl's {@code struct statvfs} for a word size}: 64-bit, generated from musl's
         * x86_64 header, which is every 64-bit architecture's (musl has one {@code <sys/statvfs.h>}
         * for all, whose only architecture-dependent member, the padding beside {@code f_fsid}, is
         * zero bits wide where {@code long} is 64 bits); 32-bit, {@link #LINUX_MUSL_ILP32}.
         *
         * @param pointerBytes the size of a pointer (8 on LP64)
         */
        static Layout musl(long pointerBytes) {
            return pointerBytes == 8
                    ? linux("linux-musl-x86_64", dev.nativeload.ffm.generated.statvfs.musl_x86_64.statvfs.layout())
                    : LINUX_MUSL_ILP32;
        }

        /**
         * {@code struct statvfs} of musl on 32-bit little-endian Linux: 64-bit counts, 32 bits of
         * padding after {@code f_fsid}. Written by hand: Debian ships musl's headers for the host
         * architecture only, and x86_64's {@code <bits/alltypes.h>} makes the counts {@code long}, so
         * no 32-bit musl header is available to jextract here.
         */
        static final Layout LINUX_MUSL_ILP32 = new Layout("linux-musl-ilp32", MemoryLayout.structLayout(
                U32.withName("f_bsize"), U32.withName("f_frsize"),
                U64.withName("f_blocks"), U64.withName("f_bfree"), U64.withName("f_bavail"),
                U64.withName("f_files"), U64.withName("f_ffree"), U64.withName("f_favail"),
                U32.withName("f_fsid"), MemoryLayout.paddingLayout(4), U32.withName("f_flag"), U32.withName("f_namemax"),
                U32.withName("f_type"), MemoryLayout.sequenceLayout(5, U32).withName("__reserved")).withName("statvfs"),
                "f_flag", Flags.RDONLY, Flags.NOSUID, Flags.NOEXEC);

        /** {@return a Linux layout: the flags field {@code f_flag} and the generated {@code ST_*} bits} */
        private static Layout linux(String abi, java.lang.foreign.GroupLayout generated) {
            return new Layout(abi, (StructLayout) generated, "f_flag", Flags.RDONLY, Flags.NOSUID, Flags.NOEXEC);
        }

        /**
         * {@code struct statfs} of macOS with 64-bit inodes ({@code MAXPATHLEN} 1024, {@code MFSTYPENAMELEN} 16).
         * Written by hand: macOS's {@code <sys/mount.h>} (part of its SDK, which is not
         * redistributable) is not available to jextract here.
         */
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
            return java.util.List.of(glibc(Architecture.X86_64, 8), glibc(Architecture.AARCH64, 8),
                    glibc(Architecture.RISCV64, 8), glibc(Architecture.S390X, 8), glibc(Architecture.PPC64LE, 8),
                    glibc(Architecture.X86, 4), glibc(Architecture.ARM, 4), musl(8), musl(4), DARWIN_STATFS);
        }

        /**
         * {@return the layout for a host, or empty where none is known}: on Linux the generated
         * struct of its C library and architecture ({@link #glibc}, {@link #musl}); another 64-bit
         * Linux C library gets glibc's generic one.
         *
         * @param os           the operating system
         * @param libc         the C library
         * @param arch         the architecture
         * @param pointerBytes the size of a pointer (8 on LP64)
         */
        static Optional<Layout> forHost(TargetOs os, LibcFlavor libc, Architecture arch, long pointerBytes) {
            return switch (os) {
                case LINUX -> libc == LibcFlavor.MUSL ? Optional.of(musl(pointerBytes))
                        : libc == LibcFlavor.GLIBC ? Optional.of(glibc(arch, pointerBytes))
                        : pointerBytes == 8 ? Optional.of(glibc(Architecture.X86_64, 8)) : Optional.empty();
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

    /** The {@code ST_*} bits of {@code f_flag}, from glibc's header (the same in every Linux C library). */
    private static final class Flags {
        static final long RDONLY = dev.nativeload.ffm.generated.statvfs.x86_64.statvfs_h.ST_RDONLY();
        static final long NOSUID = dev.nativeload.ffm.generated.statvfs.x86_64.statvfs_h.ST_NOSUID();
        static final long NOEXEC = dev.nativeload.ffm.generated.statvfs.x86_64.statvfs_h.ST_NOEXEC();
    }

    /**
     * {@return {@code statvfs(path, buf)}, through the generated binding} {@code buf} needs the
     * {@link Layout#size()} of the host's layout.
     *
     * @param path a C string
     * @param buf  receives the {@code struct statvfs}
     */
    static int statvfs(MemorySegment path, MemorySegment buf) {
        return dev.nativeload.ffm.generated.statvfs.x86_64.statvfs_h.statvfs(path, buf);
    }

    /** macOS's {@code statfs}, bound by hand in jextract's shape: no macOS header is available here. */
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
