package dev.nativeload.report;

/**
 * The symbolic POSIX error names a load can end in, with the text glibc's {@code strerror} gives
 * for each in the C locale.
 *
 * <p>Only names: the numbers differ by OS and architecture ({@code ELOOP} is 40 on Linux, 62 on
 * macOS and 114 in the Windows C runtime), so nativeload keeps one table of them per platform.
 */
public enum Errno {
    EPERM("Operation not permitted"),
    ENOENT("No such file or directory"),
    ESRCH("No such process"),
    EINTR("Interrupted system call"),
    EIO("Input/output error"),
    ENXIO("No such device or address"),
    E2BIG("Argument list too long"),
    ENOEXEC("Exec format error"),
    EBADF("Bad file descriptor"),
    EAGAIN("Resource temporarily unavailable"),
    ENOMEM("Cannot allocate memory"),
    EACCES("Permission denied"),
    EFAULT("Bad address"),
    EBUSY("Device or resource busy"),
    EEXIST("File exists"),
    EXDEV("Invalid cross-device link"),
    ENODEV("No such device"),
    ENOTDIR("Not a directory"),
    EISDIR("Is a directory"),
    EINVAL("Invalid argument"),
    ENFILE("Too many open files in system"),
    EMFILE("Too many open files"),
    ENOTTY("Inappropriate ioctl for device"),
    ETXTBSY("Text file busy"),
    EFBIG("File too large"),
    ENOSPC("No space left on device"),
    ESPIPE("Illegal seek"),
    EROFS("Read-only file system"),
    EMLINK("Too many links"),
    EPIPE("Broken pipe"),
    EDOM("Numerical argument out of domain"),
    ERANGE("Numerical result out of range"),
    EDEADLK("Resource deadlock avoided"),
    ENAMETOOLONG("File name too long"),
    ENOLCK("No locks available"),
    ENOSYS("Function not implemented"),
    ENOTEMPTY("Directory not empty"),
    ELOOP("Too many levels of symbolic links"),
    EIDRM("Identifier removed"),
    ENODATA("No data available"),
    EOVERFLOW("Value too large for defined data type"),
    EILSEQ("Invalid or incomplete multibyte or wide character"),
    ENOTSOCK("Socket operation on non-socket"),
    EPROTONOSUPPORT("Protocol not supported"),
    EOPNOTSUPP("Operation not supported"),
    ENOTSUP("Operation not supported"),
    ESTALE("Stale file handle"),
    EDQUOT("Disk quota exceeded"),
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
