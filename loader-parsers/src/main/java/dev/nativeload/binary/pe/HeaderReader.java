package dev.nativeload.binary.pe;

import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.MalformedBinaryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the DOS stub header, the PE signature, the COFF header, the optional header and the section table. */
final class HeaderReader {
    /** Where the DOS header keeps {@code e_lfanew}, the file offset of the PE signature. */
    static final int E_LFANEW = 0x3c;
    private static final long PE_SIGNATURE = 0x00004550L;
    private static final int PE32_FIXED = 96;
    private static final int PE32_PLUS_FIXED = 112;
    private static final int COFF_SYMBOL_SIZE = 18;

    /**
     * The headers of one file.
     *
     * @param peOffset the offset of the PE signature ({@code e_lfanew})
     * @param coff     the COFF header
     * @param optional the optional header, absent in an object file
     * @param sections the section table
     */
    record Headers(long peOffset, CoffHeader coff, Optional<OptionalHeader> optional, List<Section> sections) {
        /** {@return the file offset of a data directory entry, for error messages} @param index the entry */
        long directoryOffset(int index) {
            boolean plus = optional.map(OptionalHeader::pe32Plus).orElse(false);
            return peOffset + 4 + CoffHeader.SIZE + (plus ? PE32_PLUS_FIXED : PE32_FIXED) + 8L * index;
        }
    }

    private HeaderReader() {
    }

    static Headers read(BinaryData data) throws MalformedBinaryException {
        if (data.size() < 2 || data.u8(0, "DOS magic") != 'M' || data.u8(1, "DOS magic") != 'Z') {
            throw new MalformedBinaryException(0, "not a PE file: no MZ signature");
        }
        long peOffset = data.u32(E_LFANEW, "DOS header e_lfanew");
        if (peOffset < 4 || !data.contains(peOffset, 4 + CoffHeader.SIZE)) {
            throw new MalformedBinaryException(E_LFANEW, "invalid e_lfanew 0x" + Long.toHexString(peOffset)
                    + ": the PE headers do not fit in the file (size 0x" + Long.toHexString(data.size()) + ")");
        }
        long signature = data.u32(peOffset, "PE signature");
        if (signature != PE_SIGNATURE) {
            throw new MalformedBinaryException(peOffset, "invalid PE signature 0x" + Long.toHexString(signature));
        }
        long coffOffset = peOffset + 4;
        CoffHeader coff = CoffHeader.read(data, coffOffset);
        long optionalOffset = coffOffset + CoffHeader.SIZE;
        data.check(optionalOffset, coff.sizeOfOptionalHeader(), "optional header");
        Optional<OptionalHeader> optional = coff.sizeOfOptionalHeader() == 0
                ? Optional.empty()
                : Optional.of(readOptional(data, optionalOffset, coff.sizeOfOptionalHeader()));
        long tableOffset = optionalOffset + coff.sizeOfOptionalHeader();
        List<Section> sections = readSections(data, tableOffset, coff, coffOffset);
        return new Headers(peOffset, coff, optional, sections);
    }

