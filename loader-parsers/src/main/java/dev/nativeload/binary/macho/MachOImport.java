package dev.nativeload.binary.macho;

import java.util.Objects;

/**
 * One symbol a Mach-O image imports, with the library dyld looks it up in.
 *
 * @param name           the symbol's name (C names start with {@code _})
 * @param libraryOrdinal in a two-level namespace image, the 1-based index of the dylib among its dependency
 *                       commands ({@code LC_LOAD_DYLIB}, {@code _WEAK_}, {@code REEXPORT_}, {@code LAZY_LOAD_},
 *                       {@code LOAD_UPWARD_}, in load-command order), or one of {@link #SELF},
 *                       {@link #MAIN_EXECUTABLE}, {@link #FLAT_LOOKUP}, {@link #WEAK_LOOKUP}
 * @param weak           whether the import is weak: left unbound (null) when nothing defines it
 * @param source         which table it came from
 */
public record MachOImport(String name, int libraryOrdinal, boolean weak, Source source) {
    /** {@code BIND_SPECIAL_DYLIB_SELF}: the image itself. */
    public static final int SELF = 0;
    /** {@code BIND_SPECIAL_DYLIB_MAIN_EXECUTABLE}: the program's executable. */
    public static final int MAIN_EXECUTABLE = -1;
    /** {@code BIND_SPECIAL_DYLIB_FLAT_LOOKUP}: every loaded image, in load order. */
    public static final int FLAT_LOOKUP = -2;
    /** {@code BIND_SPECIAL_DYLIB_WEAK_LOOKUP}: the images with weak definitions (coalescing). */
    public static final int WEAK_LOOKUP = -3;

    /** Where an import was read from. */
    public enum Source {
        /** The imports table of {@code LC_DYLD_CHAINED_FIXUPS}. */
        CHAINED_FIXUPS,
        /** The bind opcodes of {@code LC_DYLD_INFO}: bound at load. */
        BIND,
        /** The lazy bind opcodes: bound on first call, or at load with {@code DYLD_BIND_AT_LAUNCH}. */
        LAZY_BIND,
        /** The weak bind opcodes: weak-definition coalescing, looked up by name across images. */
        WEAK_BIND,
        /** The undefined external {@code nlist} entries of {@code LC_SYMTAB} (old images without dyld info). */
        SYMBOL_TABLE
    }

    /** Requires the name and the source. */
    public MachOImport {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
    }
}
