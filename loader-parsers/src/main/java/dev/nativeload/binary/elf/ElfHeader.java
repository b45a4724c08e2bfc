package dev.nativeload.binary.elf;

import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.MalformedBinaryException;
import java.nio.ByteOrder;

/**
 * The ELF file header, with addresses and offsets widened to 64 bits.
 *
 * @param bits       32 or 64 ({@code EI_CLASS})
 * @param byteOrder  the data encoding ({@code EI_DATA})
 * @param version    {@code EI_VERSION}
 * @param osAbi      {@code EI_OSABI}
 * @param abiVersion {@code EI_ABIVERSION}
 * @param type       {@code e_type}
 * @param machine    {@code e_machine}
 * @param entry      {@code e_entry}
 * @param flags      {@code e_flags}
 * @param phoff      {@code e_phoff}
 * @param shoff      {@code e_shoff}
 * @param phentsize  {@code e_phentsize}
 * @param phnum      {@code e_phnum} as stored (0xffff means the count is in section header 0)
 * @param shentsize  {@code e_shentsize}
 * @param shnum      {@code e_shnum}
 * @param shstrndx   {@code e_shstrndx}
 */
public record ElfHeader(int bits, ByteOrder byteOrder, int version, OsAbi osAbi, int abiVersion, ElfType type,
                        ElfMachine machine, long entry, long flags, long phoff, long shoff, int phentsize,
                        int phnum, int shentsize, int shnum, int shstrndx) {
    /** {@code e_phnum} value meaning "too many; see section header 0's sh_info". */
    public static final int PN_XNUM = 0xFFFF;

    /** {@return whether the file is 64-bit} */
    public boolean is64() {
        return bits == 64;
    }

    /** {@return the size of a program header in this class: 56 or 32} */
    public int standardPhentsize() {
        return is64() ? 56 : 32;
    }

    /**
     * Reads and validates the identification bytes and the file header.
     *
     * @param raw the whole file, in any byte order
     * @return the header; {@code raw.withOrder(header.byteOrder())} reads the rest
     * @throws MalformedBinaryException if the magic, class or data encoding is wrong or the file is too short
     */
    static ElfHeader read(BinaryData raw) throws MalformedBinaryException {
        raw.check(0, 16, "ELF identification");
        if (raw.u8(0, "magic") != 0x7F || raw.u8(1, "magic") != 'E' || raw.u8(2, "magic") != 'L' || raw.u8(3, "magic") != 'F') {
            throw new MalformedBinaryException(0, "not an ELF file: bad magic");
        }
        int elfClass = raw.u8(4, "EI_CLASS");
        if (elfClass != 1 && elfClass != 2) {
            throw new MalformedBinaryException(4, "invalid ELF class " + elfClass);
        }
        int data = raw.u8(5, "EI_DATA");
        if (data != 1 && data != 2) {
            throw new MalformedBinaryException(5, "invalid ELF data encoding " + data);
        }
        boolean wide = elfClass == 2;
        ByteOrder order = data == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        BinaryData d = raw.withOrder(order);
        d.check(0, wide ? 64 : 52, "ELF file header");
        int w = wide ? 8 : 4;
        long entry = d.word(24, wide, "e_entry");
        long phoff = d.word(24 + w, wide, "e_phoff");
        long shoff = d.word(24 + 2L * w, wide, "e_shoff");
        int at = 24 + 3 * w;
        return new ElfHeader(
                wide ? 64 : 32, order, raw.u8(6, "EI_VERSION"), new OsAbi(raw.u8(7, "EI_OSABI")),
                raw.u8(8, "EI_ABIVERSION"), new ElfType(d.u16(16, "e_type")), new ElfMachine(d.u16(18, "e_machine")),
                entry, d.u32(at, "e_flags"), phoff, shoff,
                d.u16(at + 6, "e_phentsize"), d.u16(at + 8, "e_phnum"), d.u16(at + 10, "e_shentsize"),
                d.u16(at + 12, "e_shnum"), d.u16(at + 14, "e_shstrndx"));
    }
}
