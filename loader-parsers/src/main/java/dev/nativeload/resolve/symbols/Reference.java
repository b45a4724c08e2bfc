package dev.nativeload.resolve.symbols;

import dev.nativeload.binary.elf.LookupName;
import java.util.Optional;

/**
 * One symbol an object's relocations look up: its name, the version asked for, the kind of
 * relocation (which decides the lookup's type class) and whether the reference is weak.
 *
 * @param lookupName the symbol name, hashed once for every object it is looked up in
 * @param version the version the reference asks for; empty when it asks for none
 * @param kind    the relocation kind
 * @param weak    whether the referencing symbol is {@code STB_WEAK}
 */
record Reference(LookupName lookupName, Optional<VersionSlot> version, RelocationKind kind, boolean weak) {
    /** {@return the symbol name} */
    String name() {
        return lookupName.text();
    }
}
