package dev.nativeload.binary.macho;

import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.MalformedBinaryException;
import java.util.Collection;

/**
 * Reads the imports table of {@code LC_DYLD_CHAINED_FIXUPS}: after the
 * {@code dyld_chained_fixups_header}, {@code imports_count} entries in one of three formats, each
 * a library ordinal, a weak-import bit and the offset of the name in the symbol pool.
 * <ul>
 * <li>{@code DYLD_CHAINED_IMPORT} (1): 32 bits, ordinal in the low 8 (above 0xF0 it sign-extends to
 *     the special ordinals), weak in bit 8, name offset in the top 23;</li>
 * <li>{@code DYLD_CHAINED_IMPORT_ADDEND} (2): the same and a 32-bit addend;</li>
 * <li>{@code DYLD_CHAINED_IMPORT_ADDEND64} (3): 64 bits, ordinal in the low 16 (above 0xFFF0
 *     sign-extended), weak in bit 16, name offset in the top 32, then a 64-bit addend.</li>
 * </ul>
 * Only uncompressed symbol pools ({@code symbols_format} 0) are read, as dyld does.
 */
final class ChainedFixupImports {
    private static final int IMPORT = 1;
    private static final int IMPORT_ADDEND = 2;
    private static final int IMPORT_ADDEND64 = 3;
    private static final int HEADER_SIZE = 28;

    private ChainedFixupImports() {
    }

    static void read(BinaryData blob, Collection<MachOImport> into) throws MalformedBinaryException {
        long version = blob.u32(0, "chained fixups version");
        if (version != 0) {
            throw new MalformedBinaryException(blob.fileOffset(), "unknown chained fixups version " + version);
        }
        blob.check(0, HEADER_SIZE, "chained fixups header");
        long importsOffset = blob.u32(8, "chained fixups imports_offset");
        long symbolsOffset = blob.u32(12, "chained fixups symbols_offset");
        long count = blob.u32(16, "chained fixups imports_count");
        long format = blob.u32(20, "chained fixups imports_format");
        long symbolsFormat = blob.u32(24, "chained fixups symbols_format");
        if (symbolsFormat != 0) {
            throw new MalformedBinaryException(blob.fileOffset() + 24,
                    "chained fixups symbols_format " + symbolsFormat + " (compressed) is not supported");
        }
        int width = switch ((int) format) {
            case IMPORT -> 4;
            case IMPORT_ADDEND -> 8;
            case IMPORT_ADDEND64 -> 16;
            default -> throw new MalformedBinaryException(blob.fileOffset() + 20,
                    "unknown chained fixups imports_format " + format);
        };
        blob.check(importsOffset, Math.multiplyExact(count, width), "chained fixups imports table");
        blob.check(symbolsOffset, 0, "chained fixups symbol pool");
        long poolSize = blob.size() - symbolsOffset;
        for (long i = 0; i < count; i++) {
            long at = importsOffset + i * width;
            int ordinal;
            boolean weak;
            long nameOffset;
            if (format == IMPORT_ADDEND64) {
                long raw = blob.u64(at, "chained import");
                ordinal = (int) (raw & 0xFFFF);
                ordinal = ordinal > 0xFFF0 ? (short) ordinal : ordinal;
                weak = (raw >>> 16 & 1) != 0;
                nameOffset = raw >>> 32;
            } else {
                long raw = blob.u32(at, "chained import");
                ordinal = (int) (raw & 0xFF);
                ordinal = ordinal > 0xF0 ? (byte) ordinal : ordinal;
                weak = (raw >>> 8 & 1) != 0;
                nameOffset = raw >>> 9;
            }
            if (nameOffset >= poolSize) {
                throw new MalformedBinaryException(blob.fileOffset() + at, "chained import " + i + " name offset 0x"
                        + Long.toHexString(nameOffset) + " is outside the symbol pool (0x" + Long.toHexString(poolSize)
                        + " bytes)");
            }
            String name = blob.cString(symbolsOffset + nameOffset, poolSize - nameOffset, "chained import name");
            into.add(new MachOImport(name, ordinal, weak, MachOImport.Source.CHAINED_FIXUPS));
        }
    }
}
