package dev.nativeload.binary.pe;

/** One function a DLL import (or delay import) asks for: by name, or by ordinal only. */
public sealed interface ImportedFunction permits ImportedFunction.ByName, ImportedFunction.ByOrdinal {

    /**
     * An import by name.
     *
     * @param name the function's name
     * @param hint the index into the exporting DLL's name table the linker expected
     */
    record ByName(String name, int hint) implements ImportedFunction {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * An import by ordinal.
     *
     * @param ordinal the export ordinal asked for
     */
    record ByOrdinal(int ordinal) implements ImportedFunction {
        @Override
        public String toString() {
            return "#" + ordinal;
        }
    }
}
