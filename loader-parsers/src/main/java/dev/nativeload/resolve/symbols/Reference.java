package dev.nativeload.resolve.symbols;

import java.util.Optional;

/**
 * One symbol an object's relocations look up: its name, the version asked for, the kind of
 * relocation (which decides the lookup's type class) and whether the reference is weak.
 *
 * @param name    the symbol name
 * @param version the version the reference asks for; empty when it asks for none
 * @param kind    the relocation kind
 * @param weak    whether the referencing symbol is {@code STB_WEAK}
 */
record Reference(String name, Optional<VersionSlot> version, RelocationKind kind, boolean weak) {
}
