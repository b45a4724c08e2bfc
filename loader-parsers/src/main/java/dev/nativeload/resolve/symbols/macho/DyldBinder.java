package dev.nativeload.resolve.symbols.macho;

import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.macho.FileType;
import dev.nativeload.binary.macho.HeaderFlags;
import dev.nativeload.binary.macho.MachOImport;
import dev.nativeload.resolve.DependencyNode;
import dev.nativeload.resolve.symbols.RelocationKind;
import dev.nativeload.resolve.symbols.SymbolBinding;
import dev.nativeload.resolve.symbols.SymbolReport;
import dev.nativeload.resolve.symbols.UnresolvedSymbol;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Binds the imports of a resolved Mach-O dependency tree offline, as dyld binds them at launch
 * (every import, lazy ones too, as with {@code DYLD_BIND_AT_LAUNCH}), and reports those dyld would
 * stop at: "Symbol not found" ({@link #message(UnresolvedSymbol)}).
 *
 * <p>Each image of the tree, in load order (breadth first), has its imports
 * ({@link dev.nativeload.binary.macho.MachOFile#imports()}) looked up:
 * <ul>
 * <li>in a two-level namespace image ({@code MH_TWOLEVEL}), in the library its ordinal names (the
 *     dependency commands in load-command order) and what that library re-exports (see
 *     {@link ExportLookup}); ordinal 0 is the image itself, -1 the main executable (the root, when it is
 *     {@code MH_EXECUTE});</li>
 * <li>in a flat namespace image, and for the flat-lookup ordinal (-2), in every image in load order;
 *     the weak-lookup ordinal (-3) and the weak bind opcodes (weak-definition coalescing) likewise,
 *     never an error, since the image defines them itself.</li>
 * </ul>
 * A weak import that nothing defines is left null, not an error. Imports from a library that was not
 * found are not reported: a weak-linked one's are null, and a missing strong one is already the
 * tree's problem (a note counts them as not checked). A library found but not read (the dyld shared
 * cache's, such as {@code /usr/lib/libSystem.B.dylib} on a machine without it) defines what it may: a
 * lookup that would have to search it is not checked either, and a note counts those.
 *
 * <p>Every import is also a {@link SymbolBinding} (for {@code --bindings}): kind {@code PLT} for a lazy
 * bind, {@code DATA} for any other, no versions.
 *
 * <p>Not emulated: implicit re-exports of old umbrella frameworks ({@code LC_SUB_UMBRELLA},
 * {@code LC_SUB_LIBRARY}), {@code DYLD_INSERT_LIBRARIES}, and symbols a library's resolver functions
 * pick at run time (a resolver's export counts as defined). Files are read once per binder. Not
 * thread-safe.
 */
public final class DyldBinder {
    /** dyld's "Expected in" for a flat lookup. */
    public static final String FLAT_NAMESPACE = "flat namespace";

    private final LoadedImages.Reader reader;

    /**
     * Makes a binder with nothing read yet.
     *
     * @param currentDir the directory relative paths in the trees are against
     * @param arch       the architecture dyld runs: a fat file's slice for it is bound
     */
    public DyldBinder(Path currentDir, Architecture arch) {
        this.reader = new LoadedImages.Reader(Objects.requireNonNull(currentDir, "currentDir"),
                Objects.requireNonNull(arch, "arch"));
    }

    /**
     * {@return dyld's words for an unresolved import}: {@code Symbol not found: NAME}, then
     * {@code Referenced from: OBJECT} and {@code Expected in: LIBRARY} on indented lines
     *
     * @param u an unresolved import this binder reported
     */
    public static String message(UnresolvedSymbol u) {
        return "Symbol not found: " + u.symbol() + "\n  Referenced from: " + u.object() + "\n  Expected in: "
                + u.library().orElse(FLAT_NAMESPACE);
    }

    /**
     * Binds the imports of one tree.
     *
     * @param root the root of a tree resolved for a macOS host
     * @return the imports dyld would not find (each with the library it was expected in), every binding,
     *         and notes on what was not checked; no version errors (Mach-O has no symbol versions)
     */
    public SymbolReport bind(DependencyNode root) {
        Objects.requireNonNull(root, "root");
        List<String> notes = new ArrayList<>();
        LoadedImages images = LoadedImages.of(root, reader);
        images.unreadable().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> notes.add(e.getKey() + ": not read: " + e.getValue()));
        ExportLookup lookup = new ExportLookup(images, notes);
        Optional<LoadedImages.Image> executable = images.order().stream().findFirst()
                .filter(i -> i.image().header().fileType().equals(FileType.EXECUTE));
        Set<UnresolvedSymbol> unresolved = new LinkedHashSet<>();
        List<SymbolBinding> bindings = new ArrayList<>();
        for (LoadedImages.Image image : images.order()) {
            List<MachOImport> imports;
            try {
                imports = merged(image.image().imports());
            } catch (MalformedBinaryException e) {
                notes.add(image.path() + ": not bound: " + e.getMessage());
                continue;
            }
            boolean flat = !image.image().header().flags().has(HeaderFlags.TWOLEVEL);
            Map<String, Integer> notChecked = new LinkedHashMap<>();
            for (MachOImport i : imports) {
                boolean coalescing = i.source() == MachOImport.Source.WEAK_BIND
                        || i.libraryOrdinal() == MachOImport.WEAK_LOOKUP;
                ExportLookup.Result r;
                String expectedIn;
                if (flat || coalescing || i.libraryOrdinal() == MachOImport.FLAT_LOOKUP) {
                    r = lookup.flat(i.name());
                    expectedIn = FLAT_NAMESPACE;
                } else if (i.libraryOrdinal() == MachOImport.SELF) {
                    r = lookup.inLibrary(image, i.name());
                    expectedIn = image.path();
                } else if (i.libraryOrdinal() == MachOImport.MAIN_EXECUTABLE) {
                    if (executable.isEmpty()) {
                        notChecked.merge("the tree's root is not an executable (the main executable's symbols)", 1,
                                Integer::sum);
                        continue;
                    }
                    r = lookup.inLibrary(executable.get(), i.name());
                    expectedIn = executable.get().path();
                } else {
                    ExportLookup.Target target = lookup.target(image, i.libraryOrdinal());
                    switch (target) {
                        case ExportLookup.NotFound n -> {
                            if (!n.weak()) {
                                notChecked.merge(n.name() + " was not found", 1, Integer::sum);
                            }
                            bindings.add(binding(image, i, Optional.empty()));
                            continue;
                        }
                        case ExportLookup.BadOrdinal b -> {
                            notes.add(image.path() + ": import " + i.name() + " has library ordinal " + b.ordinal()
                                    + ", but the image has " + image.image().dependencies().size()
                                    + " dependency commands");
                            continue;
                        }
                        case ExportLookup.Unread u -> expectedIn = u.path();
                        case ExportLookup.Loaded l -> expectedIn = l.image().path();
                    }
                    r = lookup.via(target, i.name(), new java.util.HashSet<>());
                }
                bindings.add(binding(image, i, r.definedIn()));
                switch (r.answer()) {
                    case FOUND -> {
                    }
                    case ABSENT -> {
                        if (!i.weak() && !coalescing) {
                            unresolved.add(new UnresolvedSymbol(i.name(), Optional.empty(), image.path(), false,
                                    Optional.empty(), Optional.of(expectedIn), false));
                        }
                    }
                    case UNKNOWN -> notChecked.merge(String.join(", ", r.unread()) + " not read", 1, Integer::sum);
                }
            }
            notChecked.forEach((why, n) -> notes.add(image.path() + ": " + n + (n == 1 ? " import" : " imports")
                    + " not checked: " + why));
        }
        return new SymbolReport(List.copyOf(unresolved), List.of(), bindings, notes);
    }

    /** {@return the imports, each (name, ordinal) once: weak only if every table says weak} */
    private static List<MachOImport> merged(List<MachOImport> imports) {
        Map<List<Object>, MachOImport> byKey = new LinkedHashMap<>();
        for (MachOImport i : imports) {
            byKey.merge(List.of(i.name(), i.libraryOrdinal(), i.source() == MachOImport.Source.WEAK_BIND), i,
                    (a, b) -> a.weak() && !b.weak() ? b : a);
        }
        return List.copyOf(byKey.values());
    }

    private static SymbolBinding binding(LoadedImages.Image image, MachOImport i, Optional<String> definedIn) {
        RelocationKind kind = i.source() == MachOImport.Source.LAZY_BIND ? RelocationKind.PLT : RelocationKind.DATA;
        return new SymbolBinding(image.path(), i.name(), Optional.empty(), kind, definedIn, Optional.empty());
    }
}
