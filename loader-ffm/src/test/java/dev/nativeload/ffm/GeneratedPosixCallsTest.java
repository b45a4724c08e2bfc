package dev.nativeload.ffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nativeload.ffm.generated.fcntl.x86_64.fcntl_h;
import dev.nativeload.ffm.generated.fcntl.x86_64.flock;
import dev.nativeload.ffm.generated.fcntl.x86_64.stat;
import dev.nativeload.ffm.generated.fcntl.x86_64.stat_h;
import dev.nativeload.ffm.generated.fcntl.x86_64.unistd_h;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated bindings of {@code <fcntl.h>}, {@code <sys/stat.h>} and {@code <unistd.h>} that
 * nativeload's safe-open and locking code is to call, called for real on this host (x86_64 Linux,
 * the target they are generated for): what each returns agrees with what Java reads of the same
 * file or process.
 */
class GeneratedPosixCallsTest {
    private static boolean x86_64Linux() {
        return System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64");
    }

    private static int open(Arena arena, Path p, int flags) {
        return fcntl_h.open.makeInvoker().apply(arena.allocateFrom(p.toString()), flags);
    }

    @Test
    void fstatOfADescriptorOpenedReadOnlyGivesTheFilesSizeOwnerAndInode(@TempDir Path dir) throws IOException {
        assumeTrue(x86_64Linux(), "the generated POSIX layouts are x86_64 Linux's");
        Path file = Files.writeString(dir.resolve("data"), "0123456789abcdef");
        try (Arena arena = Arena.ofConfined()) {
            int fd = open(arena, file, fcntl_h.O_RDONLY() | fcntl_h.O_CLOEXEC() | fcntl_h.O_NOFOLLOW());
            assertTrue(fd >= 0, "open failed");
            try {
                MemorySegment st = stat.allocate(arena);
                assertEquals(0, stat_h.fstat(fd, st));
                assertEquals(Files.size(file), stat.st_size(st));
                assertEquals(((Number) Files.getAttribute(file, "unix:ino")).longValue(), stat.st_ino(st));
                assertEquals((int) (Integer) Files.getAttribute(file, "unix:uid"), stat.st_uid(st));
                assertEquals(unistd_h.geteuid(), stat.st_uid(st));
                MemorySegment buf = arena.allocate(4);
                assertEquals(4, unistd_h.pread(fd, buf, 4, 10));
                assertEquals("abcd", new String(buf.toArray(ValueLayout.JAVA_BYTE), StandardCharsets.US_ASCII));
            } finally {
                assertEquals(0, unistd_h.close(fd));
            }
        }
    }

    @Test
    void openWithONofollowRefusesASymlinkThatOpensWithoutIt(@TempDir Path dir) throws IOException {
        assumeTrue(x86_64Linux(), "the generated POSIX constants are x86_64 Linux's");
        Path target = Files.writeString(dir.resolve("target"), "x");
        Path link = Files.createSymbolicLink(dir.resolve("link"), target);
        try (Arena arena = Arena.ofConfined()) {
            assertEquals(-1, open(arena, link, fcntl_h.O_RDONLY() | fcntl_h.O_NOFOLLOW()));
            int fd = open(arena, link, fcntl_h.O_RDONLY());
            assertTrue(fd >= 0, "the symlink did not open without O_NOFOLLOW");
            assertEquals(0, unistd_h.close(fd));
            assertEquals(-1, open(arena, target, fcntl_h.O_RDONLY() | fcntl_h.O_DIRECTORY()),
                    "O_DIRECTORY opened a regular file");
            int dirFd = open(arena, dir, fcntl_h.O_RDONLY() | fcntl_h.O_DIRECTORY());
            assertTrue(dirFd >= 0, "O_DIRECTORY did not open a directory");
            assertEquals(0, unistd_h.close(dirFd));
        }
    }

    @Test
    void openFileDescriptionLockIsReportedToAnotherDescriptionOfTheSameFile(@TempDir Path dir) throws IOException {
        assumeTrue(x86_64Linux(), "the generated POSIX layouts are x86_64 Linux's");
        Path file = Files.writeString(dir.resolve("lock"), "");
        try (Arena arena = Arena.ofConfined()) {
            int a = open(arena, file, fcntl_h.O_RDONLY() | fcntl_h.O_CLOEXEC());
            int b = open(arena, file, fcntl_h.O_RDONLY() | fcntl_h.O_CLOEXEC());
            try {
                MemorySegment lock = flock.allocate(arena).fill((byte) 0);
                flock.l_type(lock, (short) fcntl_h.F_RDLCK());
                // A read lock: F_OFD_GETLK from another description sees no conflict with a read lock,
                // but reports it when asking about a write lock.
                fcntl_h.fcntl setlk = fcntl_h.fcntl.makeInvoker(fcntl_h.C_POINTER);
                assertEquals(0, setlk.apply(a, fcntl_h.F_OFD_SETLK(), lock));
                MemorySegment query = flock.allocate(arena).fill((byte) 0);
                flock.l_type(query, (short) fcntl_h.F_WRLCK());
                assertEquals(0, setlk.apply(b, fcntl_h.F_OFD_GETLK(), query));
                assertEquals(fcntl_h.F_RDLCK(), flock.l_type(query));
                assertEquals(-1, flock.l_pid(query), "an open-file-description lock has no owning process");
            } finally {
                unistd_h.close(a);
                unistd_h.close(b);
            }
        }
    }

