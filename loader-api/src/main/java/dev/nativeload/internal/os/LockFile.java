package dev.nativeload.internal.os;

import dev.nativeload.spi.OsError;

/**
 * A lock file opened once for reading and writing, never through a symbolic link, whose byte
 * ranges are locked per open file (Linux open-file-description locks): two opens of one file in one
 * process exclude each other like two processes do, closing one never drops the other's locks, and
 * no call blocks or is interrupted by {@link Thread#interrupt()}.
 */
public interface LockFile extends OpenFile {
    /** What a lock attempt did. */
    sealed interface Attempt {
        /** The range is locked by this open file. */
        record Acquired() implements Attempt {
        }

        /** Another open file holds a conflicting lock ({@code EAGAIN}/{@code EACCES}). */
        record Busy() implements Attempt {
        }

        /**
         * This filesystem or kernel has no such locks ({@code ENOLCK}: NFS without a lock daemon;
         * {@code EINVAL}: a kernel without open-file-description locks).
         *
         * @param error the call and its {@code errno}
         */
        record Unavailable(OsError error) implements Attempt {
        }

        /**
         * Another error.
         *
         * @param error the call and its {@code errno}
         */
        record Failed(OsError error) implements Attempt {
        }
    }

    /**
     * Tries once to lock a byte range, without waiting.
     *
     * @param start  the first byte
     * @param length how many bytes
     * @param shared a read (shared) lock rather than a write (exclusive) one
     * @return what happened
     */
    Attempt tryLock(long start, long length, boolean shared);

    /**
     * Unlocks a byte range this open file holds.
     *
     * @param start  the first byte
     * @param length how many bytes
     * @return what happened ({@link Attempt.Acquired} meaning done)
     */
    Attempt unlock(long start, long length);

    /**
     * Writes bytes at a position ({@code pwrite}).
     *
     * @param position where
     * @param bytes    what
     * @throws OsErrorException if the OS refuses, with its {@code errno}
     */
    void write(long position, byte[] bytes) throws OsErrorException;
}
