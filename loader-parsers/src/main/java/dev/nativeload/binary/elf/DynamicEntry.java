package dev.nativeload.binary.elf;

/**
 * One entry of the dynamic array, as stored.
 *
 * @param tag    {@code d_tag}
 * @param value  {@code d_val} / {@code d_ptr}, zero-extended in a 32-bit file
 * @param offset the entry's offset in the file, for diagnostics
 */
public record DynamicEntry(DynamicTag tag, long value, long offset) {
}
