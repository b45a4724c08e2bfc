package dev.nativeload.binary.pe;

import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.BinaryFormat;
import dev.nativeload.binary.BinaryImage;
import dev.nativeload.binary.BinarySummary;
import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.TargetOs;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A PE/COFF image (Windows DLL or EXE) read from its headers and loader tables: the COFF and
 * optional headers, the section table, the import and delay-load import directories and the
 * export directory.
 *
 * <p>Everything is read and checked by {@link #read(BinaryData)}; the accessors never fail. A
 * malformed file raises {@link MalformedBinaryException} with the offset of the bad field.
 */
public final class PeFile implements BinaryImage {
    private final long peHeaderOffset;
    private final CoffHeader coffHeader;
    private final Optional<OptionalHeader> optionalHeader;
    private final List<Section> sections;
    private final List<ImportedDll> imports;
    private final List<DelayImportedDll> delayImports;
    private final Optional<ExportDirectory> exports;
    private final ImageView image;

    private PeFile(HeaderReader.Headers headers, List<ImportedDll> imports, List<DelayImportedDll> delayImports,
                   Optional<ExportDirectory> exports, ImageView image) {
        this.peHeaderOffset = headers.peOffset();
        this.coffHeader = headers.coff();
        this.optionalHeader = headers.optional();
        this.sections = headers.sections();
        this.imports = List.copyOf(imports);
        this.delayImports = List.copyOf(delayImports);
        this.exports = exports;
        this.image = image;
    }

    /**
     * Maps and reads a PE file.
     *
     * @param file the file
     * @return the parsed image
     * @throws IOException              if the file cannot be read
     * @throws MalformedBinaryException if the file is not a well-formed PE image
     */
    public static PeFile read(Path file) throws IOException, MalformedBinaryException {
        return BinaryData.read(file, PeFile::read);
    }

    /**
     * Reads a PE file from its bytes (read little-endian whatever the view's order).
     *
     * @param data the whole file
     * @return the parsed image
     * @throws MalformedBinaryException if the bytes are not a well-formed PE image
     */
    public static PeFile read(BinaryData data) throws MalformedBinaryException {
        BinaryData le = data.withOrder(ByteOrder.LITTLE_ENDIAN);
        HeaderReader.Headers headers = HeaderReader.read(le);
        long sizeOfHeaders = headers.optional().map(OptionalHeader::sizeOfHeaders).orElse(0L);
        ImageView image = new ImageView(le, headers.sections(), sizeOfHeaders);
        if (headers.optional().isEmpty()) {
            return new PeFile(headers, List.of(), List.of(), Optional.empty(), image);
        }
        OptionalHeader optional = headers.optional().get();
        ImportReader importReader = new ImportReader(image, optional.pe32Plus(), optional.imageBase());
        List<ImportedDll> imports = List.of();
        Optional<DataDirectory> importDirectory = optional.directory(DataDirectory.IMPORT);
        if (importDirectory.isPresent()) {
            imports = importReader.imports(importDirectory.get(), headers.directoryOffset(DataDirectory.IMPORT));
        }
        List<DelayImportedDll> delay = List.of();
        Optional<DataDirectory> delayDirectory = optional.directory(DataDirectory.DELAY_IMPORT);
        if (delayDirectory.isPresent()) {
            delay = importReader.delayImports(delayDirectory.get(), headers.directoryOffset(DataDirectory.DELAY_IMPORT));
        }
        Optional<ExportDirectory> exports = Optional.empty();
        Optional<DataDirectory> exportDirectory = optional.directory(DataDirectory.EXPORT);
        if (exportDirectory.isPresent()) {
            exports = Optional.of(ExportReader.read(image, exportDirectory.get(),
                    headers.directoryOffset(DataDirectory.EXPORT)));
        }
        return new PeFile(headers, imports, delay, exports, image);
    }

    @Override
    public BinaryFormat format() {
        return BinaryFormat.PE;
    }

    /** {@return the file offset of the {@code PE\0\0} signature (the DOS header's {@code e_lfanew})} */
    public long peHeaderOffset() {
        return peHeaderOffset;
    }

    /** {@return the COFF file header} */
    public CoffHeader coffHeader() {
        return coffHeader;
    }

    /** {@return the target machine} */
    public Machine machine() {
        return coffHeader.machine();
    }

    /** {@return the optional header, absent in an object file} */
    public Optional<OptionalHeader> optionalHeader() {
        return optionalHeader;
    }

    /** {@return whether the optional header is PE32+ (64-bit)} */
    public boolean isPe32Plus() {
        return optionalHeader.map(OptionalHeader::pe32Plus).orElse(false);
    }

    /** {@return the subsystem, absent without an optional header} */
    public Optional<Subsystem> subsystem() {
        return optionalHeader.map(OptionalHeader::subsystem);
    }

    /** {@return whether the COFF characteristics mark the image as a DLL} */
    public boolean isDll() {
        return coffHeader.characteristics().isDll();
    }

    /** {@return the section table, in file order} */
    public List<Section> sections() {
        return sections;
    }

    /** {@return the import directory: each DLL with its functions, in table order} */
    public List<ImportedDll> imports() {
        return imports;
    }

    /** {@return the delay-load import directory, in table order} */
    public List<DelayImportedDll> delayImports() {
        return delayImports;
    }

    /** {@return the export directory, when the image has one} */
    public Optional<ExportDirectory> exports() {
        return exports;
    }

    /**
     * {@return the file offset that holds an RVA: through the section whose file data covers it, or
     * the headers (mapped at RVA 0); empty for an address with no bytes in the file}
     *
     * @param rva a relative virtual address
     */
    public OptionalLong fileOffset(long rva) {
        return image.fileOffset(rva);
    }

    @Override
    public BinarySummary summary() {
        String fileType = optionalHeader.isEmpty() ? "OBJ" : isDll() ? "DLL" : "EXE";
        int bits = optionalHeader.map(OptionalHeader::bits).orElse(machine().is32Bit()
                || coffHeader.characteristics().has(FileCharacteristics.MACHINE_32BIT) ? 32 : 64);
        return new BinarySummary(
                BinaryFormat.PE,
                machine().architecture(),
                bits,
                ByteOrder.LITTLE_ENDIAN,
                fileType,
                TargetOs.WINDOWS,
                LibcFlavor.NOT_APPLICABLE,
                exports.flatMap(ExportDirectory::dllName),
                imports.stream().map(ImportedDll::name).toList(),
                List.of(),
                List.of(),
                Optional.empty(),
                delayImports.stream().map(DelayImportedDll::name).toList(),
                List.of());
    }

    @Override
    public String toString() {
        return "PeFile[" + machine() + ", " + (optionalHeader.isEmpty() ? "COFF object" : isPe32Plus() ? "PE32+" : "PE32")
                + ", " + (isDll() ? "DLL" : "EXE") + ", " + imports.size() + " imports]";
    }
}
