package dev.nativeload.resolve.symbols;

import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.elf.ElfSymbol;
import java.util.List;
import java.util.Optional;

/**
 * Finds the definition a reference binds to, the way glibc's {@code do_lookup_x} and
 * {@code check_match} do: each object of the scope in order, each candidate its hash table offers
 * for the name, and the first acceptable definition of an object with global, weak or unique
 * binding wins.
 *
 * <p>A candidate is not a definition when it has no value (except an absolute or TLS symbol), when
 * it is undefined and the lookup is for a PLT slot or TLS (an executable's canonical PLT entry
 * serves address references only), or when its type is not code or data. With a version asked
 * for, the candidate must carry that version, or carry none (index 0 or 1, not hidden) while the
 * reference's version is not hidden. With none asked for, a candidate at version index 3 or more
 * is kept aside; it is taken only when it is the object's one such candidate. A definition of
 * hidden or internal visibility ends the search in that object without a result.
 */
final class DefinitionLookup {
    private static final int SHN_UNDEF = 0;
    private static final int SHN_ABS = 0xFFF1;
    private static final int STT_COMMON = 5;
    private static final int STB_GNU_UNIQUE = 10;
    private static final int ALLOWED_TYPES = 1 << ElfSymbol.STT_NOTYPE | 1 << ElfSymbol.STT_OBJECT | 1 << ElfSymbol.STT_FUNC
            | 1 << STT_COMMON | 1 << ElfSymbol.STT_TLS | 1 << ElfSymbol.STT_GNU_IFUNC;

    private DefinitionLookup() {
    }

    /**
     * A definition found.
     *
     * @param object the defining object
     * @param symbol its symbol
     */
    record Definition(LoadedElf object, ElfSymbol symbol) {
    }

    /**
     * {@return the definition the reference binds to, or empty when no object of the scope defines it}
     *
     * @param ref        the reference
     * @param scope      the objects searched, in order
     * @param executable the main program, which a copy relocation's lookup skips
     */
    static Optional<Definition> find(Reference ref, List<LoadedElf> scope, LoadedElf executable)
            throws MalformedBinaryException {
        int typeClass = ref.kind().typeClass();
        for (LoadedElf map : scope) {
            if ((typeClass & RelocationKind.CLASS_COPY) != 0 && map == executable) {
                continue;
            }
            List<LoadedElf.Candidate> candidates = map.candidates(ref.lookupName());
            if (candidates.isEmpty()) {
                continue;
            }
            ElfSymbol found = null;
            ElfSymbol versioned = null;
            int versions = 0;
            for (LoadedElf.Candidate candidate : candidates) {
                Match m = check(ref, typeClass, candidate, map);
                if (m == Match.YES) {
                    found = candidate.symbol();
                    break;
                }
                if (m == Match.ONLY_IF_SOLE && versions++ == 0) {
                    versioned = candidate.symbol();
                }
            }
            if (found == null && versions == 1) {
                found = versioned;
            }
            if (found == null || found.visibility() == 1 || found.visibility() == 2) {
                continue; // hidden and internal definitions are local to their object
            }
            int binding = found.binding();
            if (binding == ElfSymbol.STB_GLOBAL || binding == ElfSymbol.STB_WEAK || binding == STB_GNU_UNIQUE) {
                return Optional.of(new Definition(map, found));
            }
        }
        return Optional.empty();
    }

    /** How one candidate answers: a definition, not one, or a versioned one taken only if it is the sole one. */
    private enum Match { YES, NO, ONLY_IF_SOLE }

    private static Match check(Reference ref, int typeClass, LoadedElf.Candidate candidate, LoadedElf map) {
        ElfSymbol sym = candidate.symbol();
        int type = sym.type();
        if ((sym.value() == 0 && sym.sectionIndex() != SHN_ABS && type != ElfSymbol.STT_TLS)
                || ((typeClass & RelocationKind.CLASS_PLT) != 0 && sym.sectionIndex() == SHN_UNDEF)) {
            return Match.NO;
        }
        if (((1 << type) & ALLOWED_TYPES) == 0) {
            return Match.NO;
        }
        int versym = candidate.versym();
        if (ref.version().isPresent()) {
            if (versym >= 0) {
                VersionSlot wanted = ref.version().get();
                Optional<VersionSlot> has = map.slot(versym);
                boolean same = has.isPresent() && has.get().name().equals(wanted.name());
                if (!same && (wanted.hidden() || has.isPresent() || (versym & 0x8000) != 0)) {
                    return Match.NO;
                }
            }
            return Match.YES;
        }
        if (versym >= 0 && (versym & 0x7FFF) >= 3) {
            return (versym & 0x8000) == 0 ? Match.ONLY_IF_SOLE : Match.NO;
        }
        return Match.YES;
    }
}
