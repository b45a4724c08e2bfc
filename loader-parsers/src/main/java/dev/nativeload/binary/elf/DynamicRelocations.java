package dev.nativeload.binary.elf;

import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.MalformedBinaryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the dynamic relocation tables the way {@code ld.so} walks them: {@code DT_RELA} /
 * {@code DT_RELASZ}, {@code DT_REL} / {@code DT_RELSZ}, and {@code DT_JMPREL} / {@code DT_PLTRELSZ}
 * in the format {@code DT_PLTREL} names. When the PLT entries lie inside the {@code DT_RELA} or
 * {@code DT_REL} range (as some linkers lay them out), they are read once, as {@code JMPREL}.
 * Only entries naming a symbol (index not 0) are kept. Every table is checked to lie inside the
 * file before it is read, and the number of entries kept is capped.
 */
final class DynamicRelocations {
    /** More symbol relocations than this is hostile; the largest libraries have a few hundred thousand. */
    static final int MAX_SYMBOL_RELOCATIONS = 1 << 21;

    static final DynamicTag RELA = new DynamicTag(7);
    static final DynamicTag RELASZ = new DynamicTag(8);
    static final DynamicTag RELAENT = new DynamicTag(9);
    static final DynamicTag REL = new DynamicTag(17);
    static final DynamicTag RELSZ = new DynamicTag(18);
    static final DynamicTag RELENT = new DynamicTag(19);
    static final DynamicTag PLTRELSZ = new DynamicTag(2);
    static final DynamicTag PLTREL = new DynamicTag(20);
    static final DynamicTag JMPREL = new DynamicTag(23);

    private DynamicRelocations() {
    }

    /** A table as a file range: where it starts, how many bytes, the entry size, and whether entries have addends. */
    private record Range(ElfRelocation.Table table, long offset, long size, long entrySize, boolean rela) {
        long end() {
            return offset + size;
        }
    }

    static List<ElfRelocation> read(BinaryData d, ElfHeader h, DynamicSection dyn, LoadSegments loads)
            throws MalformedBinaryException {
        Optional<Range> plt = pltRange(d, h, dyn, loads);
        List<ElfRelocation> out = new ArrayList<>();
        for (Range r : new Range[] {
                range(d, h, dyn, loads, RELA, RELASZ, RELAENT, ElfRelocation.Table.RELA, true).orElse(null),
                range(d, h, dyn, loads, REL, RELSZ, RELENT, ElfRelocation.Table.REL, false).orElse(null)}) {
            if (r != null) {
                readEntries(d, h, r, plt.filter(p -> p.rela() == r.rela()), out);
            }
        }
        if (plt.isPresent()) {
            readEntries(d, h, plt.get(), Optional.empty(), out);
        }
        return List.copyOf(out);
    }

    private static Optional<Range> pltRange(BinaryData d, ElfHeader h, DynamicSection dyn, LoadSegments loads)
            throws MalformedBinaryException {
        Optional<DynamicEntry> jmprel = DynamicSection.first(dyn.entries(), JMPREL);
        if (jmprel.isEmpty()) {
            return Optional.empty();
        }
        Optional<DynamicEntry> kind = DynamicSection.first(dyn.entries(), PLTREL);
        boolean rela;
        if (kind.isEmpty()) {
            throw new MalformedBinaryException(jmprel.get().offset(), "DT_JMPREL without DT_PLTREL");
        } else if (kind.get().value() == RELA.value()) {
            rela = true;
        } else if (kind.get().value() == REL.value()) {
            rela = false;
        } else {
            throw new MalformedBinaryException(kind.get().offset(), "invalid DT_PLTREL " + kind.get().value()
                    + " (expected DT_RELA 7 or DT_REL 17)");
        }
        long size = dyn.value(PLTRELSZ).orElse(0);
        return Optional.of(checked(d, loads, jmprel.get(), size, entrySize(h, rela), ElfRelocation.Table.JMPREL, rela,
                "DT_JMPREL"));
    }

    private static Optional<Range> range(BinaryData d, ElfHeader h, DynamicSection dyn, LoadSegments loads,
                                         DynamicTag start, DynamicTag sizeTag, DynamicTag entTag,
                                         ElfRelocation.Table table, boolean rela) throws MalformedBinaryException {
        Optional<DynamicEntry> at = DynamicSection.first(dyn.entries(), start);
        if (at.isEmpty()) {
            return Optional.empty();
        }
        long standard = entrySize(h, rela);
        Optional<DynamicEntry> ent = DynamicSection.first(dyn.entries(), entTag);
        if (ent.isPresent() && ent.get().value() != standard) {
            throw new MalformedBinaryException(ent.get().offset(), "invalid " + (rela ? "DT_RELAENT " : "DT_RELENT ")
                    + ent.get().value() + " (expected " + standard + ")");
        }
        return Optional.of(checked(d, loads, at.get(), dyn.value(sizeTag).orElse(0), standard, table, rela,
                rela ? "DT_RELA" : "DT_REL"));
    }

    private static Range checked(BinaryData d, LoadSegments loads, DynamicEntry at, long size, long entrySize,
                                 ElfRelocation.Table table, boolean rela, String what) throws MalformedBinaryException {
        if (size == 0) {
            return new Range(table, 0, 0, entrySize, rela);
        }
        long offset = loads.requireFileOffset(at.value(), what, at.offset());
        if (size < 0 || !d.contains(offset, size)) {
            throw new MalformedBinaryException(at.offset(), what + " table (0x" + Long.toHexString(size)
                    + " bytes at file offset 0x" + Long.toHexString(offset) + ") runs past the end of the file (0x"
                    + Long.toHexString(d.size()) + ")");
        }
        return new Range(table, offset, size, entrySize, rela);
    }

    private static long entrySize(ElfHeader h, boolean rela) {
        return h.is64() ? (rela ? 24 : 16) : (rela ? 12 : 8);
    }

    /** Reads one table, leaving out the entries that lie inside {@code skip} (read as the PLT's). */
    private static void readEntries(BinaryData d, ElfHeader h, Range r, Optional<Range> skip, List<ElfRelocation> out)
            throws MalformedBinaryException {
        boolean mips64 = h.is64() && h.machine().equals(ElfMachine.MIPS);
        for (long at = r.offset(); at + r.entrySize() <= r.end(); at += r.entrySize()) {
            if (skip.isPresent() && skip.get().size() > 0 && at >= skip.get().offset() && at < skip.get().end()) {
                continue;
            }
            long offset = d.word(at, h.is64(), "r_offset");
            long symbol;
            long type;
            if (mips64) {
                symbol = d.u32(at + 8, "r_sym");
                type = (long) d.u8(at + 13, "r_type3") << 16 | (long) d.u8(at + 14, "r_type2") << 8 | d.u8(at + 15, "r_type");
            } else if (h.is64()) {
                long info = d.u64(at + 8, "r_info");
                symbol = info >>> 32;
                type = info & 0xFFFF_FFFFL;
            } else {
                long info = d.u32(at + 4, "r_info");
                symbol = info >>> 8;
                type = info & 0xFF;
            }
            if (symbol == 0) {
                continue;
            }
            if (out.size() >= MAX_SYMBOL_RELOCATIONS) {
                throw new MalformedBinaryException(at, "more than " + MAX_SYMBOL_RELOCATIONS + " symbol relocations");
            }
            long addend = r.rela() ? (h.is64() ? d.u64(at + 16, "r_addend") : d.s32(at + 8, "r_addend")) : 0;
            out.add(new ElfRelocation(r.table(), offset, type, symbol, addend));
        }
    }
}
