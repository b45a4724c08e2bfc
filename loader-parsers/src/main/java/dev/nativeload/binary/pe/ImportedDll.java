package dev.nativeload.binary.pe;

import java.util.List;

/**
 * One entry of the import directory: a DLL and what the image takes from it.
 *
 * @param name      the DLL's name as written, e.g. {@code KERNEL32.dll}
 * @param functions the functions imported from it, in table order
 */
public record ImportedDll(String name, List<ImportedFunction> functions) {
    /** Keeps an unmodifiable copy of the functions. */
    public ImportedDll {
        functions = List.copyOf(functions);
    }
}
