package dev.nativeload.binary.macho;

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
import java.util.UUID;

/**
 * One Mach-O image: a thin file, or one slice of a {@link FatMachOFile}.
 *
 * <p>Reads the Mach header and the load commands; the {@linkplain #exports() exports} and
 * {@linkplain #imports() imports} are read on first use (from the same bytes: a file read with
 * {@link #read(Path)} is opened again). Every count, offset and size is checked against the image (see {@link #read(BinaryData)} for
 * the rules); a malformed image raises {@link MalformedBinaryException} with the offset.
 */
public final class MachOFile implements BinaryImage {
    private final MachHeader header;
    private final List<LoadCommand> commands;
    private final LoadCommands.Index index;
    private final BinarySummary summary;
    private final BinaryData data;
    /** Read on first use; racy caches of immutable values, so a race only repeats the read. */
    private List<MachOExport> exports;
    private List<MachOImport> imports;

    private MachOFile(BinaryData data, MachHeader header, List<LoadCommand> commands) {
        this.data = data;
        this.header = header;
        this.commands = List.copyOf(commands);
        this.index = LoadCommands.index(this.commands);
        this.summary = summarize();
    }

    /**
     * Reads a thin Mach-O file.
     *
     * @param file the file
     * @return the image
     * @throws IOException              if the file cannot be read
     * @throws MalformedBinaryException if it is not a well-formed Mach-O image (a fat file included:
     *                                  read that with {@link FatMachOFile#read(Path)})
     */
    public static MachOFile read(Path file) throws IOException, MalformedBinaryException {
        return BinaryData.read(file, MachOFile::read);
    }

    /**
     * Reads a Mach-O image from bytes: a whole thin file, or a fat file's slice. The byte order
     * comes from the magic, whatever the order of {@code data}.
     *
     * <p>Checked: the magic; {@code ncmds} at most 65,536 and at most {@code sizeofcmds / 8};
     * {@code sizeofcmds} inside the image; each {@code cmdsize} at least 8, a multiple of 4 (not
     * 8, even for 64-bit images: dyld accepts 4) and inside {@code sizeofcmds}; each decoded
     * command at least its fixed size, its strings inside it and NUL-terminated, segment sections
     * inside the command and segment file ranges inside the image.
     *
     * @param data the image's bytes
     * @return the image
     * @throws MalformedBinaryException if the bytes break any of those rules
     */
    public static MachOFile read(BinaryData data) throws MalformedBinaryException {
        MachHeader header = readHeader(data);
        BinaryData ordered = data.withOrder(header.byteOrder());
        return new MachOFile(ordered, header, LoadCommandParser.parse(ordered, header));
    }

    private static MachHeader readHeader(BinaryData data) throws MalformedBinaryException {
        BinaryData le = data.withOrder(ByteOrder.LITTLE_ENDIAN);
        long raw = le.u32(0, "Mach-O magic");
        ByteOrder order;
        if (raw == MachHeader.MAGIC_32 || raw == MachHeader.MAGIC_64) {
            order = ByteOrder.LITTLE_ENDIAN;
        } else if (Integer.reverseBytes((int) raw) == (int) MachHeader.MAGIC_32
                || Integer.reverseBytes((int) raw) == (int) MachHeader.MAGIC_64) {
            order = ByteOrder.BIG_ENDIAN;
        } else if (Integer.reverseBytes((int) raw) == (int) FatMachOFile.MAGIC
                || Integer.reverseBytes((int) raw) == (int) FatMachOFile.MAGIC_64) {
            throw new MalformedBinaryException(data.fileOffset(),
                    "a universal (fat) Mach-O file, not a single image: read it with FatMachOFile");
        } else {
            throw new MalformedBinaryException(data.fileOffset(), "not a Mach-O image: magic 0x" + Long.toHexString(raw));
        }
        BinaryData d = data.withOrder(order);
        long magic = d.u32(0, "Mach-O magic");
        boolean is64 = magic == MachHeader.MAGIC_64;
        d.check(0, is64 ? 32 : 28, "Mach-O header");
        CpuType cpu = new CpuType(d.s32(4, "cputype"));
        return new MachHeader(magic, is64, order, cpu, new CpuSubtype(cpu, d.s32(8, "cpusubtype")),
                new FileType(d.s32(12, "filetype")), d.u32(16, "ncmds"), d.u32(20, "sizeofcmds"),
                new HeaderFlags(d.s32(24, "flags")));
    }

    @Override
    public BinaryFormat format() {
        return BinaryFormat.MACHO;
    }

    /** {@return the Mach header} */
    public MachHeader header() {
        return header;
    }

    /** {@return every load command, in file order} */
    public List<LoadCommand> loadCommands() {
        return commands;
    }

