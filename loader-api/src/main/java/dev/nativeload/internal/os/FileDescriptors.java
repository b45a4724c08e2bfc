package dev.nativeload.internal.os;

import dev.nativeload.spi.NativeAccess;
import java.nio.file.Path;

/**
 * The file-descriptor calls of the OS boundary that the extraction cache's security rests on:
 * open without following a link and check the descriptor, the effective uid, per-open-file locks.
 * Internal, not part of the {@link NativeAccess} contract users may implement: loader-ffm's POSIX
 * boundary implements both, and {@link #of} gives every other boundary the defaults ({@link None}), which say the
 * call is unsupported so the cache falls back to what Java's own file API can do.
 */
public interface FileDescriptors {
    /**
     * {@return the file-descriptor calls of an OS boundary, or the defaults, which say each call is unsupported}
     *
     * @param access the OS boundary
     */
    static FileDescriptors of(NativeAccess access) {
        return access instanceof FileDescriptors fd ? fd : None.INSTANCE;
    }

    /**
     * What a boundary without these calls answers. A holder, not a constant of the interface: a
     * constant would be made, its class loaded, whenever a boundary that implements this interface is
     * first used, every first load included. The default methods' answers are made here too: made in
     * the interface, the verifier would load both result types with it, on every first load.
     */
    final class None implements FileDescriptors {
        static final FileDescriptors INSTANCE = new None();

        private None() {
        }

        static FileOpenResult cannotOpen(String boundary) {
            return new FileOpenResult.Unsupported(boundary + " does not open files by descriptor");
        }

        static LockFileResult cannotLock(String boundary) {
            return new LockFileResult.Unsupported(boundary + " has no per-open-file locks");
        }
    }

    /** {@return a name for messages} */
    default String boundaryName() {
        return this instanceof NativeAccess a ? a.name() : "this OS boundary";
    }

    /**
     * Opens a file read-only, refusing a symbolic link in its last component ({@code O_NOFOLLOW},
     * {@code O_CLOEXEC}), and reads its status from the descriptor ({@code fstat}).
     *
     * @param file the file, absolute
     * @return the open file, the OS's refusal with its {@code errno}, or {@link FileOpenResult.Unsupported}
     *         where this implementation has no such call (the default)
     */
    default FileOpenResult openNoFollow(Path file) {
        return None.cannotOpen(boundaryName());
    }

    /**
     * {@return the process's effective user id ({@code geteuid}), or empty where the OS has none (Windows) or it cannot be read}
     */
    default java.util.OptionalInt effectiveUid() {
        return java.util.OptionalInt.empty();
    }

    /**
     * Opens a lock file for reading and writing, creating it ({@code 0600}) if absent, never through
     * a symbolic link and without blocking on a FIFO ({@code O_NONBLOCK}), and checks with
     * {@code fstat} that it is a regular file.
     *
     * @param file the lock file, absolute
     * @return the open file, a non-regular file found, the OS's refusal, or
     *         {@link LockFileResult.Unsupported} where there are no per-open-file locks (the default)
     */
    default LockFileResult openLockFile(Path file) {
        return None.cannotLock(boundaryName());
    }

}
