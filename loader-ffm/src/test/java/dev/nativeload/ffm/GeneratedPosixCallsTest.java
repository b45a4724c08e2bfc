package dev.nativeload.ffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nativeload.ffm.generated.posix.fcntl_h;
import dev.nativeload.ffm.generated.posix.flock;
import dev.nativeload.ffm.generated.posix.stat;
import dev.nativeload.ffm.generated.posix.stat_h;
import dev.nativeload.ffm.generated.posix.unistd_h;
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
        assertEquals(ProcessHandle.current().pid(), unistd_h.getpid());
        assertEquals(HostFacts.pageSize(dev.nativeload.binary.TargetOs.LINUX), unistd_h.sysconf(unistd_h._SC_PAGESIZE()));
        assertTrue(unistd_h.sysconf(unistd_h._SC_PAGESIZE()) >= 4096);
    }
}
