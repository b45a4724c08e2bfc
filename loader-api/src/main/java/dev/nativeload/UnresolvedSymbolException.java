package dev.nativeload;

import java.util.Optional;

import dev.nativeload.report.FailureKind;
import dev.nativeload.report.LoadReport;

import dev.nativeload.report.Diagnosis;

/** The library references a symbol, or a symbol version such as GLIBC_2.38, that nothing loaded provides ({@link FailureKind#UNDEFINED_SYMBOL} and kin). */
public final class UnresolvedSymbolException extends NativeLoadException {
    private static final long serialVersionUID = 1L;

    UnresolvedSymbolException(LoadReport report, Diagnosis diagnosis) {
        super(report, diagnosis);
    }

    /**
     * {@return what is unresolved: a {@link Diagnosis.Culprit.Symbol} no loaded library defines (with
     * the version asked for), or a {@link Diagnosis.Culprit.Version} a dependency lacks (with the
     * dependency and who needs it)}
     */
    public Optional<Diagnosis.Culprit> unresolved() {
        return diagnosis().culprit().filter(c -> c instanceof Diagnosis.Culprit.Symbol || c instanceof Diagnosis.Culprit.Version);
    }
}
