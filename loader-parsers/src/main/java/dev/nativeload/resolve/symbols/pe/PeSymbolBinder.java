package dev.nativeload.resolve.symbols.pe;

import dev.nativeload.binary.pe.DelayImportedDll;
import dev.nativeload.binary.pe.ImportedDll;
import dev.nativeload.binary.pe.ImportedFunction;
import dev.nativeload.resolve.DependencyNode;
import dev.nativeload.resolve.DependencyResolver;
import dev.nativeload.resolve.How;
import dev.nativeload.resolve.ResolveHost;
import dev.nativeload.resolve.symbols.SymbolReport;
import dev.nativeload.resolve.symbols.UnresolvedSymbol;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Binds the imports of a resolved Windows tree offline, as the Windows loader snaps them: every
 * image's import directory (at load) and delay-load import directory (at the first call through
 * each), each function by name or by ordinal against the export table of the DLL the import names
 * ({@link ExportLookup}), export forwarders followed into the DLL they name ({@link Snapper}), and
 * API set contracts mapped to their host DLL ({@link DllTargets}).
 *
 * <p>An import the DLL does not export is {@linkplain SymbolReport#unresolved() unresolved}: its
 * {@link UnresolvedSymbol#library()} is the DLL the image imports it from,
 * {@link UnresolvedSymbol#symbol()} the name, or {@code #N} for an ordinal, and
 * {@link UnresolvedSymbol#delayLoad()} tells a delay-load import (the image loads; the first call
 * fails) from one that stops the load. {@link WindowsWords} gives the loader's message. Imports
 * from a DLL the tree does not find are not checked (the tree reports the DLL); a note says so, as it
 * does for a contract the schema does not map and for every forwarder on the way to a failure.
 *
 * <p>Each image is read once per binder, so binding many trees with one binder is cheap. Not
 * thread-safe.
 */
public final class PeSymbolBinder {
    private final DllTargets targets;

    /**
     * Makes a binder that resolves what the trees do not hold (a forwarder's target DLL, a contract's
     * host) with this resolver's search.
     *
     * @param resolver the resolver the trees come from; its host must be a Windows one
     * @throws IllegalArgumentException if the resolver does not emulate the Windows loader
     */
    public PeSymbolBinder(DependencyResolver resolver) {
        Objects.requireNonNull(resolver, "resolver");
        if (!(resolver.host() instanceof ResolveHost.Windows windows)) {
            throw new IllegalArgumentException("PE imports are bound for a Windows host, not " + resolver.host().os());
        }
        this.targets = new DllTargets(resolver, windows.systemDir());
    }

    /**
     * Binds the imports of one tree.
     *
     * @param root the root of a tree resolved by this binder's resolver
     * @return every import no DLL provides, and notes on what was not checked; no version errors and
     *         no bindings (PE has neither symbol versions nor a lookup scope to report)
     */
    public SymbolReport bind(DependencyNode root) {
        Objects.requireNonNull(root, "root");
        List<String> notes = new ArrayList<>();
        if (root.path().isEmpty()) {
            return new SymbolReport(List.of(), List.of(), List.of(), notes);
        }
        LoadedDlls loaded = LoadedDlls.of(root, targets, notes);
        Snapper snapper = new Snapper(targets, loaded, root.path().get());
        Set<UnresolvedSymbol> unresolved = new LinkedHashSet<>();
        for (LoadedDlls.Image image : loaded.images()) {
            List<DependencyNode> children = new ArrayList<>(image.node().children());
            for (ImportedDll dll : image.module().pe().imports()) {
                Optional<DependencyNode> child = take(children, dll.name(), false);
                snapDll(snapper, image, dll.name(), child, dll.functions(), false, unresolved, notes);
            }
            for (DelayImportedDll dll : image.module().pe().delayImports()) {
                Optional<DependencyNode> child = take(children, dll.name(), true);
                snapDll(snapper, image, dll.name(), child, dll.functions(), true, unresolved, notes);
            }
        }
        return new SymbolReport(List.copyOf(unresolved), List.of(), List.of(), notes);
    }

    private static void snapDll(Snapper snapper, LoadedDlls.Image image, String dll, Optional<DependencyNode> child,
                                List<ImportedFunction> functions, boolean delay, Set<UnresolvedSymbol> unresolved,
                                List<String> notes) {
        String object = image.node().path().orElseThrow();
        DllTargets.Target target = child.filter(c -> c.how().is(How.NOT_FOUND)).isPresent()
                ? new DllTargets.Missing(dll + " is not found")
                : snapper.target(dll, child, image.module().fileName());
        switch (target) {
            case DllTargets.Missing m -> notes.add(object + ": " + (delay ? "delay-load " : "") + "imports from " + dll
                    + " not checked: " + m.why());
            case DllTargets.Found f -> {
                for (ImportedFunction function : functions) {
                    Snapper.Outcome outcome = snapper.snap(f, function, new ArrayList<>(), new HashSet<>());
                    switch (outcome) {
                        case Snapper.Bound b -> {
                        }
                        case Snapper.NotExported n -> {
                            unresolved.add(new UnresolvedSymbol(function.toString(), Optional.empty(), object, false,
                                    Optional.empty(), Optional.of(dll), delay));
                            n.via().ifPresent(v -> notes.add(object + ": " + function + " from " + dll + " " + v));
                        }
                        case Snapper.Unchecked u -> notes.add(object + ": " + function + " from " + dll
                                + " not checked: " + u.why());
                    }
                }
            }
        }
    }

    /** Removes and returns the child node the loader made for this import (names compared without case). */
    private static Optional<DependencyNode> take(List<DependencyNode> children, String name, boolean delay) {
        for (int i = 0; i < children.size(); i++) {
            DependencyNode c = children.get(i);
            if (c.name().equalsIgnoreCase(name) && c.delayLoad() == delay) {
                return Optional.of(children.remove(i));
            }
        }
        return Optional.empty();
    }
}
