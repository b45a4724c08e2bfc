package dev.nativeload.resolve.symbols.pe;

import dev.nativeload.binary.pe.Export;
import dev.nativeload.binary.pe.ExportDirectory;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds an export the way the Windows loader does ({@code LdrpSnapThunk}): by name, the hint first
 * (an index into the name table: taken when the name there matches), then a binary search of the
 * name table, which linkers sort, so a name an unsorted table holds may still be missed, as the
 * loader misses it; by ordinal, the ordinal less the ordinal base indexes the address table, and an
 * unused (zero) slot is no export.
 */
final class ExportLookup {
    private final List<String> names;
    private final Map<String, Export> byName = new HashMap<>();
    private final Map<Long, Export> byOrdinal = new HashMap<>();

    ExportLookup(Optional<ExportDirectory> directory) {
        this.names = directory.map(ExportDirectory::nameTable).orElse(List.of());
        for (Export e : directory.map(ExportDirectory::exports).orElse(List.of())) {
            byOrdinal.putIfAbsent(e.ordinal(), e);
            e.names().forEach(n -> byName.putIfAbsent(n, e));
        }
    }

    /**
     * {@return the export the loader binds an import by name to}
     *
     * @param name the imported name
     * @param hint the import's hint, or -1 for none (a forwarder names no hint)
     */
    Optional<Export> byName(String name, int hint) {
        if (hint >= 0 && hint < names.size() && names.get(hint).equals(name)) {
            return Optional.ofNullable(byName.get(name));
        }
        int low = 0;
        int high = names.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int c = compareBytes(name, names.get(middle));
            if (c == 0) {
                return Optional.ofNullable(byName.get(name));
            }
            if (c < 0) {
                high = middle - 1;
            } else {
                low = middle + 1;
            }
        }
        return Optional.empty();
    }

    /** {@return the export with this ordinal} @param ordinal the ordinal asked for */
    Optional<Export> byOrdinal(long ordinal) {
        return Optional.ofNullable(byOrdinal.get(ordinal));
    }

    /** The loader's {@code strcmp}: unsigned bytes, which for the UTF-8 names read is code point order. */
    private static int compareBytes(String a, String b) {
        return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }
}
