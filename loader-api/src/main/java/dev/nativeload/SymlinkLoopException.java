package dev.nativeload;

import dev.nativeload.report.FailureKind;
import dev.nativeload.report.LoadReport;

import dev.nativeload.report.Diagnosis;

/** The path runs through a loop of symbolic links (ELOOP) ({@link FailureKind#SYMLINK_LOOP} and kin). */
public final class SymlinkLoopException extends NativeLoadException {
    private static final long serialVersionUID = 1L;

    SymlinkLoopException(LoadReport report, Diagnosis diagnosis) {
        super(report, diagnosis);
    }
}
