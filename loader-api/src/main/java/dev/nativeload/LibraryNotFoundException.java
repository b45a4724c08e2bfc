package dev.nativeload;

import dev.nativeload.report.FailureKind;
import dev.nativeload.report.LoadReport;

import dev.nativeload.report.Diagnosis;

/** No candidate file existed, or the only ones were not regular files ({@link FailureKind#NOT_FOUND} and kin). */
public final class LibraryNotFoundException extends NativeLoadException {
    private static final long serialVersionUID = 1L;

    LibraryNotFoundException(LoadReport report, Diagnosis diagnosis) {
        super(report, diagnosis);
    }
}
