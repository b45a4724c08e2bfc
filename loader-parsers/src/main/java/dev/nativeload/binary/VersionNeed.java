package dev.nativeload.binary;

import java.util.List;

/**
 * Symbol versions an ELF object requires from one of its dependencies ({@code DT_VERNEED}).
 *
 * @param file     the dependency's name as recorded, e.g. {@code libc.so.6}
 * @param versions the version names required from it, in file order, e.g. {@code GLIBC_2.34}
 */
public record VersionNeed(String file, List<String> versions) {
    /** Keeps an unmodifiable copy of the version names. */
    public VersionNeed {
        versions = List.copyOf(versions);
    }
}
