package dev.nativeload.resolve.symbols;

import java.util.Objects;
import java.util.Optional;

/**
 * Which definition a reference binds to, what {@code LD_DEBUG=bindings} shows at run time.
 *
 * @param object    the path of the referencing object
 * @param symbol    the symbol's name
 * @param version   the version the reference asks for, if any
 * @param kind      the kind of relocation that references it
 * @param definedIn the path of the object whose definition wins; empty when none does
 * @param definedVersion the version of the winning definition, if it has one
 */
public record SymbolBinding(String object, String symbol, Optional<String> version, RelocationKind kind,
                            Optional<String> definedIn, Optional<String> definedVersion) {
    /** Checks that every component is given. */
    public SymbolBinding {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(definedIn, "definedIn");
        Objects.requireNonNull(definedVersion, "definedVersion");
    }
}
