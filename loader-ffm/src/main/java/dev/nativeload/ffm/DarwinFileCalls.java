package dev.nativeload.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.nativeload.binary.Architecture;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.util.Optional;

/**
 * macOS's file calls, {@code <fcntl.h>}, {@code <sys/stat.h>} and {@code <unistd.h>} of the macOS
 * SDK, written by hand in the shape jextract gives the Linux ones: the SDK's headers are not
 * redistributable and not installed here, so jextract cannot read them. The values are the SDK's
 * ({@code O_*} of {@code <sys/fcntl.h>}, the 64-bit-inode {@code struct stat}). No locks: the
 * cache's open-file-description locks are Linux's.
 */
final class DarwinFileCalls {
    private static final ValueLayout U16 = ValueLayout.JAVA_SHORT;
    private static final ValueLayout U32 = ValueLayout.JAVA_INT;
    private static final ValueLayout U64 = ValueLayout.JAVA_LONG;
    private static final StructLayout TIMESPEC = MemoryLayout.structLayout(U64.withName("tv_sec"), U64.withName("tv_nsec"));

    /** {@code O_RDONLY}, {@code O_NOFOLLOW}, {@code O_CLOEXEC}, {@code O_NOCTTY}, {@code O_RDWR|O_CREAT|O_NONBLOCK}. */
    static final FileCalls.OpenBits BITS = new FileCalls.OpenBits(0, 0x100, 0x1000000, 0x20000, 0x2 | 0x200 | 0x4);

    /** {@code struct stat} with 64-bit inodes ({@code fstat$INODE64} on x86_64, {@code fstat} on arm64). */
    static final StructLayout STAT = MemoryLayout.structLayout(
            U32.withName("st_dev"), U16.withName("st_mode"), U16.withName("st_nlink"), U64.withName("st_ino"),
            U32.withName("st_uid"), U32.withName("st_gid"), U32.withName("st_rdev"), MemoryLayout.paddingLayout(4),
            TIMESPEC.withName("st_atimespec"), TIMESPEC.withName("st_mtimespec"), TIMESPEC.withName("st_ctimespec"),
            TIMESPEC.withName("st_birthtimespec"), U64.withName("st_size"), U64.withName("st_blocks"),
            U32.withName("st_blksize"), U32.withName("st_flags"), U32.withName("st_gen"), U32.withName("st_lspare"),
            MemoryLayout.sequenceLayout(2, U64).withName("st_qspare")).withName("stat");

    private DarwinFileCalls() {
    }

    /**
     * {@return macOS's file calls, bound in this process}
     *
     * @param arch this host's architecture: on x86_64 the 64-bit-inode {@code fstat} is {@code fstat$INODE64}
     */
    static FileCalls bind(Architecture arch) {
        return FileCalls.bind("darwin", BITS, STAT, Optional.empty(),
                function("open", 2, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT),
                function(arch.equals(Architecture.X86_64) ? "fstat$INODE64" : "fstat", -1, JAVA_INT, JAVA_INT, ADDRESS),
                function("pread", -1, JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG),
                function("pwrite", -1, JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG),
                function("close", -1, JAVA_INT, JAVA_INT),
                function("geteuid", -1, JAVA_INT));
    }

    private static FileCalls.Function function(String name, int firstVariadic, MemoryLayout result, MemoryLayout... arguments) {
        return new FileCalls.Function(name, Linker.nativeLinker().defaultLookup().find(name),
                FunctionDescriptor.of(result, arguments), firstVariadic);
    }
}
