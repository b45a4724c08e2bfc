package dev.nativeload;

import dev.nativeload.report.FailureKind;
import dev.nativeload.report.LoadReport;

import dev.nativeload.report.Diagnosis;

/** The library's initializer failed (DllMain returned FALSE, ERROR_DLL_INIT_FAILED) ({@link FailureKind#INIT_FAILED} and kin). */
public final class LibraryInitializationException extends NativeLoadException {
    private static final long serialVersionUID = 1L;

    LibraryInitializationException(LoadReport report, Diagnosis diagnosis) {
        super(report, diagnosis);
    }
}
