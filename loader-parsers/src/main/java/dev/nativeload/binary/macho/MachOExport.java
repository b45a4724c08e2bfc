package dev.nativeload.binary.macho;

import java.util.Objects;
import java.util.Optional;

/**
 * One symbol a Mach-O image exports, from its export trie (or, for an image without one, its
 * symbol table).
 *
 * @param name     the exported name, as dyld looks it up (C names start with {@code _})
 * @param flags    the trie's {@code EXPORT_SYMBOL_FLAGS_*} bits (0 for a symbol-table export)
 * @param address  the symbol's offset from the image's base (0 for a re-export)
 * @param reexport where a re-exported symbol really is, if this entry is a re-export
 */
public record MachOExport(String name, long flags, long address, Optional<ReExport> reexport) {
    /** {@code EXPORT_SYMBOL_FLAGS_KIND_MASK}: the low two bits give the kind. */
    public static final int KIND_MASK = 0x03;
    /** {@code EXPORT_SYMBOL_FLAGS_KIND_THREAD_LOCAL}. */
    public static final int KIND_THREAD_LOCAL = 0x01;
    /** {@code EXPORT_SYMBOL_FLAGS_KIND_ABSOLUTE}. */
    public static final int KIND_ABSOLUTE = 0x02;
    /** {@code EXPORT_SYMBOL_FLAGS_WEAK_DEFINITION}. */
    public static final int WEAK_DEFINITION = 0x04;
    /** {@code EXPORT_SYMBOL_FLAGS_REEXPORT}. */
    public static final int REEXPORT = 0x08;
    /** {@code EXPORT_SYMBOL_FLAGS_STUB_AND_RESOLVER}. */
    public static final int STUB_AND_RESOLVER = 0x10;

    /**
     * Where a re-exported symbol is defined.
     *
     * @param libraryOrdinal the 1-based index of the dylib, among the image's dependency commands
     * @param importName     the name to look up there (the export's own name when the trie gives none)
     */
    public record ReExport(int libraryOrdinal, String importName) {
        /** Requires the name. */
        public ReExport {
            Objects.requireNonNull(importName, "importName");
        }
    }

    /** Requires the name and the re-export. */
    public MachOExport {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reexport, "reexport");
    }

    /** {@return whether this is a weak definition (another image's strong one wins)} */
    public boolean weakDefinition() {
        return (flags & WEAK_DEFINITION) != 0;
    }

    /** {@return whether the export is a stub whose resolver picks the implementation at bind time} */
    public boolean stubAndResolver() {
        return (flags & STUB_AND_RESOLVER) != 0;
    }

    /** {@return whether it is a thread-local variable} */
    public boolean threadLocal() {
        return (flags & KIND_MASK) == KIND_THREAD_LOCAL;
    }

    /** {@return whether its address is absolute (not slid)} */
    public boolean absolute() {
        return (flags & KIND_MASK) == KIND_ABSOLUTE;
    }
}
