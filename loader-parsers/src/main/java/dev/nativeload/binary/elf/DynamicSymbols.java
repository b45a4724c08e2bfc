package dev.nativeload.binary.elf;

import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.MalformedBinaryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * The dynamic symbol table ({@code DT_SYMTAB}), looked up the way the loader does: through the
 * GNU hash table when there is one, else the System V hash table. Its size is not recorded in
 * the dynamic section; it comes from the hash table.
 */
final class DynamicSymbols {
    /** The context of a name read that succeeds; a failed read is repeated with the symbol's index in its context. */
    private static final String SYMBOL_NAME = "dynamic symbol name";

    private final BinaryData d;
    private final boolean wide;
    private final long symtab;
    private final long entrySize;
    private final StringTable strings;
    private final OptionalLong versym;
    private final SymbolVersions versions;
    private final Optional<SymbolHash> hash;

    private DynamicSymbols(BinaryData d, boolean wide, long symtab, long entrySize, StringTable strings,
                           OptionalLong versym, SymbolVersions versions, Optional<SymbolHash> hash) {
        this.d = d;
        this.wide = wide;
        this.symtab = symtab;
        this.entrySize = entrySize;
        this.strings = strings;
        this.versym = versym;
        this.versions = versions;
        this.hash = hash;
    }

    static DynamicSymbols read(BinaryData d, ElfHeader h, DynamicSection dyn, LoadSegments loads, SymbolVersions versions)
            throws MalformedBinaryException {
        Optional<DynamicEntry> symtabEntry = DynamicSection.first(dyn.entries(), DynamicTag.SYMTAB);
        if (symtabEntry.isEmpty()) {
            return new DynamicSymbols(d, h.is64(), 0, 1, dyn.strings(), OptionalLong.empty(), versions, Optional.empty());
        }
        long symtab = loads.requireFileOffset(symtabEntry.get().value(), "DT_SYMTAB", symtabEntry.get().offset());
        long standard = h.is64() ? 24 : 16;
        long entrySize = dyn.value(DynamicTag.SYMENT).orElse(standard);
        if (entrySize != standard) {
            throw new MalformedBinaryException(DynamicSection.first(dyn.entries(), DynamicTag.SYMENT).get().offset(),
                    "invalid DT_SYMENT " + entrySize + " (expected " + standard + ")");
        }
        long maxSymbols = (d.size() - symtab) / entrySize;
        OptionalLong versym = OptionalLong.empty();
        Optional<DynamicEntry> versymEntry = DynamicSection.first(dyn.entries(), DynamicTag.VERSYM);
        if (versymEntry.isPresent()) {
            versym = OptionalLong.of(loads.requireFileOffset(versymEntry.get().value(), "DT_VERSYM", versymEntry.get().offset()));
        }
        return new DynamicSymbols(d, h.is64(), symtab, entrySize, dyn.strings(), versym, versions,
                hashTable(d, h, dyn, loads, maxSymbols));
    }

    private static Optional<SymbolHash> hashTable(BinaryData d, ElfHeader h, DynamicSection dyn, LoadSegments loads,
                                                  long maxSymbols) throws MalformedBinaryException {
        Optional<DynamicEntry> gnu = DynamicSection.first(dyn.entries(), DynamicTag.GNU_HASH);
        if (gnu.isPresent()) {
            long at = loads.requireFileOffset(gnu.get().value(), "DT_GNU_HASH", gnu.get().offset());
            return Optional.of(GnuHashTable.read(d, at, h.is64(), maxSymbols));
        }
        Optional<DynamicEntry> sysv = DynamicSection.first(dyn.entries(), DynamicTag.HASH);
        if (sysv.isPresent()) {
            long at = loads.requireFileOffset(sysv.get().value(), "DT_HASH", sysv.get().offset());
            boolean wideWords = h.is64() && (h.machine().equals(ElfMachine.S390) || h.machine().equals(ElfMachine.ALPHA));
            return Optional.of(SysvHashTable.read(d, at, wideWords ? 8 : 4));
        }
        return Optional.empty();
    }

    /**
     * {@return which hash table lookups use: {@code "gnu"}, {@code "sysv"} or {@code "none"}, by the
     * dynamic tags alone (the table itself is read on the first lookup)}
     *
     * @param dyn the dynamic section
     */
    static String hashStyle(DynamicSection dyn) {
        if (dyn.value(DynamicTag.SYMTAB).isEmpty()) {
            return "none";
        }
        return dyn.value(DynamicTag.GNU_HASH).isPresent() ? "gnu" : dyn.value(DynamicTag.HASH).isPresent() ? "sysv" : "none";
    }

    List<ElfSymbol> all() throws MalformedBinaryException {
        if (hash.isEmpty()) {
            return List.of();
        }
        long count = hash.get().symbolCount();
        d.check(symtab, Math.multiplyExact(count, entrySize), "dynamic symbol table (" + count + " symbols)");
        List<ElfSymbol> result = new ArrayList<>((int) Math.min(count, 1 << 16));
        for (long i = 0; i < count; i++) {
            result.add(symbol(i));
        }
        return List.copyOf(result);
    }

