package dev.nativeload.report;

/**
 * The symbolic POSIX error names a load can end in, with the text glibc's {@code strerror} gives
 * for each in the C locale.
 *
 * <p>Only names: the numbers differ by OS and architecture ({@code ELOOP} is 40 on Linux, 62 on
 * macOS and 114 in the Windows C runtime), so nativeload keeps one table of them per platform.
 */
public enum Errno {
    /** Operation not permitted. */
    EPERM("Operation not permitted"),
    /** No such file or directory. */
    ENOENT("No such file or directory"),
    /** No such process. */
    ESRCH("No such process"),
    /** Interrupted system call. */
    EINTR("Interrupted system call"),
    /** Input/output error. */
    EIO("Input/output error"),
    /** No such device or address. */
    ENXIO("No such device or address"),
    /** Argument list too long. */
    E2BIG("Argument list too long"),
    /** Exec format error. */
    ENOEXEC("Exec format error"),
    /** Bad file descriptor. */
    EBADF("Bad file descriptor"),
    /** Resource temporarily unavailable. */
    EAGAIN("Resource temporarily unavailable"),
    /** Cannot allocate memory. */
    ENOMEM("Cannot allocate memory"),
    /** Permission denied. */
    EACCES("Permission denied"),
    /** Bad address. */
    EFAULT("Bad address"),
    /** Device or resource busy. */
    EBUSY("Device or resource busy"),
    /** File exists. */
    EEXIST("File exists"),
    /** Invalid cross-device link. */
    EXDEV("Invalid cross-device link"),
    /** No such device. */
    ENODEV("No such device"),
    /** Not a directory. */
    ENOTDIR("Not a directory"),
    /** Is a directory. */
    EISDIR("Is a directory"),
    /** Invalid argument. */
    EINVAL("Invalid argument"),
    /** Too many open files in system. */
    ENFILE("Too many open files in system"),
    /** Too many open files. */
    EMFILE("Too many open files"),
    /** Inappropriate ioctl for device. */
    ENOTTY("Inappropriate ioctl for device"),
    /** Text file busy. */
    ETXTBSY("Text file busy"),
    /** File too large. */
    EFBIG("File too large"),
    /** No space left on device. */
    ENOSPC("No space left on device"),
    /** Illegal seek. */
    ESPIPE("Illegal seek"),
    /** Read-only file system. */
    EROFS("Read-only file system"),
    /** Too many links. */
    EMLINK("Too many links"),
    /** Broken pipe. */
    EPIPE("Broken pipe"),
    /** Numerical argument out of domain. */
    EDOM("Numerical argument out of domain"),
    /** Numerical result out of range. */
    ERANGE("Numerical result out of range"),
    /** Resource deadlock avoided. */
    EDEADLK("Resource deadlock avoided"),
    /** File name too long. */
    ENAMETOOLONG("File name too long"),
    /** No locks available. */
    ENOLCK("No locks available"),
    /** Function not implemented. */
    ENOSYS("Function not implemented"),
    /** Directory not empty. */
    ENOTEMPTY("Directory not empty"),
    /** Too many levels of symbolic links. */
    ELOOP("Too many levels of symbolic links"),
    /** Identifier removed. */
    EIDRM("Identifier removed"),
    /** No data available. */
    ENODATA("No data available"),
    /** Value too large for defined data type. */
    EOVERFLOW("Value too large for defined data type"),
    /** Invalid or incomplete multibyte or wide character. */
    EILSEQ("Invalid or incomplete multibyte or wide character"),
    /** Socket operation on non-socket. */
    ENOTSOCK("Socket operation on non-socket"),
    /** Protocol not supported. */
    EPROTONOSUPPORT("Protocol not supported"),
    /** Operation not supported. */
    EOPNOTSUPP("Operation not supported"),
    /** Operation not supported. */
    ENOTSUP("Operation not supported"),
    /** Stale file handle. */
    ESTALE("Stale file handle"),
    /** Disk quota exceeded. */
    EDQUOT("Disk quota exceeded"),
    /** Operation canceled. */
    ECANCELED("Operation canceled");

    private final String glibcText;

    Errno(String glibcText) {
        this.glibcText = glibcText;
    }

    /** {@return what glibc's {@code strerror} says for this error in the C locale} */
    public String glibcText() {
        return glibcText;
    }
}
