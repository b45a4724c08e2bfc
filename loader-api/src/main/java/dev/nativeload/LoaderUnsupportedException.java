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
}
