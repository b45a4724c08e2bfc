package dev.nativeload.binary.pe;

import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.MalformedBinaryException;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads the image as the loader lays it out: translates relative virtual addresses to file
 * offsets through the section table (and the headers, which are mapped at RVA 0), and hands
 * out views that end where the section's file-backed bytes end, so no table read runs into
 * the next section.
 */
final class ImageView {
    /** The longest name (DLL, function, forwarder) read; longer ones are malformed. */
    static final int MAX_NAME = 32 * 1024;

    private final BinaryData data;
    private final List<Section> sections;
    private final long sizeOfHeaders;
    private final ReadBudget budget;

    ImageView(BinaryData data, List<Section> sections, long sizeOfHeaders) {
        this.data = data;
        this.sections = sections;
        this.sizeOfHeaders = sizeOfHeaders;
        this.budget = ReadBudget.forFile(data.size());
    }

    ReadBudget budget() {
        return budget;
    }

    /** {@return the file offset of an RVA, when a section's file-backed bytes or the headers hold it} @param rva the address */
    OptionalLong fileOffset(long rva) {
        Section section = sectionOf(rva);
        if (section != null) {
            return OptionalLong.of(section.pointerToRawData() + (rva - section.virtualAddress()));
        }
        if (rva >= 0 && rva < sizeOfHeaders && rva < data.size()) {
            return OptionalLong.of(rva);
        }
        return OptionalLong.empty();
    }

    /**
     * {@return a view from {@code rva} to the end of the file-backed bytes that hold it}
     *
     * @param rva  the address
     * @param what what lives there, for errors
     * @param from the file offset of the field that holds the address, for errors
     * @throws MalformedBinaryException if no section or header region holds the address
     */
    BinaryData at(long rva, String what, long from) throws MalformedBinaryException {
        Section section = sectionOf(rva);
        long offset;
        long end;
        if (section != null) {
            offset = section.pointerToRawData() + (rva - section.virtualAddress());
            end = section.pointerToRawData() + section.fileBackedSize();
        } else if (rva >= 0 && rva < sizeOfHeaders && rva < data.size()) {
            offset = rva;
            end = sizeOfHeaders;
        } else {
            throw new MalformedBinaryException(from, what + " RVA 0x" + Long.toHexString(rva)
                    + " lies in no section's file data");
        }
        end = Math.min(end, data.size());
        if (offset >= end) {
            throw new MalformedBinaryException(from, what + " RVA 0x" + Long.toHexString(rva) + " maps to file offset 0x"
                    + Long.toHexString(offset) + ", past the end of the file (0x" + Long.toHexString(data.size()) + ")");
        }
        return data.slice(offset, end - offset, what);
    }

    /**
     * {@return the NUL-terminated string at {@code rva}, within its section}
     *
     * @param rva  the address
     * @param what what the string is, for errors
     * @param from the file offset of the field that holds the address, for errors
     * @throws MalformedBinaryException if the address is unmapped or the string unterminated
     */
    String string(long rva, String what, long from) throws MalformedBinaryException {
        BinaryData view = at(rva, what, from);
        String s = view.cString(0, MAX_NAME, what);
        budget.charge(s.length() + 1L, view.fileOffset(), what);
        return s;
    }

    private Section sectionOf(long rva) {
        for (Section s : sections) {
            if (s.pointerToRawData() != 0 && s.containsFileBacked(rva)) {
                return s;
            }
        }
        return null;
    }
}
