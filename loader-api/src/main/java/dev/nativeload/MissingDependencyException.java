package dev.nativeload;

import java.util.Optional;

import dev.nativeload.report.FailureKind;
import dev.nativeload.report.LoadReport;

import dev.nativeload.report.Diagnosis;

/** The library was found, but a library it needs was not; {@link Diagnosis#dependency()} names it and {@link Diagnosis#neededBy()} who needs it ({@link FailureKind#MISSING_DEPENDENCY} and kin). */
public final class MissingDependencyException extends NativeLoadException {
    private static final long serialVersionUID = 1L;

    MissingDependencyException(LoadReport report, Diagnosis diagnosis) {
        super(report, diagnosis);
    }

    /** {@return the dependency to blame, with the library that needs it, where the loader or the resolver named it} */
    public Optional<Diagnosis.Culprit.Dependency> dependency() {
        return diagnosis().culprit().flatMap(c -> c instanceof Diagnosis.Culprit.Dependency d ? Optional.of(d) : Optional.empty());
    }
}
