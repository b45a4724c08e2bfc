package dev.nativeload.binary.pe;

import java.util.List;
import java.util.Optional;

/**
 * The export directory: the DLL's own name and what it offers.
 *
 * @param dllName       the DLL name the linker recorded, e.g. {@code dep.dll}; empty when the field is zero
 * @param timeDateStamp the directory's time stamp
 * @param ordinalBase   the ordinal of the address table's first entry
 * @param exports       the used address-table entries (non-zero RVA) in ordinal order
 * @param nameTable     the name pointer table's names in table order (linkers sort it, so the loader
 *                      binary-searches it; an import's hint is an index into it)
 */
public record ExportDirectory(Optional<String> dllName, long timeDateStamp, long ordinalBase, List<Export> exports,
                              List<String> nameTable) {
    /** Keeps unmodifiable copies of the exports and the name table. */
    public ExportDirectory {
        exports = List.copyOf(exports);
        nameTable = List.copyOf(nameTable);
    }

    /**

     * {@return the export with this name, if any}

     *

     * @param name the exported name

     */
    public Optional<Export> byName(String name) {
        return exports.stream().filter(e -> e.names().contains(name)).findFirst();
    }

    /**

     * {@return the export with this ordinal, if any}

     *

     * @param ordinal the ordinal

     */
    public Optional<Export> byOrdinal(long ordinal) {
        return exports.stream().filter(e -> e.ordinal() == ordinal).findFirst();
    }
}
