package dev.nativeload.binary.pe;

import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.MalformedBinaryException;
import java.util.ArrayList;
import java.util.List;

/** Reads the import directory and the delay-load import directory, with their lookup tables. */
final class ImportReader {
    private static final int IMPORT_DESCRIPTOR_SIZE = 20;
    private static final int DELAY_DESCRIPTOR_SIZE = 32;
    private static final long ORDINAL_FLAG_32 = 0x8000_0000L;
    private static final int DELAY_ATTRIBUTE_RVA_BASED = 1;

    private final ImageView image;
    private final boolean wide;
    private final long imageBase;

    ImportReader(ImageView image, boolean wide, long imageBase) {
        this.image = image;
        this.wide = wide;
        this.imageBase = imageBase;
    }

    /**
     * Reads the import descriptors the way the loader walks them: until one whose {@code Name}
     * or {@code FirstThunk} is zero (the directory's size field is not consulted).
     */
    List<ImportedDll> imports(DataDirectory directory, long directoryField) throws MalformedBinaryException {
        BinaryData table = image.at(directory.virtualAddress(), "import directory", directoryField);
        List<ImportedDll> result = new ArrayList<>();
        for (long at = 0; ; at += IMPORT_DESCRIPTOR_SIZE) {
            if (!table.contains(at, IMPORT_DESCRIPTOR_SIZE)) {
                throw new MalformedBinaryException(table.fileOffset() + at, "import directory has no terminating"
                        + " descriptor before the end of its section (" + result.size() + " descriptors read)");
            }
            image.budget().charge(IMPORT_DESCRIPTOR_SIZE, table.fileOffset() + at, "import descriptor");
            long lookup = table.u32(at, "import descriptor OriginalFirstThunk");
            long nameRva = table.u32(at + 12, "import descriptor Name");
            long firstThunk = table.u32(at + 16, "import descriptor FirstThunk");
            if (nameRva == 0 || firstThunk == 0) {
                return List.copyOf(result);
            }
            long from = table.fileOffset() + at;
            String name = image.string(nameRva, "imported DLL name", from + 12);
            long thunks = lookup != 0 ? lookup : firstThunk;
            result.add(new ImportedDll(name, thunks(thunks, 0, "import lookup table of " + name, from)));
        }
    }

    /**
     * Reads the delay-load descriptors until one whose DLL name is zero. Descriptors without the
     * RVA-based attribute hold virtual addresses; their addresses are rebased by the image base.
     */
    List<DelayImportedDll> delayImports(DataDirectory directory, long directoryField) throws MalformedBinaryException {
        BinaryData table = image.at(directory.virtualAddress(), "delay import directory", directoryField);
        List<DelayImportedDll> result = new ArrayList<>();
        for (long at = 0; ; at += DELAY_DESCRIPTOR_SIZE) {
            if (!table.contains(at, DELAY_DESCRIPTOR_SIZE)) {
                throw new MalformedBinaryException(table.fileOffset() + at, "delay import directory has no terminating"
                        + " descriptor before the end of its section (" + result.size() + " descriptors read)");
            }
            long from = table.fileOffset() + at;
            image.budget().charge(DELAY_DESCRIPTOR_SIZE, from, "delay import descriptor");
            long attributes = table.u32(at, "delay import Attributes");
            long nameField = table.u32(at + 4, "delay import DllName");
            long nameTable = table.u32(at + 16, "delay import ImportNameTable");
            if (nameField == 0) {
                return List.copyOf(result);
            }
            boolean rvaBased = (attributes & DELAY_ATTRIBUTE_RVA_BASED) != 0;
            long bias = rvaBased ? 0 : imageBase;
            String name = image.string(rebase(nameField, bias, from + 4, "delay import DllName"),
                    "delay-imported DLL name", from + 4);
            List<ImportedFunction> functions = nameTable == 0
                    ? List.of()
                    : thunks(rebase(nameTable, bias, from + 16, "delay import name table"), bias,
                            "delay import name table of " + name, from + 16);
            result.add(new DelayImportedDll(name, rvaBased, functions));
        }
    }

    /** Reads a zero-terminated lookup table of 32- or 64-bit thunks; {@code bias} is subtracted from name addresses. */
    private List<ImportedFunction> thunks(long rva, long bias, String what, long from) throws MalformedBinaryException {
        BinaryData table = image.at(rva, what, from);
        int width = wide ? 8 : 4;
        List<ImportedFunction> functions = new ArrayList<>();
        for (long at = 0; ; at += width) {
            if (!table.contains(at, width)) {
                throw new MalformedBinaryException(table.fileOffset() + at, what + " has no terminating zero"
                        + " before the end of its section (" + functions.size() + " entries read)");
            }
            image.budget().charge(width, table.fileOffset() + at, what);
            long value = table.word(at, wide, what);
            if (value == 0) {
                return functions;
            }
            boolean byOrdinal = wide ? value < 0 : (value & ORDINAL_FLAG_32) != 0;
            if (byOrdinal) {
                functions.add(new ImportedFunction.ByOrdinal((int) (value & 0xffff)));
            } else {
                long hintName = rebase(value, bias, table.fileOffset() + at, what) & 0xffff_ffffL;
                functions.add(hintName(hintName, what, table.fileOffset() + at));
            }
        }
    }

    private ImportedFunction hintName(long rva, String what, long from) throws MalformedBinaryException {
        BinaryData entry = image.at(rva, "hint/name entry in " + what, from);
        int hint = entry.u16(0, "import hint");
        String name = entry.cString(2, ImageView.MAX_NAME, "imported function name");
        image.budget().charge(name.length() + 3L, entry.fileOffset(), what);
        return new ImportedFunction.ByName(name, hint);
    }

    private static long rebase(long address, long bias, long from, String what) throws MalformedBinaryException {
        if (bias == 0) {
            return address;
        }
        if (Long.compareUnsigned(address, bias) < 0 || Long.compareUnsigned(address - bias, 0xffff_ffffL) > 0) {
            throw new MalformedBinaryException(from, what + " virtual address 0x" + Long.toHexString(address)
                    + " lies outside the image based at 0x" + Long.toHexString(bias));
        }
        return address - bias;
    }
}
