package dev.nativeload.resolve.symbols;

import java.util.Optional;

/**
 * One entry of an object's version table as {@code ld.so} builds it ({@code l_versions}): a
 * required version ({@code DT_VERNEED}, with the file it is required from) or a defined one
 * ({@code DT_VERDEF}, not the base entry). {@code DT_VERSYM} values index it.
 *
 * @param name   the version name
 * @param file   for a required version, the dependency it is required from
 * @param hidden whether the requirement's {@code vna_other} has the hidden bit
 */
record VersionSlot(String name, Optional<String> file, boolean hidden) {
}
