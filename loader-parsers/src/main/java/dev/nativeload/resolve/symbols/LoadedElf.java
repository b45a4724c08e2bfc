package dev.nativeload.resolve.symbols;

import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.elf.DynamicTag;
import dev.nativeload.binary.elf.ElfFile;
import dev.nativeload.binary.elf.ElfRelocation;
import dev.nativeload.binary.elf.ElfSymbol;
import dev.nativeload.binary.elf.LookupName;
import dev.nativeload.binary.elf.VersionDefinition;
import dev.nativeload.binary.elf.VersionRequirement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
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
    /** The version table by index (a {@code DT_VERSYM} value without its hidden bit), built once: looked up per candidate. */
    private final List<Optional<VersionSlot>> slots;
    private final Set<String> definedVersions;
    private List<Reference> references;

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
        int top = 0;
        for (VersionRequirement r : elf.versionRequirements()) {
            top = Math.max(top, r.index() & 0x7FFF); // the index is stored without its hidden bit: 15 bits
        }
        for (VersionDefinition d : elf.versionDefinitions()) {
            top = Math.max(top, d.index() & 0x7FFF);
        }
        VersionSlot[] table = new VersionSlot[top + 1];
        for (VersionRequirement r : elf.versionRequirements()) {
            table[r.index() & 0x7FFF] = new VersionSlot(r.name(), Optional.of(r.file()), r.hidden());
        }
        Set<String> defined = new HashSet<>();
        for (VersionDefinition d : elf.versionDefinitions()) {
            defined.add(d.name());
            if (!d.isBase()) {
                table[d.index() & 0x7FFF] = new VersionSlot(d.name(), Optional.empty(), false);
            }
        }
        List<Optional<VersionSlot>> byIndex = new ArrayList<>(table.length);
        for (VersionSlot slot : table) {
            byIndex.add(Optional.ofNullable(slot));
        }
        this.slots = List.copyOf(byIndex);
        this.definedVersions = Set.copyOf(defined);
    }

    ElfFile elf() {
        return elf;
    }

    /** {@return the version-table entry a {@code DT_VERSYM} value refers to, if the table has one there} */
    Optional<VersionSlot> slot(int versym) {
        int index = versym & 0x7FFF;
        return index < slots.size() ? slots.get(index) : Optional.empty();
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
     * or thread-local), in hash-chain order: the only ones {@code check_match} can accept}. Looked up
     * in the file's hash table each time, as {@code ld.so} does: the Bloom filter turns most names
     * away with one read, and candidates' names are compared as bytes, so nothing is decoded or kept
     * for the names an object does not define.
     *
     * @param name the symbol name, hashed
     * @throws MalformedBinaryException if the symbol or hash table is broken
     */
    List<Candidate> candidates(LookupName name) throws MalformedBinaryException {
        List<ElfSymbol> named = elf.symbolsNamed(name);
        if (named.isEmpty()) {
            return List.of();
        }
        List<Candidate> out = new ArrayList<>(named.size());
        for (ElfSymbol sym : named) {
            if (mayDefine(sym)) {
                out.add(new Candidate(sym, elf.symbolVersionIndex(sym.index())));
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
            out.add(new Reference(LookupName.of(sym.name()), version, kind, sym.binding() == ElfSymbol.STB_WEAK));
        }
        return List.copyOf(out);
    }
}
