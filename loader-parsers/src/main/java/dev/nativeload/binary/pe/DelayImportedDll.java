package dev.nativeload.binary.pe;

import java.util.List;

/**
 * One entry of the delay-load import directory: a DLL loaded on the first call into it.
 *
 * @param name      the DLL's name as written
 * @param rvaBased  whether the descriptor holds RVAs (attribute bit 0, every modern linker) rather
 *                  than the older form's virtual addresses
 * @param functions the functions imported from it, in table order
 */
public record DelayImportedDll(String name, boolean rvaBased, List<ImportedFunction> functions) {
    /** Keeps an unmodifiable copy of the functions. */
    public DelayImportedDll {
        functions = List.copyOf(functions);
    }
}
