package dev.nativeload;

import dev.nativeload.report.Diagnosis;
import dev.nativeload.report.FailureKind;
import dev.nativeload.report.LoadReport;

/** The kernel, a sandbox or the filesystem lacks what the loader needs (ENOSYS, EOPNOTSUPP/ENOTSUP) ({@link FailureKind#SYSCALL_UNAVAILABLE} and kin). */
public final class LoaderUnsupportedException extends NativeLoadException {
    private static final long serialVersionUID = 1L;

    LoaderUnsupportedException(LoadReport report, Diagnosis diagnosis) {
        super(report, diagnosis);
    }

    /**
     * {@return the exception for a report and its diagnosis} Typed {@code RuntimeException} for code
     * on the first load's path, which throws it: the verifier loads the class a method throws by
     * name, so the thrower would load this class on every first load, failed or not.
     *
     * @param report    the report
     * @param diagnosis why the loader cannot work here
     */
    static RuntimeException unsupported(LoadReport report, Diagnosis diagnosis) {
        return new LoaderUnsupportedException(report, diagnosis);
    }
}