    @Test
    void getpidIsThisJvmsProcessIdAndThePageSizeIsSysconfs() {
        assumeTrue(x86_64Linux(), "the generated POSIX constants are x86_64 Linux's");
        assertEquals(ProcessHandle.current().pid(), dev.nativeload.ffm.generated.posix.lp64.unistd_h.getpid());
        long pageSize = dev.nativeload.ffm.generated.posix.lp64.unistd_h.sysconf(
                dev.nativeload.ffm.generated.posix.lp64.unistd_h._SC_PAGESIZE());
        assertEquals(HostFacts.pageSize(dev.nativeload.binary.TargetOs.LINUX), pageSize);
        assertTrue(pageSize >= 4096);
    }

    @Test
    void fileCallsChosenForThisHostOpenStatReadAndLockThroughTheGeneratedBindings(@TempDir Path dir) throws IOException {
        assumeTrue(x86_64Linux(), "this host's calls are x86_64 glibc's");
        HostFileCalls.Bound bound = HostFileCalls.forPlatform(dev.nativeload.binary.TargetOs.LINUX,
                dev.nativeload.binary.LibcFlavor.GLIBC, dev.nativeload.binary.Architecture.X86_64);
        FileCalls calls = ((HostFileCalls.Bound.Calls) bound).calls();
        assertEquals(PosixAbi.GLIBC_X86_64.name(), calls.abi());
        assertEquals(stat.layout(), calls.stat());
        Path file = Files.writeString(dir.resolve("data"), "0123456789abcdef");
        Scratch scratch = Scratch.current();
        try (Arena arena = Arena.ofConfined()) {
            int fd = calls.open(scratch.callState(), arena.allocateFrom(file.toString()),
                    calls.bits().readNoFollow() | calls.bits().readWriteCreateNonBlock(), 0600);
            assertTrue(fd >= 0, "open failed: errno " + Dlfcn.errno(scratch));
            try {
                MemorySegment st = arena.allocate(calls.statSize(), 8);
                assertEquals(0, calls.fstat(scratch.callState(), fd, st));
                assertEquals(16, calls.decode(st).size());
                assertEquals(calls.geteuid(), calls.decode(st).uid());
                MemorySegment buf = arena.allocate(4);
                assertEquals(4, calls.pread(scratch.callState(), fd, buf, 4, 10));
                assertEquals("abcd", new String(buf.toArray(ValueLayout.JAVA_BYTE), StandardCharsets.US_ASCII));
                buf.copyFrom(MemorySegment.ofArray("WXYZ".getBytes(StandardCharsets.US_ASCII)));
                assertEquals(4, calls.pwrite(scratch.callState(), fd, buf, 4, 0));
                FileCalls.Locking locking = calls.locking().orElseThrow();
                MemorySegment lock = arena.allocate(locking.flock()).fill((byte) 0);
                locking.fill(lock, locking.writeLock(), 0, 1);
                assertEquals(0, locking.setLock(scratch.callState(), fd, lock));
                assertEquals(locking.writeLock(), flock.l_type(lock));
                assertEquals(1, flock.l_len(lock));
            } finally {
                assertEquals(0, calls.close(fd));
            }
        }
        assertEquals("WXYZ456789abcdef", Files.readString(file));
    }

    @Test
    void aFunctionThisProcessLacksIsListedAsMissingAndItsCallThrowsUnsatisfiedLinkError() {
        assumeTrue(x86_64Linux(), "macOS's fstat$INODE64 is absent from Linux's C library");
        FileCalls darwin = DarwinFileCalls.bind(dev.nativeload.binary.Architecture.X86_64);
        assertEquals(java.util.List.of("fstat$INODE64"), darwin.missing());
        UnsatisfiedLinkError e = org.junit.jupiter.api.Assertions.assertThrows(UnsatisfiedLinkError.class,
                () -> darwin.fstat(Scratch.current().callState(), 0, MemorySegment.NULL));
        assertTrue(e.getMessage().contains("fstat$INODE64"), e.getMessage());
        assertTrue(darwin.geteuid() >= 0, "geteuid, which this process has, is still bound");
        assertEquals(java.util.List.of(), ((HostFileCalls.Bound.Calls) HostFileCalls.forPlatform(
                dev.nativeload.binary.TargetOs.LINUX, dev.nativeload.binary.LibcFlavor.GLIBC,
                dev.nativeload.binary.Architecture.X86_64)).calls().missing());
    }
}
