package dev.nativeload.binary.elf;

import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.MalformedBinaryException;
import java.util.ArrayList;
import java.util.List;

/**
 * The names of an ELF object's sections, from the section header table and its string table ({@code e_shstrndx}).
 * The loader never reads them, so they are read only as the last evidence of an object's OS
 * ({@link ElfPlatform}), and only when asked: the table lies at the end of the file, so reading it from a stream
 * means inflating all of it.
 */
final class SectionNames {
    /** {@code e_shstrndx} value meaning "the index is in section header 0's {@code sh_link}". */
    private static final int SHN_XINDEX = 0xFFFF;
    /** No real object has more sections than this in its table (a count beyond it is read as this many). */
    private static final int MAX_SECTIONS = 1 << 16;

    private SectionNames() {
    }

    /**
     * Reads the section names, in table order (section 0's empty name left out).
     *
     * @param d the whole file, in its byte order
     * @param h its file header
     * @return the names; empty when the object has no section header table
     * @throws MalformedBinaryException if the table or its string table lies outside the file
     */
    static List<String> read(BinaryData d, ElfHeader h) throws MalformedBinaryException {
        if (h.shoff() == 0) {
            return List.of();
        }
        boolean wide = h.is64();
        int entry = wide ? 64 : 40;
        if (h.shentsize() != entry) {
            throw new MalformedBinaryException(h.shoff(), "ELF section header size " + h.shentsize() + ", not " + entry);
        }
        d.check(h.shoff(), entry, "ELF section header 0");
        // Extended numbering: a count of 0 or an index of SHN_XINDEX defers to section header 0.
        long count = h.shnum() != 0 ? h.shnum() : d.word(h.shoff() + (wide ? 32 : 20), wide, "section header 0 sh_size");
        long names = h.shstrndx() != SHN_XINDEX ? h.shstrndx() : d.u32(h.shoff() + (wide ? 40 : 24), "section header 0 sh_link");
        count = Math.min(count, MAX_SECTIONS);
        if (names == 0 || names >= count) {
            return List.of();
        }
        BinaryData table = d.slice(h.shoff(), Math.multiplyExact(count, entry), "ELF section header table");
        long at = Math.multiplyExact(names, entry);
        long strOffset = table.word(at + (wide ? 24 : 16), wide, "section name table sh_offset");
        long strSize = table.word(at + (wide ? 32 : 20), wide, "section name table sh_size");
        BinaryData strings = d.slice(strOffset, strSize, "ELF section name table");
        List<String> result = new ArrayList<>();
        for (long i = 1; i < count; i++) {
            long name = table.u32(i * entry, "sh_name");
            if (name < strings.size()) {
                result.add(strings.cString(name, strings.size() - name, "section name"));
            }
        }
        return List.copyOf(result);
    }
}
