package dev.nativeload.resolve.symbols;

import java.util.List;

/**
 * What binding one tree's symbols found.
 *
 * @param unresolved    every strong reference no object in scope defines, in load order of the
 *                      referencing objects, each (symbol, version, object) once
 * @param versionErrors every required version the named dependency does not define, in load order
 * @param bindings      every symbol reference and the definition it binds to (unresolved weak ones
 *                      too), in load order, each (object, symbol, version, kind) once; only the
 *                      unbound ones, or none, when the binder was made to record no more
 *                      ({@link SymbolBinder.Recorded})
 * @param notes         what a person needs to know about the answer: objects that were not bound
 *                      and why (the dynamic loader itself, an unsupported machine, an unreadable file)
 */
public record SymbolReport(List<UnresolvedSymbol> unresolved, List<VersionError> versionErrors,
                           List<SymbolBinding> bindings, List<String> notes) {
    /** Copies the lists, so the report is immutable. */
    public SymbolReport {
        unresolved = List.copyOf(unresolved);
        versionErrors = List.copyOf(versionErrors);
        bindings = List.copyOf(bindings);
        notes = List.copyOf(notes);
    }

    /** {@return whether the loader would bind everything: no strong reference unresolved, no version missing} */
    public boolean clean() {
        return unresolved.isEmpty() && versionErrors.isEmpty();
    }
}
