package dev.nativeload.binary.pe;

import java.util.List;
import java.util.Optional;

/**
 * The optional header of an image (PE32 or PE32+), with its fields widened to 64 bits.
 *
 * @param pe32Plus            true for PE32+ (magic 0x20b, 64-bit), false for PE32 (magic 0x10b)
 * @param linkerVersion       the linker's version
 * @param addressOfEntryPoint RVA of the entry point, 0 when none
 * @param imageBase           the preferred load address
 * @param sectionAlignment    alignment of sections in memory
 * @param fileAlignment       alignment of section data in the file
 * @param osVersion           the required operating system version
 * @param imageVersion        the image's own version
 * @param subsystemVersion    the required subsystem version
 * @param sizeOfImage         bytes the loaded image occupies
 * @param sizeOfHeaders       bytes of headers at the start of the file (also mapped at RVA 0)
 * @param checkSum            the image checksum (often 0)
 * @param subsystem           the environment that runs the image
 * @param dllCharacteristics  the {@code IMAGE_DLLCHARACTERISTICS_*} flags
 * @param sizeOfStackReserve  stack reserve
 * @param sizeOfStackCommit   stack commit
 * @param sizeOfHeapReserve   heap reserve
 * @param sizeOfHeapCommit    heap commit
 * @param numberOfRvaAndSizes the data directory count as written (may exceed the entries read)
 * @param dataDirectories     the entries read: at most 16, and no more than the header's size holds
 */
public record OptionalHeader(
        boolean pe32Plus,
        Version linkerVersion,
        long addressOfEntryPoint,
        long imageBase,
        long sectionAlignment,
        long fileAlignment,
        Version osVersion,
        Version imageVersion,
        Version subsystemVersion,
        long sizeOfImage,
        long sizeOfHeaders,
        long checkSum,
        Subsystem subsystem,
        DllCharacteristics dllCharacteristics,
        long sizeOfStackReserve,
        long sizeOfStackCommit,
        long sizeOfHeapReserve,
        long sizeOfHeapCommit,
        long numberOfRvaAndSizes,
        List<DataDirectory> dataDirectories) {

    /** The magic number of a PE32 optional header. */
    public static final int MAGIC_PE32 = 0x10b;
    /** The magic number of a PE32+ optional header. */
    public static final int MAGIC_PE32_PLUS = 0x20b;

    /**
     * A major.minor version pair.
     *
     * @param major the major number
     * @param minor the minor number
     */
    public record Version(int major, int minor) {
        @Override
        public String toString() {
            return major + "." + minor;
        }
    }

    /** Keeps an unmodifiable copy of the data directories. */
    public OptionalHeader {
        dataDirectories = List.copyOf(dataDirectories);
    }

    /** {@return 64 for PE32+, 32 for PE32} */
    public int bits() {
        return pe32Plus ? 64 : 32;
    }

    /**
     * {@return the data directory entry at {@code index}, when the header has it and it is non-zero}
     *
     * @param index one of the {@link DataDirectory} constants
     */
    public Optional<DataDirectory> directory(int index) {
        return index >= 0 && index < dataDirectories.size() && dataDirectories.get(index).isPresent()
                ? Optional.of(dataDirectories.get(index))
                : Optional.empty();
    }
}
