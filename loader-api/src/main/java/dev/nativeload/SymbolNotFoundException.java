package dev.nativeload;

import dev.nativeload.report.Diagnosis;
import dev.nativeload.report.Diagnosis.Culprit;
import dev.nativeload.report.FailureKind;
import dev.nativeload.report.LoadReport;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A loaded library has no symbol of the requested name ({@link FailureKind#SYMBOL_NOT_FOUND}).
 * Thrown by {@link NativeLibrary#lookup(String)}; the message names the symbol and the file.
 */
public final class SymbolNotFoundException extends NativeLoadException {
    private static final long serialVersionUID = 1L;

    SymbolNotFoundException(String message, LoadReport report, Diagnosis diagnosis) {
        super(message, report, diagnosis);
    }

    /**
     * {@return the exception for a symbol that a loaded library does not export} Typed
     * {@code RuntimeException} for {@link NativeLibrary#lookup(String)}, which throws it: the verifier
     * loads the class a method throws by name, so {@code NativeLibrary} would load this class and the
     * diagnosis's culprit types on every first load, whether a lookup ever fails or not.
     *
     * @param library the library's name
     * @param path    its file
     * @param symbol  the symbol looked up
     * @param report  the library's load report
     */
    static RuntimeException notExported(String library, Path path, String symbol, LoadReport report) {
        Diagnosis why = Diagnosis.of(FailureKind.SYMBOL_NOT_FOUND,
                "symbol \"" + symbol + "\" is not exported by " + path,
                "check the spelling and the library's version; list the symbols it exports with `nm -D --defined-only "
                        + path + "`")
                .withCulprit(new Culprit.Symbol(symbol, Optional.empty()));
        return new SymbolNotFoundException("symbol \"" + symbol + "\" not found in library \"" + library + "\" (" + path + ")",
                report, why);
    }

    /** {@return the symbol that was not found} */
    public String symbol() {
        return diagnosis().symbol().orElseThrow();
    }
}
