package dev.nativeload.resolve.symbols;

import java.util.Objects;
import java.util.Optional;

/**
 * A reference no object in the lookup scope defines: {@code ld.so} says
 * "undefined symbol: NAME" (glibc 2.35 and later add ", version VERSION").
 *
 * @param symbol  the symbol's name
 * @param version the version the reference asks for, if any
 * @param object  the path of the object whose relocation references it
 * @param weak    whether the reference is weak; a weak reference left unresolved is not an
 *                error, so {@link SymbolReport#unresolved()} holds only strong ones
 */
public record UnresolvedSymbol(String symbol, Optional<String> version, String object, boolean weak) {
    /** Checks that every component is given. */
    public UnresolvedSymbol {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(object, "object");
    }

    /** {@return the loader's words: {@code undefined symbol: NAME} or {@code undefined symbol: NAME, version V}} */
    public String message() {
        return "undefined symbol: " + symbol + version.map(v -> ", version " + v).orElse("");
    }
}
