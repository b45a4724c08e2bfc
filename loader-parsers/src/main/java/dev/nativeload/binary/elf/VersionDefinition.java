package dev.nativeload.binary.elf;

import java.util.List;

/**
 * One symbol version an object defines ({@code DT_VERDEF}).
 *
 * @param index   {@code vd_ndx}, the value {@code DT_VERSYM} entries use for it
 * @param flags   {@code vd_flags}: {@link #VER_FLG_BASE}, {@link #VER_FLG_WEAK}
 * @param name    the version name, e.g. {@code ZOO_2.0} (for the base entry, the object's soname)
 * @param parents the names of the versions it inherits from, in file order
 */
public record VersionDefinition(int index, int flags, String name, List<String> parents) {
    /** The entry naming the object itself. */
    public static final int VER_FLG_BASE = 0x1;
    /** A weak version. */
    public static final int VER_FLG_WEAK = 0x2;

    /** Keeps an unmodifiable copy of the parents. */
    public VersionDefinition {
        parents = List.copyOf(parents);
    }

    /** {@return whether this is the base entry, which names the object rather than a version} */
    public boolean isBase() {
        return (flags & VER_FLG_BASE) != 0;
    }
}
