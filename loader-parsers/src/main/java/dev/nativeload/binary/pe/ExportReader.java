package dev.nativeload.binary.pe;

import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.MalformedBinaryException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the export directory: address table, name pointer table and ordinal table. */
final class ExportReader {
    private static final int DIRECTORY_SIZE = 40;

    private ExportReader() {
    }

    static ExportDirectory read(ImageView image, DataDirectory directory, long from) throws MalformedBinaryException {
        BinaryData dir = image.at(directory.virtualAddress(), "export directory", from);
        dir.check(0, DIRECTORY_SIZE, "export directory");
        long at = dir.fileOffset();
        long timeDateStamp = dir.u32(4, "export TimeDateStamp");
        long nameRva = dir.u32(12, "export Name");
        long base = dir.u32(16, "export Base");
        long functionCount = dir.u32(20, "export NumberOfFunctions");
        long nameCount = dir.u32(24, "export NumberOfNames");
        long functionsRva = dir.u32(28, "export AddressOfFunctions");
        long namesRva = dir.u32(32, "export AddressOfNames");
        long ordinalsRva = dir.u32(36, "export AddressOfNameOrdinals");
        Optional<String> dllName = nameRva == 0
                ? Optional.empty()
                : Optional.of(image.string(nameRva, "exported DLL name", at + 12));

        BinaryData functions = table(image, functionsRva, functionCount, 4, "export address table", at + 20);
        BinaryData names = table(image, namesRva, nameCount, 4, "export name pointer table", at + 24);
        BinaryData ordinals = table(image, ordinalsRva, nameCount, 2, "export ordinal table", at + 24);

        Map<Long, List<String>> namesByIndex = new HashMap<>();
        List<String> nameTable = new ArrayList<>();
        for (long i = 0; i < nameCount; i++) {
            image.budget().charge(6, names.fileOffset() + 4 * i, "export name");
            long index = ordinals.u16(2 * i, "export name ordinal");
            if (index >= functionCount) {
                throw new MalformedBinaryException(ordinals.fileOffset() + 2 * i, "export name ordinal " + index
                        + " is past the address table's " + functionCount + " entries");
            }
            String name = image.string(names.u32(4 * i, "export name pointer"), "exported name", names.fileOffset() + 4 * i);
            namesByIndex.computeIfAbsent(index, k -> new ArrayList<>()).add(name);
            nameTable.add(name);
        }

        long dirStart = directory.virtualAddress();
        long dirEnd = dirStart + directory.size();
        List<Export> exports = new ArrayList<>();
        for (long i = 0; i < functionCount; i++) {
            image.budget().charge(4, functions.fileOffset() + 4 * i, "export address");
            long rva = functions.u32(4 * i, "export address");
            List<String> exportNames = namesByIndex.getOrDefault(i, List.of());
            if (rva == 0 && exportNames.isEmpty()) {
                continue;
            }
            Optional<String> forwarder = rva >= dirStart && rva < dirEnd
                    ? Optional.of(image.string(rva, "export forwarder", functions.fileOffset() + 4 * i))
                    : Optional.empty();
            exports.add(new Export(base + i, exportNames, rva, forwarder));
        }
        return new ExportDirectory(dllName, timeDateStamp, base, exports, nameTable);
    }

    /** A table of {@code count} entries, checked against its section before anything is read or allocated. */
    private static BinaryData table(ImageView image, long rva, long count, int width, String what, long from)
            throws MalformedBinaryException {
        if (count == 0) {
            return BinaryData.of(new byte[0], ByteOrder.LITTLE_ENDIAN);
        }
        BinaryData view = image.at(rva, what, from);
        long bytes = count * width;
        if (!view.contains(0, bytes)) {
            throw new MalformedBinaryException(from, "invalid " + what + " entry count " + count + ": 0x"
                    + Long.toHexString(bytes) + " bytes at RVA 0x" + Long.toHexString(rva)
                    + " do not fit in its section (0x" + Long.toHexString(view.size()) + " bytes left)");
        }
        return view;
    }
}