    /**
     * {@return the load commands of one record type, in file order}
     *
     * @param <T>  the record type
     * @param type its class, such as {@code LoadCommand.Dylib.class}
     */
    public <T extends LoadCommand> List<T> loadCommands(Class<T> type) {
        return commands.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** {@return the library's own {@code LC_ID_DYLIB}, if any (the first, should there be several)} */
    public Optional<LoadCommand.Dylib> id() {
        return index.id();
    }

    /** {@return the dependency commands (every dylib command but {@code LC_ID_DYLIB}), in file order} */
    public List<LoadCommand.Dylib> dependencies() {
        return index.dependencies();
    }

    /** {@return the {@code LC_RPATH} entries, in file order} */
    public List<String> rpaths() {
        return index.rpaths();
    }

    /** {@return the {@code LC_BUILD_VERSION} command, if any (the first)} */
    public Optional<LoadCommand.BuildVersion> buildVersion() {
        return index.buildVersion();
    }

    /** {@return the {@code LC_VERSION_MIN_*} command, if any (the first)} */
    public Optional<LoadCommand.VersionMin> versionMin() {
        return index.versionMin();
    }

    /** {@return the target platform: from {@code LC_BUILD_VERSION}, else from {@code LC_VERSION_MIN_*}; empty if neither} */
    public Optional<Platform> platform() {
        return buildVersion().map(LoadCommand.BuildVersion::platform)
                .or(() -> versionMin().map(LoadCommand.VersionMin::platform));
    }

    /** {@return the minimum OS version, from the same command as {@link #platform()}} */
    public Optional<MachOVersion> minOs() {
        return buildVersion().map(LoadCommand.BuildVersion::minOs)
                .or(() -> versionMin().map(LoadCommand.VersionMin::minOs));
    }

    /** {@return the SDK version, from the same command as {@link #platform()}} */
    public Optional<MachOVersion> sdk() {
        return buildVersion().map(LoadCommand.BuildVersion::sdk)
                .or(() -> versionMin().map(LoadCommand.VersionMin::sdk));
    }

    /** {@return the {@code LC_UUID}, if any (the first)} */
    public Optional<UUID> uuid() {
        return index.uuid();
    }

    /** {@return the segments, in file order} */
    public List<LoadCommand.Segment> segments() {
        return index.segments();
    }

    /** {@return the {@code LC_LOAD_DYLINKER} path, if any (executables: {@code /usr/lib/dyld})} */
    public Optional<String> dylinker() {
        return index.dylinker();
    }

    /** {@return the {@code LC_MAIN} entry point, if any (the first)} */
    public Optional<LoadCommand.EntryPoint> entryPoint() {
        return index.entryPoint();
    }

    /**
     * {@return the symbols the image exports, in trie order}: from {@code LC_DYLD_EXPORTS_TRIE}, else the
     * export trie of {@code LC_DYLD_INFO(_ONLY)}, else (old images) the defined, non-private externals of
     * {@code LC_SYMTAB}. Re-exports are listed with where they lead, not followed.
     *
     * @throws MalformedBinaryException if the trie or the symbol table is malformed (a loop, an offset
     *                                  outside it, an overlong number)
     */
    public List<MachOExport> exports() throws MalformedBinaryException {
        List<MachOExport> e = exports;
        if (e == null) {
            e = List.copyOf(LinkEditSymbols.exports(data, header, commands));
            exports = e;
        }
        return e;
    }

    /**
     * {@return the symbols the image imports, each (name, library ordinal, weak, source) once, in table
     * order}: from the imports table of {@code LC_DYLD_CHAINED_FIXUPS}, else the bind, weak bind and lazy
     * bind opcodes of {@code LC_DYLD_INFO(_ONLY)}, else (old images) the undefined externals of
     * {@code LC_SYMTAB}
     *
     * @throws MalformedBinaryException if the table or the opcodes are malformed
     */
    public List<MachOImport> imports() throws MalformedBinaryException {
        List<MachOImport> i = imports;
        if (i == null) {
            i = LinkEditSymbols.imports(data, header, commands);
            imports = i;
        }
        return i;
    }

    /**
     * {@inheritDoc}
     *
     * <p>For Mach-O: the architecture from the CPU type (arm64e is {@code aarch64}; see
     * {@link MachHeader#cpuSubtype()}); {@code os} {@link TargetOs#MACOS} for macOS and Mac Catalyst
     * and for an image that names no platform, {@link TargetOs#UNKNOWN} for the other Apple
     * platforms (see {@link #platform()}); {@code needed} every dependency command in file order,
     * whatever its kind; {@code interpreter} the {@code LC_LOAD_DYLINKER} path.
     */
    @Override
    public BinarySummary summary() {
        return summary;
    }

    private BinarySummary summarize() {
        TargetOs os = platform().map(Platform::targetOs).orElse(TargetOs.MACOS);
        return new BinarySummary(BinaryFormat.MACHO, header.cpuType().architecture(), header.is64() ? 64 : 32,
                header.byteOrder(), header.fileType().name(), os, LibcFlavor.NOT_APPLICABLE,
                id().map(LoadCommand.Dylib::name), index.dependencyNames(),
                rpaths(), List.of(), dylinker(), List.of(), List.of());
    }

    @Override
    public String toString() {
        return "Mach-O " + header.cpuSubtype().archName() + " " + header.fileType() + id().map(d -> " " + d.name()).orElse("");
    }
}
