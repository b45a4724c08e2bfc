package dev.nativeload.binary.elf;

import java.util.Objects;

/**
 * One version an object requires from a dependency: a {@code DT_VERNEED} auxiliary entry with
 * the file entry it belongs to, raw enough to check it the way {@code ld.so} does.
 *
 * @param file   {@code vn_file}: the dependency's name as recorded, e.g. {@code libc.so.6}
 * @param name   {@code vna_name}: the version, e.g. {@code GLIBC_2.34}
 * @param index  {@code vna_other} without its hidden bit: the {@code DT_VERSYM} value symbols use for it
 * @param hidden whether {@code vna_other} has its hidden bit (0x8000) set
 * @param flags  {@code vna_flags}; {@link VersionDefinition#VER_FLG_WEAK} marks a weak requirement
 * @param hash   {@code vna_hash}: the ELF hash of the name, as recorded
 */
public record VersionRequirement(String file, String name, int index, boolean hidden, int flags, long hash) {
    /** Checks that the names are given. */
    public VersionRequirement {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
    }

    /** {@return whether the requirement is weak: a missing weak version is not an error} */
    public boolean weak() {
        return (flags & VersionDefinition.VER_FLG_WEAK) != 0;
    }
}
