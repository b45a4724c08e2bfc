package dev.nativeload.ffm;

import dev.nativeload.internal.os.FileStatus;
import dev.nativeload.internal.os.LockFile;
import dev.nativeload.spi.OsError;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A lock file on Linux: an {@link PosixOpenFile} plus open-file-description locks
 * ({@code F_OFD_SETLK}, never the blocking {@code F_OFD_SETLKW}) and {@code pwrite}.
 */
final class PosixLockFile implements LockFile {
    private static final int EAGAIN = 11;
    private static final int EACCES = 13;
    private static final int EINVAL = 22;
    private static final int ENOLCK = 37;

    private final PosixOpenFile file;
    private final FileCalls.Locking locking;
    private final FileCalls calls;

    /**
     * @param file    the open lock file, owned from now on
     * @param locking this host's lock calls
     * @param calls   this host's file calls ({@code pwrite})
     */
    PosixLockFile(PosixOpenFile file, FileCalls.Locking locking, FileCalls calls) {
        this.file = file;
        this.locking = locking;
        this.calls = calls;
    }

    @Override
    public synchronized Attempt tryLock(long start, long length, boolean shared) {
        return fcntl(shared ? locking.readLock() : locking.writeLock(), start, length);
    }

    @Override
    public synchronized Attempt unlock(long start, long length) {
        return fcntl(locking.unlock(), start, length);
    }

    private Attempt fcntl(short type, long start, long length) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment lock = arena.allocate(locking.flock());
            locking.fill(lock, type, start, length);
            Scratch scratch = Scratch.current();
            if (locking.setLock(scratch.callState(), file.fd(), lock) == 0) {
                return new Attempt.Acquired();
            }
            int errno = Dlfcn.errno(scratch);
            OsError error = new OsError("fcntl(F_OFD_SETLK)", OptionalInt.of(errno), "lock of bytes " + start + "+" + length + " failed");
            return switch (errno) {
                case EAGAIN, EACCES -> new Attempt.Busy();
                case EINVAL, ENOLCK -> new Attempt.Unavailable(error);
                default -> new Attempt.Failed(error);
            };
        }
    }

    @Override
    public synchronized void write(long position, byte[] bytes) throws OsErrorException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocateFrom(ValueLayout.JAVA_BYTE, bytes);
            Scratch scratch = Scratch.current();
            long n = calls.pwrite(scratch.callState(), file.fd(), buf, bytes.length, position);
            if (n != bytes.length) {
                throw new OsErrorException(new OsError("pwrite", OptionalInt.of(n < 0 ? Dlfcn.errno(scratch) : 0),
                        "wrote " + n + " of " + bytes.length + " bytes"));
            }
        }
    }

    @Override
    public FileStatus status() {
        return file.status();
    }

    @Override
    public int read(long position, byte[] into, int offset, int length) throws OsErrorException {
        return file.read(position, into, offset, length);
    }

    @Override
    public Optional<String> loaderName() {
        return Optional.empty();
    }

    @Override
    public FileStatus restat() throws OsErrorException {
        return file.restat();
    }

    @Override
    public void close() {
        file.close();
    }
}