    Optional<ElfSymbol> find(String name, Predicate<ElfSymbol> accept) throws MalformedBinaryException {
        if (hash.isEmpty()) {
            return Optional.empty();
        }
        LookupName wanted = LookupName.of(name);
        ElfSymbol[] found = new ElfSymbol[1];
        hash.get().candidates(wanted, index -> {
            if (!nameIs(index, wanted)) {
                return false;
            }
            ElfSymbol s = symbol(index, name);
            if (s.isDefined() && accept.test(s)) {
                found[0] = s;
                return true;
            }
            return false;
        });
        return Optional.ofNullable(found[0]);
    }

    /**
     * {@return every symbol the hash table offers for this name whose name matches, in chain order,
     * defined or not (the caller decides what counts as a definition)}; names are compared as bytes
     * in the string table, and only a match is decoded into a symbol
     *
     * @param name the symbol name, hashed
     */
    List<ElfSymbol> named(LookupName name) throws MalformedBinaryException {
        if (hash.isEmpty() || !hash.get().mayContain(name)) {
            return List.of(); // most objects of a scope, asked for a name they do not define, stop here
        }
        List<ElfSymbol> found = new ArrayList<>(1);
        hash.get().candidates(name, index -> {
            if (nameIs(index, name)) {
                found.add(symbol(index, name.text()));
            }
            return false;
        });
        return found;
    }

    /** Whether the symbol at an index has this name, compared as bytes without decoding it. */
    private boolean nameIs(long index, LookupName name) throws MalformedBinaryException {
        long at = entry(index);
        long nameIndex = d.u32(at, "st_name");
        try {
            return strings.matches(nameIndex, name.bytes(), SYMBOL_NAME);
        } catch (MalformedBinaryException e) {
            strings.matches(nameIndex, name.bytes(), "dynamic symbol " + index + " name"); // throws again, saying which symbol
            throw e;
        }
    }

    /** {@return whether there is a symbol table ({@code DT_SYMTAB}); without one the entry size is the placeholder 1} */
    boolean present() {
        return entrySize != 1;
    }

    /**
     * {@return the raw {@code DT_VERSYM} entry of a symbol (version index, hidden bit 0x8000), or -1
     * when the object has no version table}
     *
     * @param index the symbol's index
     */
    int versionIndex(long index) throws MalformedBinaryException {
        if (versym.isEmpty()) {
            return -1;
        }
        return d.u16(Math.addExact(versym.getAsLong(), Math.multiplyExact(index, 2L)), "DT_VERSYM entry");
    }

    ElfSymbol symbol(long index) throws MalformedBinaryException {
        return symbol(index, null);
    }

    /**
     * The offset of a symbol's entry, checked to lie inside the file. The error's context (which
     * symbol) is built only when the check fails: this runs for every symbol read.
     */
    private long entry(long index) throws MalformedBinaryException {
        long at = Math.addExact(symtab, Math.multiplyExact(index, entrySize));
        if (!d.contains(at, entrySize)) {
            d.check(at, entrySize, "dynamic symbol " + index);
        }
        return at;
    }

    /** @param knownName the symbol's name when the caller has already matched it, else null to decode it */
    private ElfSymbol symbol(long index, String knownName) throws MalformedBinaryException {
        long at = entry(index);
        long nameIndex = d.u32(at, "st_name");
        int info;
        int other;
        int shndx;
        long value;
        long size;
        if (wide) {
            info = d.u8(at + 4, "st_info");
            other = d.u8(at + 5, "st_other");
            shndx = d.u16(at + 6, "st_shndx");
            value = d.u64(at + 8, "st_value");
            size = d.u64(at + 16, "st_size");
        } else {
            value = d.u32(at + 4, "st_value");
            size = d.u32(at + 8, "st_size");
            info = d.u8(at + 12, "st_info");
            other = d.u8(at + 13, "st_other");
            shndx = d.u16(at + 14, "st_shndx");
        }
        String name = knownName != null ? knownName : name(index, nameIndex);
        Optional<String> version = Optional.empty();
        boolean hidden = false;
        if (versym.isPresent()) {
            int v = d.u16(Math.addExact(versym.getAsLong(), Math.multiplyExact(index, 2L)), "DT_VERSYM entry");
            hidden = (v & 0x8000) != 0;
            version = (v & 0x7FFF) > 1 ? versions.name(v) : Optional.empty();
        }
        return new ElfSymbol(index, name, value, size, info, other, shndx, version, hidden);
    }

    private String name(long index, long nameIndex) throws MalformedBinaryException {
        try {
            return strings.get(nameIndex, SYMBOL_NAME);
        } catch (MalformedBinaryException e) {
            strings.get(nameIndex, "dynamic symbol " + index + " name"); // throws again, saying which symbol
            throw e;
        }
    }
}
