package dev.nativeload.ffm;

import dev.nativeload.binary.TargetOs;
import dev.nativeload.internal.os.FileOpenResult;
import dev.nativeload.internal.os.FileStatus;
import dev.nativeload.internal.os.OpenFile;
import dev.nativeload.spi.OsError;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A POSIX file descriptor opened by {@link PosixNativeAccess#openNoFollow}: reads through
 * {@code pread}, status through {@code fstat}, closed once. Its native read buffer belongs to a
 * shared arena closed with the descriptor.
 */
final class PosixOpenFile implements OpenFile {
    private static final int BUFFER = 64 * 1024;

    private final int fd;
    private final TargetOs os;
    private final FileCalls calls;
    private final FileStatus status;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment buffer;
    private final MemorySegment statBuf;
    private final AtomicBoolean closed = new AtomicBoolean();

    private PosixOpenFile(int fd, TargetOs os, FileCalls calls, FileStatus status) {
        this.fd = fd;
        this.os = os;
        this.calls = calls;
        this.status = status;
        this.buffer = arena.allocate(BUFFER, 8);
        this.statBuf = arena.allocate(calls.statSize(), 8);
    }

    /**
     * {@return the open file with its status, or the {@code fstat} error after closing the descriptor}
     *
     * @param fd     an open descriptor, owned from now on
     * @param os     the host OS (decides the loader name)
     * @param calls  this host's file calls
     */
    static FileOpenResult adopt(int fd, TargetOs os, FileCalls calls) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment buf = a.allocate(calls.statSize(), 8);
            Scratch scratch = Scratch.current();
            if (calls.fstat(scratch.callState(), fd, buf) != 0) {
                OsError e = new OsError("fstat", OptionalInt.of(Dlfcn.errno(scratch)), "fstat of descriptor " + fd + " failed");
                calls.close(fd);
                return new FileOpenResult.Failed(e);
            }
            return new FileOpenResult.Opened(new PosixOpenFile(fd, os, calls, calls.decode(buf)));
        }
    }

    /** {@return the descriptor, for the lock calls of {@link PosixLockFile}} */
    int fd() {
        return fd;
    }

    @Override
    public FileStatus status() {
        return status;
    }

    @Override
    public synchronized FileStatus restat() throws OsErrorException {
        requireOpen();
        Scratch scratch = Scratch.current();
        if (calls.fstat(scratch.callState(), fd, statBuf) != 0) {
            throw new OsErrorException(new OsError("fstat", OptionalInt.of(Dlfcn.errno(scratch)), "fstat failed"));
        }
        return calls.decode(statBuf);
    }

    @Override
    public synchronized int read(long position, byte[] into, int offset, int length) throws OsErrorException {
        requireOpen();
        java.util.Objects.checkFromIndexSize(offset, length, into.length);
        int want = Math.min(length, BUFFER);
        Scratch scratch = Scratch.current();
        long n;
        do {
            n = calls.pread(scratch.callState(), fd, buffer, want, position);
        } while (n < 0 && Dlfcn.errno(scratch) == eintr());
        if (n < 0) {
            throw new OsErrorException(new OsError("pread", OptionalInt.of(Dlfcn.errno(scratch)), "pread failed"));
        }
        if (n == 0) {
            return -1;
        }
        MemorySegment.copy(buffer, ValueLayout.JAVA_BYTE, 0, into, offset, (int) n);
        return (int) n;
    }

    private int eintr() {
        return 4; // EINTR is 4 on Linux and macOS alike
    }

    @Override
    public Optional<String> loaderName() {
        return os == TargetOs.LINUX || os == TargetOs.ANDROID ? Optional.of("/proc/self/fd/" + fd) : Optional.empty();
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException("descriptor " + fd + " is closed");
        }
    }

    @Override
    public synchronized void close() {
        if (closed.compareAndSet(false, true)) {
            calls.close(fd);
            arena.close();
        }
    }

    @Override
    public String toString() {
        return "descriptor " + fd + " (device " + status.device() + ", inode " + status.inode() + ")";
    }
}