    private static OptionalHeader readOptional(BinaryData data, long at, int size) throws MalformedBinaryException {
        if (size < 2) {
            throw new MalformedBinaryException(at, "optional header size " + size + " cannot hold its magic");
        }
        int magic = data.u16(at, "optional header magic");
        boolean plus;
        if (magic == OptionalHeader.MAGIC_PE32) {
            plus = false;
        } else if (magic == OptionalHeader.MAGIC_PE32_PLUS) {
            plus = true;
        } else {
            throw new MalformedBinaryException(at, "invalid optional header magic 0x" + Integer.toHexString(magic));
        }
        int fixed = plus ? PE32_PLUS_FIXED : PE32_FIXED;
        if (size < fixed) {
            throw new MalformedBinaryException(at - 4, "optional header size " + size + " is smaller than the "
                    + fixed + " bytes a " + (plus ? "PE32+" : "PE32") + " header needs");
        }
        int w = plus ? 8 : 4;
        long imageBase = plus ? data.u64(at + 24, "ImageBase") : data.u32(at + 28, "ImageBase");
        long sizes = at + 72;
        long count = data.u32(at + fixed - 4, "NumberOfRvaAndSizes");
        long fits = (size - fixed) / 8;
        int entries = (int) Math.min(Math.min(count, fits), DataDirectory.MAX_ENTRIES);
        List<DataDirectory> directories = new ArrayList<>(entries);
        for (int i = 0; i < entries; i++) {
            long entry = at + fixed + 8L * i;
            directories.add(new DataDirectory(i, data.u32(entry, "data directory address"),
                    data.u32(entry + 4, "data directory size")));
        }
        return new OptionalHeader(plus,
                new OptionalHeader.Version(data.u8(at + 2, "linker version"), data.u8(at + 3, "linker version")),
                data.u32(at + 16, "AddressOfEntryPoint"),
                imageBase,
                data.u32(at + 32, "SectionAlignment"),
                data.u32(at + 36, "FileAlignment"),
                version(data, at + 40, "OS version"),
                version(data, at + 44, "image version"),
                version(data, at + 48, "subsystem version"),
                data.u32(at + 56, "SizeOfImage"),
                data.u32(at + 60, "SizeOfHeaders"),
                data.u32(at + 64, "CheckSum"),
                new Subsystem(data.u16(at + 68, "Subsystem")),
                new DllCharacteristics(data.u16(at + 70, "DllCharacteristics")),
                data.word(sizes, plus, "SizeOfStackReserve"),
                data.word(sizes + w, plus, "SizeOfStackCommit"),
                data.word(sizes + 2L * w, plus, "SizeOfHeapReserve"),
                data.word(sizes + 3L * w, plus, "SizeOfHeapCommit"),
                count,
                directories);
    }

    private static OptionalHeader.Version version(BinaryData data, long at, String what) throws MalformedBinaryException {
        return new OptionalHeader.Version(data.u16(at, what), data.u16(at + 2, what));
    }

    private static List<Section> readSections(BinaryData data, long at, CoffHeader coff, long coffOffset) throws MalformedBinaryException {
        int count = coff.numberOfSections();
        long tableSize = (long) count * Section.ENTRY_SIZE;
        if (!data.contains(at, tableSize)) {
            throw new MalformedBinaryException(coffOffset + 2, "invalid section count " + count
                    + ": a table of 0x" + Long.toHexString(tableSize) + " bytes at 0x" + Long.toHexString(at)
                    + " runs past the end of the file (0x" + Long.toHexString(data.size()) + ")");
        }
        List<Section> sections = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long e = at + (long) i * Section.ENTRY_SIZE;
            String name = longName(data, coff, data.fixedString(e, 8, "section name"));
            sections.add(new Section(name,
                    data.u32(e + 8, "section VirtualSize"),
                    data.u32(e + 12, "section VirtualAddress"),
                    data.u32(e + 16, "section SizeOfRawData"),
                    data.u32(e + 20, "section PointerToRawData"),
                    data.u32(e + 36, "section Characteristics")));
        }
        return List.copyOf(sections);
    }

    /** Resolves a {@code /n} name through the COFF string table; keeps the raw name when there is none. */
    private static String longName(BinaryData data, CoffHeader coff, String raw) throws MalformedBinaryException {
        if (raw.length() < 2 || raw.charAt(0) != '/' || coff.pointerToSymbolTable() == 0
                || !raw.substring(1).chars().allMatch(c -> c >= '0' && c <= '9')) {
            return raw;
        }
        long strings = coff.pointerToSymbolTable() + coff.numberOfSymbols() * COFF_SYMBOL_SIZE;
        if (!data.contains(strings, 4)) {
            return raw;
        }
        long tableSize = data.u32(strings, "COFF string table size");
        long index = Long.parseLong(raw.substring(1));
        if (index < 4 || index >= tableSize || !data.contains(strings, tableSize)) {
            return raw;
        }
        return data.cString(strings + index, tableSize - index, "section long name");
    }
}
