package dev.nativeload.binary.pe;

import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.MalformedBinaryException;

/**
 * The COFF file header that follows the {@code PE\0\0} signature.
 *
 * @param machine              the target machine
 * @param numberOfSections     how many entries the section table holds
 * @param timeDateStamp        link time in seconds since 1970 (0 in reproducible builds)
 * @param pointerToSymbolTable file offset of the COFF symbol table, 0 when stripped
 * @param numberOfSymbols      entries in the COFF symbol table
 * @param sizeOfOptionalHeader bytes of optional header after this one (0 for an object file)
 * @param characteristics      the {@code IMAGE_FILE_*} flags
 */
public record CoffHeader(
        Machine machine,
        int numberOfSections,
        long timeDateStamp,
        long pointerToSymbolTable,
        long numberOfSymbols,
        int sizeOfOptionalHeader,
        FileCharacteristics characteristics) {

    /** The header's size in bytes. */
    public static final int SIZE = 20;

    static CoffHeader read(BinaryData data, long offset) throws MalformedBinaryException {
        data.check(offset, SIZE, "COFF file header");
        return new CoffHeader(
                new Machine(data.u16(offset, "COFF machine")),
                data.u16(offset + 2, "COFF NumberOfSections"),
                data.u32(offset + 4, "COFF TimeDateStamp"),
                data.u32(offset + 8, "COFF PointerToSymbolTable"),
                data.u32(offset + 12, "COFF NumberOfSymbols"),
                data.u16(offset + 16, "COFF SizeOfOptionalHeader"),
                new FileCharacteristics(data.u16(offset + 18, "COFF Characteristics")));
    }
}
