package dev.nativeload.cli;

import dev.nativeload.resolve.symbols.SymbolBinding;
import dev.nativeload.resolve.symbols.SymbolReport;
import dev.nativeload.resolve.symbols.UnresolvedSymbol;
import dev.nativeload.resolve.symbols.VersionError;
import dev.nativeload.resolve.symbols.macho.DyldBinder;
import dev.nativeload.binary.GlibcVersion;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Renders what {@code tree --symbols} found: JSON fields added to a tree's top-level object, or
 * the lines {@code ldd -r} prints, under the text tree.
 */
final class SymbolOutput {
    private SymbolOutput() {
    }

    /**
     * Writes {@code "unresolved": [{"symbol", "version", "object", "weak", "library"}]} and {@code "versionErrors":
     * [{"version", "file", "object"}]} (and, when asked, {@code "bindings"}; and {@code "symbolNotes"}
     * when there are notes) into the object being written.
     *
     * @param w        a writer inside the tree's top-level object
     * @param report   what binding found
     * @param bindings whether to write every binding too
     */
    static void json(JsonWriter w, SymbolReport report, boolean bindings) {
        unresolvedJson(w, report.unresolved());
        w.name("versionErrors").beginArray();
        for (VersionError v : report.versionErrors()) {
            w.beginObject();
            w.name("version").value(v.version());
            w.name("file").value(v.file());
            w.name("object").value(v.object());
            w.endObject();
        }
        w.endArray();
        if (bindings) {
            w.name("bindings").beginArray();
            for (SymbolBinding b : report.bindings()) {
                w.beginObject();
                w.name("object").value(b.object());
                w.name("symbol").value(b.symbol());
                w.name("version").value(b.version().orElse(null));
                w.name("kind").value(b.kind().name());
                w.name("definedIn").value(b.definedIn().orElse(null));
                w.name("definedVersion").value(b.definedVersion().orElse(null));
                w.endObject();
            }
            w.endArray();
        }
        if (!report.notes().isEmpty()) {
            w.name("symbolNotes").stringArray(report.notes());
        }
    }

    /**
     * {@return the findings as {@code ldd -r} words them, one per line, each line ending in a line
     * break}: {@code PATH: version `V' not found (required by OBJECT)}, then
     * {@code undefined symbol: NAME[, version V]<TAB>(OBJECT)}; with bindings, one
     * {@code binding OBJECT: NAME[@V] => DEFINER} line per reference, as {@code LD_DEBUG=bindings}
     * shows them; notes in parentheses. Empty when everything binds.
     *
     * @param report   what binding found
     * @param bindings whether to list every binding too
     * @param glibc    the glibc whose {@code ld.so} is emulated, if known: before 2.30 a versioned reference
     *                 is worded as that loader words it ({@link UnresolvedSymbol#message(Optional)})
     */
    static String text(SymbolReport report, boolean bindings, Optional<GlibcVersion> glibc) {
        return text(report, bindings, u -> u.message(glibc));
    }

    /**
     * {@return the findings as {@link #text(SymbolReport, boolean, Optional)} lists them, each unresolved
     * reference in the given loader's words}: {@code MESSAGE<TAB>(OBJECT)}
     *
     * @param report   what binding found
     * @param bindings whether to list every binding too
     * @param words    the loader's message for an unresolved reference
     */
    static String text(SymbolReport report, boolean bindings, Function<UnresolvedSymbol, String> words) {
        StringBuilder s = new StringBuilder();
        for (VersionError v : report.versionErrors()) {
            s.append(v.message()).append('\n');
        }
        s.append(unresolvedText(report.unresolved(), "", words));
        return s.append(bindingsAndNotes(report, bindings)).toString();
    }

    /**
     * {@return the findings as dyld words them, each ending in a line break}: {@code Symbol not found: NAME},
     * then {@code   Referenced from: OBJECT} and {@code   Expected in: LIBRARY}
     * ({@link DyldBinder#message(UnresolvedSymbol)}); bindings and notes as {@link #text} writes them
     *
     * @param report   what binding a Mach-O tree found
     * @param bindings whether to list every binding too
     */
    static String dyldText(SymbolReport report, boolean bindings) {
        StringBuilder s = new StringBuilder();
        for (UnresolvedSymbol u : report.unresolved()) {
            s.append(DyldBinder.message(u)).append('\n');
        }
        return s.append(bindingsAndNotes(report, bindings)).toString();
    }

    private static String bindingsAndNotes(SymbolReport report, boolean bindings) {
        StringBuilder s = new StringBuilder();
        if (bindings) {
            for (SymbolBinding b : report.bindings()) {
                s.append("binding ").append(b.object()).append(": ").append(b.symbol())
                        .append(b.version().map(v -> "@" + v).orElse("")).append(" [").append(b.kind()).append("] => ")
                        .append(b.definedIn().map(d -> d + b.definedVersion().map(v -> " [" + v + "]").orElse(""))
                                .orElse("(unresolved)"))
                        .append('\n');
            }
        }
        for (String note : report.notes()) {
            s.append("    (").append(note).append(")\n");
        }
        return s.toString();
    }

    /**
     * Writes {@code "unresolved": [{"symbol", "version", "object", "weak", "library", "delayLoad"}]} into the
     * object being written: {@code library} is where the loader expected the symbol (the DLL a PE import names,
     * the library a Mach-O import's ordinal names), null for ELF; {@code delayLoad} marks a PE delay-load import,
     * which fails at its first call rather than at load.
     *
     * @param w          a writer inside an object
     * @param unresolved the references
     */
    static void unresolvedJson(JsonWriter w, List<UnresolvedSymbol> unresolved) {
        w.name("unresolved").beginArray();
        for (UnresolvedSymbol u : unresolved) {
            w.beginObject();
            w.name("symbol").value(u.symbol());
            w.name("version").value(u.version().orElse(null));
            w.name("object").value(u.object());
            w.name("weak").value(u.weak());
            w.name("library").value(u.library().orElse(null));
            w.name("delayLoad").value(u.delayLoad());
            w.endObject();
        }
        w.endArray();
    }

    /**
     * {@return one {@code undefined symbol: NAME[, version V]<TAB>(OBJECT)} line per reference, as {@code ldd -r} words it}
     *
     * @param unresolved the references
     * @param indent     what each line starts with
     * @param glibc      the glibc whose {@code ld.so} is emulated, if known
     */
    static String unresolvedText(List<UnresolvedSymbol> unresolved, String indent, Optional<GlibcVersion> glibc) {
        return unresolvedText(unresolved, indent, u -> u.message(glibc));
    }

    /**
     * {@return one {@code MESSAGE<TAB>(OBJECT)} line per reference, in the given loader's words}
     *
     * @param unresolved the references
     * @param indent     what each line starts with
     * @param words      the loader's message for a reference
     */
    static String unresolvedText(List<UnresolvedSymbol> unresolved, String indent, Function<UnresolvedSymbol, String> words) {
        StringBuilder s = new StringBuilder();
        for (UnresolvedSymbol u : unresolved) {
            s.append(indent).append(words.apply(u)).append('\t').append('(').append(u.object()).append(')').append('\n');
        }
        return s.toString();
    }
}
