package dev.nativeload.binary.elf;

import java.util.Objects;

/**
 * One dynamic relocation that names a symbol, from {@code DT_RELA}, {@code DT_REL} or
 * {@code DT_JMPREL}: the entries the dynamic loader resolves by looking a symbol up. The
 * relocation type is the machine's own number ({@code R_X86_64_GLOB_DAT} is 6, {@code
 * R_AARCH64_JUMP_SLOT} is 1026), kept raw so an unknown one still prints.
 *
 * @param table       the table the entry came from
 * @param offset      {@code r_offset}: the address the loader writes
 * @param type        the relocation type ({@code ELF64_R_TYPE}, {@code ELF32_R_TYPE}; on 64-bit MIPS the
 *                    three packed types, {@code r_type3 << 16 | r_type2 << 8 | r_type})
 * @param symbolIndex the index of the referenced symbol in the dynamic symbol table; never 0 here
 * @param addend      {@code r_addend} for a {@code RELA} entry, 0 for a {@code REL} one (its addend is in place)
 */
public record ElfRelocation(Table table, long offset, long type, long symbolIndex, long addend) {
    /** The dynamic tables relocations are read from. */
    public enum Table {
        /** {@code DT_RELA}: entries with an explicit addend. */
        RELA,
        /** {@code DT_REL}: entries whose addend is stored at the target. */
        REL,
        /** {@code DT_JMPREL}: the PLT's entries, {@code REL} or {@code RELA} as {@code DT_PLTREL} says. */
        JMPREL
    }

    /** Checks that the table is given. */
    public ElfRelocation {
        Objects.requireNonNull(table, "table");
    }
}
