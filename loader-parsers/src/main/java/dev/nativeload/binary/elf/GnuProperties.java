package dev.nativeload.binary.elf;

import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.MalformedBinaryException;
import java.util.OptionalLong;

/**
 * Reads the x86 ISA level an object needs from its GNU property note ({@code NT_GNU_PROPERTY_TYPE_0},
 * {@code .note.gnu.property}, written by {@code ld -z x86-64-v2|v3|v4} or by the compiler's
 * {@code -march}). The descriptor is an array of {@code pr_type}, {@code pr_datasz}, data, each padded
 * to 8 bytes in a 64-bit object and 4 in a 32-bit one.
 */
final class GnuProperties {
    /** {@code NT_GNU_PROPERTY_TYPE_0}. */
    static final long NT_GNU_PROPERTY_TYPE_0 = 5;
    /** {@code GNU_PROPERTY_X86_ISA_1_NEEDED} (binutils 2.36 and later; {@code GNU_PROPERTY_X86_UINT32_OR_LO + 2}). */
    static final long GNU_PROPERTY_X86_ISA_1_NEEDED = 0xc0008002L;
    /** More properties than this in one note is hostile (a real note holds two or three). */
    static final int MAX_PROPERTIES = 256;

    private GnuProperties() {
    }

    /**
     * {@return the {@code GNU_PROPERTY_X86_ISA_1_NEEDED} bits of one note's descriptor, if it has them}
     *
     * @param desc the descriptor, in the file's byte order
     * @param is64 whether the object is 64-bit (properties are 8-byte aligned then)
     * @throws MalformedBinaryException if a property runs past the descriptor
     */
    static OptionalLong x86IsaNeeded(BinaryData desc, boolean is64) throws MalformedBinaryException {
        long align = is64 ? 8 : 4;
        long at = 0;
        for (int n = 0; n < MAX_PROPERTIES && desc.size() - at >= 8; n++) {
            long type = desc.u32(at, "pr_type");
            long size = desc.u32(at + 4, "pr_datasz");
            desc.check(at + 8, size, "pr_data");
            if (type == GNU_PROPERTY_X86_ISA_1_NEEDED && size == 4) {
                return OptionalLong.of(desc.u32(at + 8, "GNU_PROPERTY_X86_ISA_1_NEEDED"));
            }
            at = Math.addExact(at + 8, (size + align - 1) & -align);
        }
        return OptionalLong.empty();
    }
}
