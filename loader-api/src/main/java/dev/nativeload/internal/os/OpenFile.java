package dev.nativeload.internal.os;

import dev.nativeload.spi.OsError;

import java.io.IOException;
import java.util.Optional;

/**
 * A file opened once, read-only and without following a symbolic link in its last component: what
 * was checked ({@link #status()}) and hashed ({@link #read}) is the file behind this descriptor,
 * whatever is renamed over its path meanwhile, and the OS loader can be handed that same file
 * ({@link #loaderName()}).
 */
public interface OpenFile extends AutoCloseable {
    /** {@return {@code fstat} of the descriptor, read when it was opened} */
    FileStatus status();

    /**
     * Reads from a position, without moving any shared offset ({@code pread}).
     *
     * @param position where to start reading
     * @param into     the buffer
     * @param offset   where in {@code into} to put the first byte
     * @param length   at most how many bytes
     * @return how many bytes were read; -1 at the end of the file
     * @throws OsErrorException if the OS refuses the read, with its {@code errno}
     */
    int read(long position, byte[] into, int offset, int length) throws OsErrorException;

    /**
     * {@return a name under which the OS loader opens exactly this descriptor's file, or empty where there is none}
     *
     * <p>Linux: {@code /proc/self/fd/N}, which {@code dlopen} opens as the file the descriptor
     * refers to, not by a path another user could swap. macOS and Windows have no such name: there
     * the caller loads by path and compares device and inode (file index) after the load.
     */
    Optional<String> loaderName();

    /**
     * {@return {@code fstat} of the descriptor now}
     *
     * @throws OsErrorException if {@code fstat} fails
     */
    FileStatus restat() throws OsErrorException;

    /** Closes the descriptor; later calls do nothing. */
    @Override
    void close();

    /** An OS call on an open file failed; {@link #error()} holds its {@code errno}. */
    final class OsErrorException extends IOException {
        private static final long serialVersionUID = 1L;
        /** The failed call and its code. */
        private final transient OsError error;

        /** @param error the failed call, with its {@code errno} */
        public OsErrorException(OsError error) {
            super(error.toString());
            this.error = error;
        }

        /** {@return the failed call and its {@code errno}} */
        public OsError error() {
            return error;
        }
    }
}
