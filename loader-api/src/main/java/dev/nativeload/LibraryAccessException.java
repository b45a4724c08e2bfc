package dev.nativeload;

import dev.nativeload.report.FailureKind;
import dev.nativeload.report.LoadReport;

import dev.nativeload.report.Diagnosis;

/** The library could not be read or mapped executable: permissions, or a noexec mount ({@link FailureKind#ACCESS_DENIED} and kin). */
public final class LibraryAccessException extends NativeLoadException {
    private static final long serialVersionUID = 1L;

    LibraryAccessException(LoadReport report, Diagnosis diagnosis) {
        super(report, diagnosis);
    }
}
