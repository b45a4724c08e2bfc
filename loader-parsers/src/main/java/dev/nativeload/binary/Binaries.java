package dev.nativeload.binary;

import dev.nativeload.binary.elf.ElfFile;
import dev.nativeload.binary.macho.FatMachOFile;
import dev.nativeload.binary.macho.MachOFile;
import dev.nativeload.binary.pe.PeFile;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Optional;

/** The format-sniffing entry point: reads any ELF, PE/COFF or (fat) Mach-O file. */
public final class Binaries {
    private Binaries() {
    }

    /**
     * Reads a binary, choosing the parser from the file's magic number.
     *
     * @param file the file to read; only its headers and the loader-visible tables are touched
     * @return the parsed binary
     * @throws IOException              if the file cannot be read
     * @throws NotABinaryException      if the file is none of the formats read here
     * @throws MalformedBinaryException if the file claims a format but breaks its rules
     */
    public static NativeBinary read(Path file) throws IOException, NotABinaryException, MalformedBinaryException {
        return BinaryData.read(file, Binaries::read);
    }

    /**
     * Reads a binary already in memory.
     *
     * @param data the whole file
     * @return the parsed binary
     * @throws NotABinaryException      if the bytes are none of the formats read here
     * @throws MalformedBinaryException if the bytes claim a format but break its rules
     */
    public static NativeBinary read(BinaryData data) throws NotABinaryException, MalformedBinaryException {
        BinaryFormat format = sniff(data).orElseThrow(() -> new NotABinaryException(
                data.size() == 0 ? NotABinaryException.Reason.EMPTY
                        : foreignFormat(data).isPresent() ? NotABinaryException.Reason.FOREIGN_FORMAT
                        : NotABinaryException.Reason.UNKNOWN_FORMAT,
                foreignFormat(data).orElseGet(() -> describeUnknown(data))));
        return switch (format) {
            case ELF -> ElfFile.read(data);
            case PE -> PeFile.read(data);
            case MACHO -> MachOFile.read(data);
            case FAT_MACHO -> FatMachOFile.read(data);
        };
    }

    /**
     * Tells the format from the first bytes, without parsing further.
     *
     * @param data the file's bytes
     * @return the format, or empty when the magic matches none
     */
    public static Optional<BinaryFormat> sniff(BinaryData data) {
        if (!data.contains(0, 4)) {
            return data.contains(0, 2) && isMz(data) ? Optional.of(BinaryFormat.PE) : Optional.empty();
        }
        try {
            BinaryData be = data.withOrder(ByteOrder.BIG_ENDIAN);
            long magic = be.u32(0, "magic");
            if (magic == 0x7F454C46L) {
                return Optional.of(BinaryFormat.ELF);
            }
            if (magic == 0xFEEDFACEL || magic == 0xFEEDFACFL || magic == 0xCEFAEDFEL || magic == 0xCFFAEDFEL) {
                return Optional.of(BinaryFormat.MACHO);
            }
            if (magic == 0xCAFEBABEL || magic == 0xCAFEBABFL) {
                // 0xCAFEBABE is also a Java class file; there the next word is a class version (>= 45),
                // above the fat reader's cap.
                long count = data.contains(4, 4) ? be.u32(4, "fat architecture count") : 0;
                return count > 0 && count <= FatMachOFile.MAX_ARCHES ? Optional.of(BinaryFormat.FAT_MACHO) : Optional.empty();
            }
            if (isMz(data)) {
                return Optional.of(BinaryFormat.PE);
            }
            return Optional.empty();
        } catch (MalformedBinaryException impossible) {
            throw new AssertionError("length was checked", impossible);
        }
    }

    /** {@return what a file of a foreign executable format is (AIX's XCOFF), or empty} */
    private static Optional<String> foreignFormat(BinaryData data) {
        try {
            if (data.contains(0, 8) && "<bigaf>\n".equals(data.fixedString(0, 8, "magic"))) {
                return Optional.of("an AIX big archive (XCOFF members), not ELF, PE or Mach-O");
            }
            if (data.contains(0, 2)) {
                int magic = data.withOrder(ByteOrder.BIG_ENDIAN).u16(0, "magic");
                if (magic == 0x01DF || magic == 0x01F7) {
                    return Optional.of("an XCOFF " + (magic == 0x01F7 ? "64" : "32") + "-bit object (AIX), not ELF, PE or Mach-O");
                }
            }
            return Optional.empty();
        } catch (MalformedBinaryException impossible) {
            throw new AssertionError("length was checked", impossible);
        }
    }

    private static boolean isMz(BinaryData data) {
        try {
            return data.u8(0, "magic") == 'M' && data.u8(1, "magic") == 'Z';
        } catch (MalformedBinaryException tooShort) {
            return false;
        }
    }

    private static String describeUnknown(BinaryData data) {
        if (data.size() == 0) {
            return "empty file";
        }
        try {
            if (data.contains(0, 4) && data.withOrder(ByteOrder.BIG_ENDIAN).u32(0, "magic") == 0xCAFEBABEL) {
                return "a Java class file, not a native binary";
            }
            if (data.contains(0, 8) && "!<arch>\n".equals(data.fixedString(0, 8, "magic"))) {
                return "a static archive (ar), not a loadable library";
            }
            if (data.contains(0, 2) && data.u8(0, "magic") == '#' && data.u8(1, "magic") == '!') {
                return "a script, not a native binary";
            }
            int n = (int) Math.min(4, data.size());
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < n; i++) {
                hex.append(String.format("%02x", data.u8(i, "magic")));
            }
            return "unknown format (first bytes " + hex + "): not ELF, PE or Mach-O";
        } catch (MalformedBinaryException impossible) {
            throw new AssertionError("length was checked", impossible);
        }
    }
}
