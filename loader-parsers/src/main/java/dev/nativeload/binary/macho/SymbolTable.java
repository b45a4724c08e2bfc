package dev.nativeload.binary.macho;

import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.MalformedBinaryException;
import java.util.Collection;
import java.util.Optional;

/**
 * Reads {@code LC_SYMTAB}'s {@code nlist} entries for what older images keep only there: the
 * undefined externals as imports (the two-level library ordinal in the high byte of
 * {@code n_desc}: 0 self, 0xFE flat lookup, 0xFF main executable; {@code N_WEAK_REF} for a weak
 * import), and the defined externals that are not private as exports.
 */
final class SymbolTable {
    private static final int N_STAB = 0xE0;
    private static final int N_PEXT = 0x10;
    private static final int N_TYPE = 0x0E;
    private static final int N_EXT = 0x01;
    private static final int N_UNDF = 0x0;
    private static final int N_SECT = 0xE;
    private static final int N_WEAK_REF = 0x40;
    private static final int N_WEAK_DEF = 0x80;
    private static final int DYNAMIC_LOOKUP_ORDINAL = 0xFE;
    private static final int EXECUTABLE_ORDINAL = 0xFF;
    /** More entries than any real image has; a bound on the work a hostile count asks for. */
    private static final long MAX_SYMBOLS = 1 << 24;

    private SymbolTable() {
    }

    /**
     * Reads the table.
     *
     * @param data    the image
     * @param wide    whether entries are {@code nlist_64}
     * @param command where {@code LC_SYMTAB} is
     * @param imports where the undefined externals go (null: not wanted)
     * @param exports where the defined externals go (null: not wanted)
     */
    static void read(BinaryData data, boolean wide, long command, Collection<MachOImport> imports,
                     Collection<MachOExport> exports) throws MalformedBinaryException {
        long symbolsAt = data.u32(command + 8, "LC_SYMTAB symoff");
        long count = data.u32(command + 12, "LC_SYMTAB nsyms");
        long stringsAt = data.u32(command + 16, "LC_SYMTAB stroff");
        long stringsSize = data.u32(command + 20, "LC_SYMTAB strsize");
        int entry = wide ? 16 : 12;
        if (count > MAX_SYMBOLS) {
            throw new MalformedBinaryException(data.fileOffset() + command + 12, "LC_SYMTAB nsyms " + count
                    + " is more than " + MAX_SYMBOLS);
        }
        data.check(symbolsAt, count * entry, "LC_SYMTAB symbols");
        BinaryData strings = data.slice(stringsAt, stringsSize, "LC_SYMTAB string table");
        for (long i = 0; i < count; i++) {
            long at = symbolsAt + i * entry;
            int type = data.u8(at + 4, "n_type");
            int desc = data.u16(at + 6, "n_desc");
            long value = data.word(at + 8, wide, "n_value");
            if ((type & N_STAB) != 0 || (type & N_EXT) == 0) {
                continue;
            }
            int kind = type & N_TYPE;
            boolean undefinedImport = kind == N_UNDF && value == 0 && imports != null;
            boolean definedExport = kind == N_SECT && (type & N_PEXT) == 0 && exports != null;
            if (!undefinedImport && !definedExport) {
                continue;
            }
            long strx = data.u32(at, "n_strx");
            String name = strx < stringsSize ? strings.cString(strx, stringsSize - strx, "symbol name") : "";
            if (undefinedImport) {
                imports.add(new MachOImport(name, ordinal(desc >>> 8 & 0xFF), (desc & N_WEAK_REF) != 0,
                        MachOImport.Source.SYMBOL_TABLE));
            } else {
                exports.add(new MachOExport(name, (desc & N_WEAK_DEF) != 0 ? MachOExport.WEAK_DEFINITION : 0, value,
                        Optional.empty()));
            }
        }
    }

    private static int ordinal(int raw) {
        return switch (raw) {
            case DYNAMIC_LOOKUP_ORDINAL -> MachOImport.FLAT_LOOKUP;
            case EXECUTABLE_ORDINAL -> MachOImport.MAIN_EXECUTABLE;
            default -> raw;
        };
    }
}
