package dev.nativeload.internal.os;

import dev.nativeload.spi.OsError;

import java.util.Objects;

/** What {@link FileDescriptors#openNoFollow} did: opened the file, failed with an OS error, or cannot do it here. */
public sealed interface FileOpenResult {
    /**
     * The file is open.
     *
     * @param file the open file; the caller closes it
     */
    record Opened(OpenFile file) implements FileOpenResult {
        /** Checks the file is present. */
        public Opened {
            Objects.requireNonNull(file, "file");
        }
    }

    /**
     * The OS refused: {@code ELOOP} for a symbolic link, {@code ENOENT}, {@code EACCES}, ...
     *
     * @param error the call and its {@code errno}
     */
    record Failed(OsError error) implements FileOpenResult {
        /** Checks the error is present. */
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }

    /**
     * This implementation cannot open files by descriptor on this host.
     *
     * @param why what is missing
     */
    record Unsupported(String why) implements FileOpenResult {
        /** Checks the reason is present. */
        public Unsupported {
            Objects.requireNonNull(why, "why");
        }
    }
}
