package dev.nativeload.cli;

import dev.nativeload.report.FailureKind;
import java.util.Objects;
import java.util.Optional;

/**
 * One native-library load failure found in a log by {@code nativeload explain}.
 *
 * @param line       the 1-based line where the failure's message starts
 * @param library    the library as the log names it (a path, a file name or a library name)
 * @param kind       what kind of failure it is
 * @param cause      the real cause, in plain words
 * @param hint       what to do about it
 * @param dependency the dependency that failed, when the failure is about one
 * @param neededBy   who needs that dependency
 * @param symbol     the symbol that was not found, when one was
 * @param version    the symbol version that was not found, when one was
 */
record ExplainedFailure(long line, String library, FailureKind kind, String cause, String hint, Optional<String> dependency,
                        Optional<String> neededBy, Optional<String> symbol, Optional<String> version) {
    /** Canonical constructor: every part is required; the optional ones may be empty. */
    ExplainedFailure {
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(hint, "hint");
        Objects.requireNonNull(dependency, "dependency");
        Objects.requireNonNull(neededBy, "neededBy");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(version, "version");
    }

    /** {@return what makes two reports the same failure: all but the line and the wording} */
    String identity() {
        return String.join("\u0000", library, kind.name(), dependency.orElse(""), symbol.orElse(""), version.orElse(""));
    }

    /** {@return this failure with another verdict, after the files on this host were examined} */
    ExplainedFailure sharpened(FailureKind newKind, String newCause, String newHint, Optional<String> newDependency,
                               Optional<String> newNeededBy) {
        return new ExplainedFailure(line, library, newKind, newCause, newHint, newDependency, newNeededBy, symbol, version);
    }
}
