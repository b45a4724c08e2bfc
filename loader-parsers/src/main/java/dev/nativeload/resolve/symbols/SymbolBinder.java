package dev.nativeload.resolve.symbols;

import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.elf.ElfFile;
import dev.nativeload.binary.elf.ElfMachine;
import dev.nativeload.resolve.DependencyNode;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Binds the symbols of a resolved ELF dependency tree offline, as glibc's {@code ld.so} binds
 * them with {@code LD_BIND_NOW} (what {@code ldd -r} asks for), and checks the symbol versions
 * each object requires, as {@code ld.so} does before relocating.
 *
 * <p>The tree's objects, breadth first, are the global lookup scope; the root is the executable
 * (for a library, as {@code ldd -r} treats it: the only object besides its dependencies). Every
 * object but glibc's {@code ld.so} has each symbol its dynamic relocations name looked up (see
 * {@link DefinitionLookup} for the rules); a strong reference nothing defines is
 * {@linkplain SymbolReport#unresolved() unresolved}. An object with {@code DT_SYMBOLIC} is searched
 * first for its own references. Dependencies that were not found define nothing and are not
 * version-checked. MIPS objects, which bind their GOT without relocations, are not bound (a note
 * says so).
 *
 * <p>Files are mapped read-only and each is read once per binder, so binding many trees that share
 * libraries with one binder is cheap. Not thread-safe.
 */
public final class SymbolBinder {
    private final Path currentDir;
    private final Recorded recorded;
    private final Map<Path, Opened> cache = new HashMap<>();

    /**
     * Which bindings a report lists ({@link SymbolReport#bindings()}). Listing every one costs an
     * object per reference (hundreds of thousands over a system's libraries) that a caller asking
     * only what is unresolved never reads.
     */
    public enum Recorded {
        /** Every reference and what it binds to: what {@code LD_DEBUG=bindings} shows. */
        ALL,
        /** Only the references nothing defines, weak ones too: what a caller judging a failure needs. */
        UNBOUND,
        /** None: the report's unresolved symbols, version errors and notes are unchanged. */
        NONE
    }

    /** One file read (or not), kept for every tree that loads it. */
    private record Opened(Optional<LoadedElf> object, Optional<String> problem) {
    }

    /**
     * Makes a binder with nothing read yet that lists every binding in its reports.
     *
     * @param currentDir the directory relative paths in the trees are against (the resolver's
     *                   {@code ResolveHost.currentDir()})
     */
    public SymbolBinder(Path currentDir) {
        this(currentDir, Recorded.ALL);
    }

    /**
     * Makes a binder with nothing read yet.
     *
     * @param currentDir the directory relative paths in the trees are against (the resolver's
     *                   {@code ResolveHost.currentDir()})
     * @param recorded   which bindings its reports list
     */
    public SymbolBinder(Path currentDir, Recorded recorded) {
        this.currentDir = Objects.requireNonNull(currentDir, "currentDir");
        this.recorded = Objects.requireNonNull(recorded, "recorded");
    }

    /**
     * Binds the symbols of one tree.
     *
     * @param root the root of a tree resolved for a glibc host
     * @return what is unresolved, which versions are missing, and the bindings this binder records
     */
    public SymbolReport bind(DependencyNode root) {
        Objects.requireNonNull(root, "root");
        TreeObjects tree = TreeObjects.of(root, this::open);
        List<String> notes = new ArrayList<>(tree.notes());
        if (tree.order().isEmpty()) {
            return new SymbolReport(List.of(), List.of(), List.of(), notes);
        }
        List<LoadedElf> scope = tree.order().stream().map(TreeObjects.Entry::object).toList();
        LoadedElf executable = scope.get(0);
        Map<LoadedElf, String> paths = new IdentityHashMap<>();
        tree.order().forEach(e -> paths.putIfAbsent(e.object(), e.path()));
        Set<UnresolvedSymbol> unresolved = new LinkedHashSet<>();
        // In one scope, references alike in name, version and type class bind alike: look each up once.
        Map<LookupKey, Optional<DefinitionLookup.Definition>> memo = new HashMap<>();
        List<SymbolBinding> bindings = new ArrayList<>();
        for (TreeObjects.Entry e : tree.order()) {
            if (e.dynamicLoader()) {
                continue;
            }
            ElfMachine machine = e.object().elf().header().machine();
            if (machine.equals(ElfMachine.MIPS) || machine.equals(ElfMachine.MIPS_RS3_LE)) {
                notes.add(e.path() + ": not bound: MIPS binds its GOT without relocations, which is not emulated");
                continue;
            }
            if (!RelocationKind.known(machine)) {
                notes.add(e.path() + ": relocation types of " + machine
                        + " are not known: PLT and copy relocations are bound as data references");
            }
            List<LoadedElf> own = scope;
            if (e.object().symbolic()) {
                own = new ArrayList<>(scope.size() + 1);
                own.add(e.object());
                own.addAll(scope);
            }
            try {
                for (Reference ref : e.object().references()) {
                    Optional<DefinitionLookup.Definition> def = own == scope
                            ? memo.computeIfAbsent(new LookupKey(ref), k -> find(ref, scope, executable))
                            : DefinitionLookup.find(ref, own, executable);
                    if (recorded == Recorded.ALL || recorded == Recorded.UNBOUND && def.isEmpty()) {
                        bindings.add(binding(e, ref, def, paths));
                    }
                    if (def.isEmpty() && !ref.weak()) {
                        Optional<String> versionFile = ref.version().flatMap(VersionSlot::file)
                                .filter(f -> tree.byName().containsKey(f));
                        unresolved.add(new UnresolvedSymbol(ref.name(), ref.version().map(VersionSlot::name), e.path(),
                                false, versionFile));
                    }
                }
            } catch (MalformedBinaryException ex) {
                notes.add(e.path() + ": not bound: " + ex.getMessage());
            } catch (BrokenTable ex) {
                notes.add(e.path() + ": not bound: " + ex.getCause().getMessage());
            }
        }
        return new SymbolReport(List.copyOf(unresolved), VersionCheck.run(tree.order(), tree.byName()), bindings, notes);
    }

    /** What decides a lookup's answer in a given scope: the name, the version asked for, and the type class. */
    private record LookupKey(String name, Optional<VersionSlot> version, int typeClass) {
        LookupKey(Reference ref) {
            this(ref.name(), ref.version(), ref.kind().typeClass());
        }
    }

    /** A broken table met inside a memoized lookup, carried out of it. */
    private static final class BrokenTable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BrokenTable(MalformedBinaryException cause) {
            super(cause);
        }
    }

    private static Optional<DefinitionLookup.Definition> find(Reference ref, List<LoadedElf> scope, LoadedElf executable) {
        try {
            return DefinitionLookup.find(ref, scope, executable);
        } catch (MalformedBinaryException e) {
            throw new BrokenTable(e);
        }
    }

    private static SymbolBinding binding(TreeObjects.Entry e, Reference ref, Optional<DefinitionLookup.Definition> def,
                                         Map<LoadedElf, String> paths)
            throws MalformedBinaryException {
        Optional<String> definedIn = Optional.empty();
        Optional<String> definedVersion = Optional.empty();
        if (def.isPresent()) {
            LoadedElf object = def.get().object();
            definedIn = Optional.ofNullable(paths.get(object));
            int versym = object.elf().symbolVersionIndex(def.get().symbol().index());
            definedVersion = versym < 0 ? Optional.empty() : object.slot(versym).map(VersionSlot::name);
        }
        return new SymbolBinding(e.path(), ref.name(), ref.version().map(VersionSlot::name), ref.kind(), definedIn, definedVersion);
    }

    private Optional<LoadedElf> open(String path, List<String> notes) {
        Path file;
        try {
            file = currentDir.resolve(path).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            notes.add(path + ": not bound: invalid path");
            return Optional.empty();
        }
        Opened opened = cache.computeIfAbsent(file, SymbolBinder::read);
        opened.problem().ifPresent(p -> notes.add(path + ": not bound: " + p));
        return opened.object();
    }

    private static Opened read(Path file) {
        try {
            BinaryData data = BinaryData.map(file);
            if (data.size() < 4 || data.u8(0, "magic") != 0x7F || data.u8(1, "magic") != 'E'
                    || data.u8(2, "magic") != 'L' || data.u8(3, "magic") != 'F') {
                return new Opened(Optional.empty(), Optional.of("not an ELF object (symbols are bound for ELF only)"));
            }
            return new Opened(Optional.of(new LoadedElf(ElfFile.read(data))), Optional.empty());
        } catch (IOException e) {
            return new Opened(Optional.empty(), Optional.of("cannot read: " + e.getMessage()));
        } catch (MalformedBinaryException e) {
            return new Opened(Optional.empty(), Optional.of(e.getMessage()));
        }
    }
}
