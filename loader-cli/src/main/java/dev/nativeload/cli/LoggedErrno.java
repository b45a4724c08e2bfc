package dev.nativeload.cli;

import dev.nativeload.report.Errno;
import dev.nativeload.report.FailureKind;
import java.util.Optional;

/**
 * The error text a loader message ends with, as a log shows it: glibc's English {@code strerror} wording
 * (musl's and dyld's are the same for the errors a load meets), read back to its {@link Errno} and the
 * kind of failure it stands for. A log comes from another host, so its text is matched against glibc's
 * words, not against this host's locale.
 *
 * @param errno the error
 */
record LoggedErrno(Errno errno) {

    /** {@return the error a {@code strerror} text names, if it is one glibc prints} @param text the text, e.g. {@code No such file or directory} */
    static Optional<LoggedErrno> of(String text) {
        String t = text.strip();
        for (Errno e : Errno.values()) {
            if (e.glibcText().equalsIgnoreCase(t)) {
                return Optional.of(new LoggedErrno(e));
            }
        }
        return Optional.empty();
    }

    /** {@return the kind of failure this error stands for, when a loader ends its message with it} */
    FailureKind kind() {
        return switch (errno) {
            case ENOENT, ENOTDIR -> FailureKind.NOT_FOUND;
            case ENOEXEC -> FailureKind.WRONG_FORMAT;
            case ENOMEM -> FailureKind.OUT_OF_MEMORY;
            case EACCES, EPERM -> FailureKind.ACCESS_DENIED;
            case ELOOP -> FailureKind.SYMLINK_LOOP;
            case EISDIR -> FailureKind.NOT_A_FILE;
            case ENOSYS -> FailureKind.SYSCALL_UNAVAILABLE;
            case EOPNOTSUPP, ENOTSUP -> FailureKind.OPERATION_NOT_SUPPORTED;
            case ENOSPC -> FailureKind.NO_SPACE;
            default -> FailureKind.UNKNOWN;
        };
    }

    /** {@return what to do about it} */
    String hint() {
        return switch (kind()) {
            case NOT_FOUND -> "install the library, or put its directory on the loader's search path";
            case WRONG_FORMAT -> "use the build of the library for this OS, machine and C library (musl says this for each of them)";
            case OUT_OF_MEMORY -> "check the process's memory limits (ulimit -v, the container's limit)";
            case ACCESS_DENIED -> "make the file readable and its directories searchable; a noexec mount or a security policy "
                    + "(SELinux, AppArmor) may forbid mapping it executable";
            case SYMLINK_LOOP -> "fix the symbolic links on the path";
            case NOT_A_FILE -> "name the library file, not a directory";
            case SYSCALL_UNAVAILABLE -> "a seccomp profile, an emulator or an old kernel blocks a call the loader needs";
            case OPERATION_NOT_SUPPORTED -> "move the library to a local filesystem";
            case NO_SPACE -> "free space where the library is extracted (java.io.tmpdir)";
            default -> "read the loader's message";
        };
    }
}
