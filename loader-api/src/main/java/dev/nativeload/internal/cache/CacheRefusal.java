package dev.nativeload.internal.cache;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A cache directory that was not used, and why.
 *
 * @param directory the directory
 * @param reason    the rule it broke
 * @param detail    the facts, in words: "mode rwxrwxrwx", "mounted noexec", the OS's error text
 */
public record CacheRefusal(Path directory, Reason reason, String detail) {
    public CacheRefusal {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    /** Why a cache directory was refused. */
    public enum Reason {
        /** It does not exist and could not be created. */
        NOT_CREATABLE,
        /** It is a symbolic link, which another user could have planted. */
        SYMLINK,
        /** It exists and is not a directory. */
        NOT_A_DIRECTORY,
        /** Another user owns it. */
        WRONG_OWNER,
        /** Its group or other users may write to it. */
        WRITABLE_BY_OTHERS,
        /** This process cannot write to it (read-only filesystem, permissions). */
        NOT_WRITABLE,
        /** Its filesystem is mounted noexec, so nothing extracted there could be mapped executable. */
        NOEXEC,
        /** Its filesystem has no room for the library. */
        NO_SPACE,
        /** Reading or writing there failed otherwise. */
        IO_ERROR
    }

    @Override
    public String toString() {
        return directory + ": " + reason + " (" + detail + ")";
    }
}
