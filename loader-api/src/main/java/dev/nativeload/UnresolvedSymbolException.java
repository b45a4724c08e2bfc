package dev.nativeload;

import dev.nativeload.report.FailureKind;
import dev.nativeload.report.LoadReport;

import dev.nativeload.report.Diagnosis;

/** The library references a symbol, or a symbol version such as GLIBC_2.38, that nothing loaded provides ({@link FailureKind#UNDEFINED_SYMBOL} and kin). */
public final class UnresolvedSymbolException extends NativeLoadException {
    private static final long serialVersionUID = 1L;

    UnresolvedSymbolException(LoadReport report, Diagnosis diagnosis) {
        super(report, diagnosis);
    }
}
