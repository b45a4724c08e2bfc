package dev.nativeload.resolve.symbols.pe;

import dev.nativeload.binary.pe.ApiSetSchema;
import dev.nativeload.binary.pe.Export;
import dev.nativeload.binary.pe.ImportedFunction;
import dev.nativeload.resolve.DependencyNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Snaps one import as the loader does: finds the DLL (an API set contract through its host, a
 * loaded module by name, else the resolver's search), looks the function up in its exports, and
 * follows a forwarder ({@code DLL.Name} or {@code DLL.#N}; a DLL part without an extension gets
 * {@code .dll}) into the DLL it names, again and again, stopping at a loop.
 */
final class Snapper {
    /** Forwarders followed at most; real chains are one or two long. */
    static final int MAX_FORWARDERS = 32;

    /** What one import came to. */
    sealed interface Outcome permits Bound, NotExported, Unchecked {
    }

    /**
     * Bound to an export.
     *
     * @param module the DLL that finally exports it
     * @param export the export
     */
    record Bound(DllTargets.Module module, Export export) implements Outcome {
    }

    /** @param via for a failure past a forwarder, the forwarders followed and where it failed */
    record NotExported(Optional<String> via) implements Outcome {
    }

    /** @param why why the import could not be checked */
    record Unchecked(String why) implements Outcome {
    }

    private final DllTargets targets;
    private final LoadedDlls loaded;
    private final String root;

    Snapper(DllTargets targets, LoadedDlls loaded, String root) {
        this.targets = targets;
        this.loaded = loaded;
        this.root = root;
    }

    /**
     * {@return the DLL an import or forwarder names}
     *
     * @param dll      the DLL's name as written
     * @param child    the tree's node for it, when the tree has one (an import; not for a forwarder)
     * @param importer the importing (or forwarding) image's file name, which the API set schema may
     *                 map a contract differently for
     */
    DllTargets.Target target(String dll, Optional<DependencyNode> child, String importer) {
        if (ApiSetSchema.isContract(dll)) {
            return switch (targets.host(dll, importer)) {
                case DllTargets.NoHost n -> new DllTargets.Missing(n.why());
                case DllTargets.HostDll h -> switch (named(h.dll())) {
                    case DllTargets.Found f -> new DllTargets.Found(f.module(), Optional.of(dll));
                    case DllTargets.Missing m -> new DllTargets.Missing("API set contract " + dll + " maps to " + h.dll()
                            + ": " + m.why());
                };
            };
        }
        if (child.flatMap(DependencyNode::path).isPresent()) {
            String path = child.get().path().get();
            return targets.open(path).<DllTargets.Target>map(m -> new DllTargets.Found(m, Optional.empty()))
                    .orElseGet(() -> new DllTargets.Missing(dll + " cannot be read: " + targets.problem(path)));
        }
        return named(dll);
    }

    /**
     * {@return where this import binds}
     *
     * @param dll      the DLL it is looked up in
     * @param function the function asked for
     * @param chain    the forwarders followed so far (empty for the import itself)
     * @param visited  the exports passed through (path and ordinal), for the loop guard
     */
    Outcome snap(DllTargets.Found dll, ImportedFunction function, List<String> chain, Set<String> visited) {
        DllTargets.Module module = dll.module();
        Optional<Export> export = switch (function) {
            case ImportedFunction.ByName n -> module.exports().byName(n.name(), n.hint());
            case ImportedFunction.ByOrdinal o -> module.exports().byOrdinal(o.ordinal());
        };
        if (export.isEmpty()) {
            return new NotExported(chain.isEmpty() ? Optional.empty() : Optional.of(forwarded(chain)
                    + ": " + module.fileName() + " does not export " + describe(function)));
        }
        Optional<String> forwarder = export.get().forwarder();
        if (forwarder.isEmpty()) {
            return new Bound(module, export.get());
        }
        chain.add(forwarder.get());
        if (!visited.add(module.path() + "#" + export.get().ordinal())) {
            return new NotExported(Optional.of("is forwarded in a loop: " + String.join(" → ", chain)));
        }
        if (chain.size() > MAX_FORWARDERS) {
            return new Unchecked(forwarded(chain) + ": more than " + MAX_FORWARDERS + " forwarders");
        }
        String target = forwarder.get();
        int dot = target.lastIndexOf('.');
        Optional<ImportedFunction> next = dot <= 0 ? Optional.empty() : function(target.substring(dot + 1));
        if (next.isEmpty()) {
            return new NotExported(Optional.of(forwarded(chain) + ": not a forwarder the loader can follow"));
        }
        String dllPart = target.substring(0, dot);
        String nextDll = dllPart.contains(".") ? dllPart : dllPart + ".dll";
        return switch (target(nextDll, Optional.empty(), module.fileName())) {
            case DllTargets.Found f -> snap(f, next.get(), chain, visited);
            case DllTargets.Missing m -> new NotExported(Optional.of(forwarded(chain) + ": " + m.why()));
        };
    }

    private DllTargets.Target named(String name) {
        DllTargets.Module known = loaded.byName().get(DllTargets.key(name));
        return known != null ? new DllTargets.Found(known, Optional.empty()) : targets.search(root, name);
    }

    /** {@return the function a forwarder's part after the dot names: {@code #N} an ordinal, else a name} */
    private static Optional<ImportedFunction> function(String part) {
        if (part.isEmpty()) {
            return Optional.empty();
        }
        if (!part.startsWith("#")) {
            return Optional.of(new ImportedFunction.ByName(part, -1));
        }
        try {
            int ordinal = Integer.parseInt(part.substring(1));
            return ordinal < 0 || ordinal > 0xffff ? Optional.empty() : Optional.of(new ImportedFunction.ByOrdinal(ordinal));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String forwarded(List<String> chain) {
        return "is forwarded to " + String.join(" → ", chain);
    }

    private static String describe(ImportedFunction f) {
        return switch (f) {
            case ImportedFunction.ByName n -> n.name();
            case ImportedFunction.ByOrdinal o -> "ordinal " + o.ordinal();
        };
    }
}
