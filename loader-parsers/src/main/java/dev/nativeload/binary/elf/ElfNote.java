package dev.nativeload.binary.elf;

import java.util.HexFormat;

/**
 * One note from a {@code PT_NOTE} segment.
 *
 * @param owner      the note's name, e.g. {@code GNU} or {@code Android}
 * @param type       {@code n_type}, whose meaning depends on the owner
 * @param descriptor the descriptor bytes as lowercase hex
 * @param offset     the note's offset in the file
 */
public record ElfNote(String owner, long type, String descriptor, long offset) {
    /** {@code NT_GNU_ABI_TAG}: the OS and minimum kernel version ({@code .note.ABI-tag}). */
    public static final long NT_GNU_ABI_TAG = 1;
    /** {@code NT_GNU_BUILD_ID}: the link's unique id. */
    public static final long NT_GNU_BUILD_ID = 3;

    /** {@return the descriptor's bytes} */
    public byte[] descriptorBytes() {
        return HexFormat.of().parseHex(descriptor);
    }
}
