package dev.nativeload.internal.os;

import dev.nativeload.spi.OsError;

import java.util.Objects;

/** What {@link FileDescriptors#openLockFile} did. */
public sealed interface LockFileResult {
    /**
     * The lock file is open (created {@code 0600} if it was absent) and is a regular file.
     *
     * @param file the open lock file; the caller closes it
     */
    record Opened(LockFile file) implements LockFileResult {
        /** Checks the file is present. */
        public Opened {
            Objects.requireNonNull(file, "file");
        }
    }

    /**
     * The name holds something that is not a regular file (a FIFO, a directory, a device): it was
     * opened without blocking, found wrong by {@code fstat}, and closed.
     *
     * @param status what {@code fstat} found
     */
    record NotRegular(FileStatus status) implements LockFileResult {
        /** Checks the status is present. */
        public NotRegular {
            Objects.requireNonNull(status, "status");
        }
    }

    /**
     * The OS refused ({@code ELOOP} for a symbolic link, {@code EACCES}, ...).
     *
     * @param error the call and its {@code errno}
     */
    record Failed(OsError error) implements LockFileResult {
        /** Checks the error is present. */
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }

    /**
     * This implementation has no per-open-file locks on this host; the caller uses the JDK's
     * {@link java.nio.channels.FileLock}s instead.
     *
     * @param why what is missing
     */
    record Unsupported(String why) implements LockFileResult {
        /** Checks the reason is present. */
        public Unsupported {
            Objects.requireNonNull(why, "why");
        }
    }
}
