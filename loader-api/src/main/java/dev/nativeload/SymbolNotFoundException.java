package dev.nativeload;

import dev.nativeload.report.FailureKind;
import dev.nativeload.report.LoadReport;

import dev.nativeload.report.Diagnosis;

/**
 * A loaded library has no symbol of the requested name ({@link FailureKind#SYMBOL_NOT_FOUND}).
 * Thrown by {@link NativeLibrary#lookup(String)}; the message names the symbol and the file.
 */
public final class SymbolNotFoundException extends NativeLoadException {
    private static final long serialVersionUID = 1L;

    SymbolNotFoundException(String message, LoadReport report, Diagnosis diagnosis) {
        super(message, report, diagnosis);
    }

    /** {@return the symbol that was not found} */
    public String symbol() {
        return diagnosis().symbol().orElseThrow();
    }
}
