package dev.nativeload.resolve.symbols;

import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.elf.DynamicTag;
import dev.nativeload.binary.elf.ElfFile;
import dev.nativeload.binary.elf.ElfRelocation;
import dev.nativeload.binary.elf.ElfSymbol;
import dev.nativeload.binary.elf.VersionDefinition;
import dev.nativeload.binary.elf.VersionRequirement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One ELF object as the binder sees it: its version table ({@code l_versions}), the names of the
 * versions it defines, and the symbol references its dynamic relocations make, read once and kept
 * (a binder binds libc for every tree that loads it).
 */
final class LoadedElf {
    private static final DynamicTag SYMBOLIC = new DynamicTag(16);
    private static final long DF_SYMBOLIC = 0x2;
    private static final int STV_INTERNAL = 1;
    private static final int STV_HIDDEN = 2;
    private static final int SHN_ABS = 0xFFF1;

    private final ElfFile elf;
    private final Map<Integer, VersionSlot> slots;
    private final Set<String> definedVersions;
    private List<Reference> references;
    private Map<String, List<Candidate>> definitions;

    /**
     * A symbol a lookup may take as a definition, with its {@code DT_VERSYM} entry.
     *
     * @param symbol the symbol
     * @param versym its raw version entry, -1 without a version table
     */
    record Candidate(ElfSymbol symbol, int versym) {
    }

    LoadedElf(ElfFile elf) {
        this.elf = elf;
        Map<Integer, VersionSlot> table = new HashMap<>();
        for (VersionRequirement r : elf.versionRequirements()) {
            table.put(r.index(), new VersionSlot(r.name(), Optional.of(r.file()), r.hidden()));
        }
        Set<String> defined = new HashSet<>();
        for (VersionDefinition d : elf.versionDefinitions()) {
            defined.add(d.name());
            if (!d.isBase()) {
                table.put(d.index() & 0x7FFF, new VersionSlot(d.name(), Optional.empty(), false));
            }
        }
        this.slots = Map.copyOf(table);
        this.definedVersions = Set.copyOf(defined);
    }

    ElfFile elf() {
        return elf;
    }

    /** {@return the version-table entry a {@code DT_VERSYM} value refers to, if the table has one there} */
    Optional<VersionSlot> slot(int versym) {
        return Optional.ofNullable(slots.get(versym & 0x7FFF));
    }

    /** {@return whether the object has {@code DT_VERDEF}: without it, no version requirement on it is checked} */
    boolean definesVersions() {
        return !elf.versionDefinitions().isEmpty();
    }

    /** {@return whether one of its {@code DT_VERDEF} entries (the base one too) has this name} */
    boolean definesVersion(String name) {
        return definedVersions.contains(name);
    }

    /** {@return whether the object asks to be searched first for its own references ({@code DT_SYMBOLIC})} */
    boolean symbolic() {
        return elf.dynamic().value(SYMBOLIC).isPresent() || (elf.dynamic().value(DynamicTag.FLAGS).orElse(0) & DF_SYMBOLIC) != 0;
    }

    /**
     * {@return the symbols of this name the hash table leads to that have a value (or are absolute
     * or thread-local), in hash-chain order: the only ones {@code check_match} can accept}. The
     * index is built on the first call from one pass over the symbol table (as many entries as the
     * hash table counts); a name defined more than once is looked up in the hash table, so its
     * candidates come in the loader's chain order.
     *
     * @param name the symbol name
     * @throws MalformedBinaryException if the symbol or hash table is broken
     */
    List<Candidate> candidates(String name) throws MalformedBinaryException {
        Map<String, List<Candidate>> d = definitions;
        if (d == null) {
            d = readDefinitions();
            definitions = d;
        }
        return d.getOrDefault(name, List.of());
    }

    private Map<String, List<Candidate>> readDefinitions() throws MalformedBinaryException {
        if (!elf.hasSymbolHash()) {
            return Map.of();
        }
        List<ElfSymbol> all = elf.dynamicSymbols();
        Map<String, List<Candidate>> out = new HashMap<>(all.size() * 2);
        Set<String> repeated = new HashSet<>();
        for (ElfSymbol sym : all) {
            if (sym.index() == 0 || !mayDefine(sym)) {
                continue;
            }
            List<Candidate> one = List.of(new Candidate(sym, elf.symbolVersionIndex(sym.index())));
            if (out.putIfAbsent(sym.name(), one) != null || sym.sectionIndex() == 0) {
                repeated.add(sym.name());
            }
        }
        // A name defined more than once (under several versions) is ordered as its hash chain is, and an
        // undefined symbol with a value (a canonical PLT entry) counts only if the hash table reaches it.
        for (String name : repeated) {
            List<Candidate> list = new ArrayList<>(2);
            for (ElfSymbol sym : elf.symbolsNamed(name)) {
                if (mayDefine(sym)) {
                    list.add(new Candidate(sym, elf.symbolVersionIndex(sym.index())));
                }
            }
            if (list.isEmpty()) {
                out.remove(name);
            } else {
                out.put(name, List.copyOf(list));
            }
        }
        return out;
    }

    /** glibc's first test: no value means no definition, unless the symbol is absolute or thread-local. */
    private static boolean mayDefine(ElfSymbol sym) {
        return sym.value() != 0 || sym.sectionIndex() == SHN_ABS || sym.type() == ElfSymbol.STT_TLS;
    }

    /**
     * {@return the references the loader looks up for this object, in relocation order, each
     * (symbol, kind) once}: relocations naming a local symbol, or one of hidden or internal
     * visibility, bind to the object itself and are left out, as {@code ld.so} does.
     *
     * @throws MalformedBinaryException if a relocation table or the symbol table is broken
     */
    List<Reference> references() throws MalformedBinaryException {
        List<Reference> r = references;
        if (r == null) {
            r = readReferences();
            references = r;
        }
        return r;
    }

    private List<Reference> readReferences() throws MalformedBinaryException {
        record Key(long symbol, RelocationKind kind) {
        }
        Set<Key> seen = new LinkedHashSet<>();
        List<Reference> out = new ArrayList<>();
        for (ElfRelocation rel : elf.symbolRelocations()) {
            RelocationKind kind = RelocationKind.of(elf.header().machine(), rel.type());
            if (!seen.add(new Key(rel.symbolIndex(), kind))) {
                continue;
            }
            ElfSymbol sym = elf.dynamicSymbol(rel.symbolIndex());
            if (sym.binding() == ElfSymbol.STB_LOCAL || sym.visibility() == STV_HIDDEN || sym.visibility() == STV_INTERNAL) {
                continue;
            }
            int versym = elf.symbolVersionIndex(rel.symbolIndex());
            Optional<VersionSlot> version = versym < 0 ? Optional.empty() : slot(versym);
            out.add(new Reference(sym.name(), version, kind, sym.binding() == ElfSymbol.STB_WEAK));
        }
        return List.copyOf(out);
    }
}
