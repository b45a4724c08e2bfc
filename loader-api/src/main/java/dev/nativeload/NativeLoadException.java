package dev.nativeload;

import dev.nativeload.report.FailureKind;
import dev.nativeload.report.LoadReport;

import dev.nativeload.report.Diagnosis;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A library could not be loaded, or a symbol could not be found in it.
 *
 * <p>Unchecked, like {@link UnsatisfiedLinkError}'s place in the JDK, but with the reason kept:
 * {@link #kind()} is the cause, {@link #report()} every attempt, and the message is the report
 * rendered for a log. One subclass per family of causes, so callers can catch what they can act on.
 */
public sealed class NativeLoadException extends RuntimeException
        permits LibraryNotFoundException, IncompatibleLibraryException, LibraryAccessException,
        LibraryMemoryException, LoaderUnsupportedException, SymlinkLoopException, MissingDependencyException,
        UnresolvedSymbolException, SymbolNotFoundException, LibraryInitializationException {
    private static final long serialVersionUID = 1L;

    private final transient LoadReport report;
    private final transient Diagnosis diagnosis;
    private transient volatile String message;

    /**
     * The message is the report, rendered when first read: a failure nobody prints costs no text.
     *
     * @param report    the whole load
     * @param diagnosis the cause it is reported for
     */
    protected NativeLoadException(LoadReport report, Diagnosis diagnosis) {
        this(null, report, diagnosis);
    }

    /**
     * A failure with a message of its own.
     *
     * @param message   the message, or null for the rendered report
     * @param report    the whole load
     * @param diagnosis the cause it is reported for
     */
    protected NativeLoadException(String message, LoadReport report, Diagnosis diagnosis) {
        super(message);
        this.message = message;
        this.report = Objects.requireNonNull(report, "report");
        this.diagnosis = Objects.requireNonNull(diagnosis, "diagnosis");
    }

    /** {@return the readable report: the verdict, the cause and a hint, then every attempt} */
    @Override
    public String getMessage() {
        String m = message;
        if (m == null) {
            m = report.render(diagnosis);
            message = m;
        }
        return m;
    }

    /**
     * {@return the most specific exception for a failed load's cause}
     *
     * @param report    the failed load
     * @param diagnosis its cause
     */
    static NativeLoadException of(LoadReport report, Diagnosis diagnosis) {
        return switch (diagnosis.kind()) {
            case NOT_FOUND, NOT_A_FILE -> new LibraryNotFoundException(report, diagnosis);
            case WRONG_ARCHITECTURE, WRONG_FORMAT, WRONG_LIBC, TRUNCATED, STATIC_TLS, PAGE_SIZE_MISMATCH, NOT_A_LIBRARY, CORRUPT
                    -> new IncompatibleLibraryException(report, diagnosis);
            case ACCESS_DENIED, NOEXEC_MOUNT, NO_SPACE -> new LibraryAccessException(report, diagnosis);
            case OUT_OF_MEMORY -> new LibraryMemoryException(report, diagnosis);
            case SYSCALL_UNAVAILABLE, OPERATION_NOT_SUPPORTED, SETUP_INCOMPLETE -> new LoaderUnsupportedException(report, diagnosis);
            case SYMLINK_LOOP -> new SymlinkLoopException(report, diagnosis);
            case MISSING_DEPENDENCY -> new MissingDependencyException(report, diagnosis);
            case UNDEFINED_SYMBOL, VERSION_NOT_FOUND -> new UnresolvedSymbolException(report, diagnosis);
            case SYMBOL_NOT_FOUND -> new SymbolNotFoundException(null, report, diagnosis);
            case INIT_FAILED -> new LibraryInitializationException(report, diagnosis);
            case UNKNOWN -> new NativeLoadException(report, diagnosis);
        };
    }

    /** {@return the cause} */
    public FailureKind kind() {
        return diagnosis.kind();
    }

    /** {@return the cause with the OS's text, the explanation and a hint} */
    public Diagnosis diagnosis() {
        return diagnosis;
    }

    /** {@return every attempt the load made} */
    public LoadReport report() {
        return report;
    }

    /** {@return the OS error number behind the cause, where the OS gave one} */
    public OptionalInt errno() {
        return diagnosis.osCode();
    }
}
