package dev.nativeload.binary.pe;

/**
 * One section table entry.
 *
 * @param name             the name, with a {@code /n} long name resolved through the COFF string table when there is one
 * @param virtualSize      bytes the section occupies in memory (0 in object files)
 * @param virtualAddress   the section's RVA in the loaded image
 * @param sizeOfRawData    bytes of initialized data in the file
 * @param pointerToRawData the file offset of that data
 * @param characteristics  the {@code IMAGE_SCN_*} flags
 */
public record Section(
        String name,
        long virtualSize,
        long virtualAddress,
        long sizeOfRawData,
        long pointerToRawData,
        long characteristics) {

    /** The size of one section table entry in bytes. */
    public static final int ENTRY_SIZE = 40;

    /** {@return the number of bytes at the section's start that the file provides and the loader maps} */
    long fileBackedSize() {
        return virtualSize == 0 ? sizeOfRawData : Math.min(virtualSize, sizeOfRawData);
    }

    /** {@return whether the RVA lies inside the section's file-backed bytes} @param rva the address */
    boolean containsFileBacked(long rva) {
        return rva >= virtualAddress && rva - virtualAddress < fileBackedSize();
    }
}
