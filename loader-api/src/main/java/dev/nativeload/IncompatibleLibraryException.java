package dev.nativeload;

import dev.nativeload.report.FailureKind;
import dev.nativeload.report.LoadReport;

import dev.nativeload.report.Diagnosis;

/** The library was found but cannot run here: another machine, word size, format or C library (ENOEXEC and kin) ({@link FailureKind#WRONG_ARCHITECTURE} and kin). */
public final class IncompatibleLibraryException extends NativeLoadException {
    private static final long serialVersionUID = 1L;

    IncompatibleLibraryException(LoadReport report, Diagnosis diagnosis) {
        super(report, diagnosis);
    }
}
