package dev.nativeload;

import dev.nativeload.report.FailureKind;
import dev.nativeload.report.LoadReport;

import dev.nativeload.report.Diagnosis;

/** The loader could not map the memory the library asks for (ENOMEM) ({@link FailureKind#OUT_OF_MEMORY} and kin). */
public final class LibraryMemoryException extends NativeLoadException {
    private static final long serialVersionUID = 1L;

    LibraryMemoryException(LoadReport report, Diagnosis diagnosis) {
        super(report, diagnosis);
    }
}
