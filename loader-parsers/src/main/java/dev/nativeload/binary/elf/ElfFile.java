package dev.nativeload.binary.elf;

import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.BinaryFormat;
import dev.nativeload.binary.BinaryImage;
import dev.nativeload.binary.BinarySummary;
import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.VersionNeed;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An ELF object (32/64-bit, either byte order), read the way the dynamic loader reads it: the
 * file header, the program headers, and the dynamic section found through {@code PT_DYNAMIC},
 * with every address translated through the {@code PT_LOAD} segments. Section headers are
 * consulted for nothing the loader does (only their names, as the last evidence of the OS when
 * nothing else names one), so a stripped object, or one whose section headers are missing or lie,
 * reads the same as the loader sees it.
 *
 * <p>Everything but the symbol table is read and checked by {@link #read(BinaryData)}; the symbol
 * and hash tables are read on the first symbol lookup, so a reader that wants the dependencies
 * never touches them. A malformed file raises {@link MalformedBinaryException}, never another
 * exception. Instances are immutable and safe to share between threads.
 */
public final class ElfFile implements BinaryImage {
    private final ElfHeader header;
    private final List<ProgramHeader> programHeaders;
    private final LoadSegments loadSegments;
    private final Optional<String> interpreter;
    private final DynamicSection dynamic;
    private final SymbolVersions versions;
    private final List<ElfNote> notes;
    private final BinaryData data;
    /** Read on the first lookup; a racy cache of an immutable value, so a data race only repeats the read. */
    private DynamicSymbols symbols;
    /** Read on first use, like {@link #symbols}. */
    private List<ElfRelocation> relocations;
    private BinarySummary summary;

    private ElfFile(BinaryData d) throws MalformedBinaryException {
        this.header = ElfHeader.read(d);
        BinaryData data = d.withOrder(header.byteOrder());
        this.programHeaders = ProgramHeaders.read(data, header);
        this.loadSegments = new LoadSegments(programHeaders);
        this.interpreter = readInterpreter(data, header, programHeaders);
        int dyn = firstOfType(programHeaders, SegmentType.DYNAMIC);
        this.dynamic = dyn >= 0
                ? DynamicSection.read(data, header, programHeaders.get(dyn), dyn, loadSegments)
                : DynamicSection.empty();
        this.versions = SymbolVersions.read(data, dynamic, loadSegments);
        this.notes = Notes.read(data, header, programHeaders);
        this.data = data;
    }

    /**
     * Reads an ELF file.
     *
     * @param file the file; only the pages holding the loader-visible parts are read
     * @return the parsed object
     * @throws IOException              if the file cannot be read
     * @throws MalformedBinaryException if the file is not a well-formed ELF object
     */
    public static ElfFile read(Path file) throws IOException, MalformedBinaryException {
        return BinaryData.read(file, ElfFile::read);
    }

    /**
     * Reads an ELF object from bytes already mapped or in memory.
     *
     * @param data the whole file, in any byte order (the file's {@code EI_DATA} decides)
     * @return the parsed object
     * @throws MalformedBinaryException if the bytes are not a well-formed ELF object
     */
    public static ElfFile read(BinaryData data) throws MalformedBinaryException {
        return new ElfFile(Objects.requireNonNull(data, "data"));
    }

    /** The first program header of a type, as readelf and Go's debug/elf take it; -1 if none. */
    private static int firstOfType(List<ProgramHeader> headers, SegmentType type) {
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).type().equals(type)) {
                return i;
            }
        }
        return -1;
    }

    private static Optional<String> readInterpreter(BinaryData d, ElfHeader h, List<ProgramHeader> headers)
            throws MalformedBinaryException {
        int i = firstOfType(headers, SegmentType.INTERP);
        if (i < 0) {
            return Optional.empty();
        }
        ProgramHeader p = headers.get(i);
        ProgramHeaders.requireInFile(d, h, p, i, "PT_INTERP");
        return Optional.of(d.cString(p.offset(), p.filesz(), "PT_INTERP"));
    }

    private BinarySummary summarize() {
        ElfPlatform platform = new ElfPlatform(header.osAbi(), interpreter, needed(), versionNeeds(), notes,
                this::sectionNamesAsEvidence);
        return new BinarySummary(BinaryFormat.ELF, architecture(), header.bits(), header.byteOrder(),
                header.type().name(), platform.os(), platform.libc(), soname(), needed(), rpath(), runpath(),
                interpreter, List.of(), versionNeeds());
    }

    /**
     * {@return the section names, in table order} The loader never reads them; {@link ElfPlatform} does, as the last
     * evidence of the OS.
     *
     * @throws MalformedBinaryException if the section header table or its string table lies outside the file
     */
    List<String> sectionNames() throws MalformedBinaryException {
        return SectionNames.read(data, header);
    }

    /** The section names as evidence: a table the loader ignores, malformed, is no evidence rather than an error. */
    private List<String> sectionNamesAsEvidence() {
        try {
            return sectionNames();
        } catch (MalformedBinaryException e) {
            return List.of();
        }
    }

    @Override
    public BinaryFormat format() {
        return BinaryFormat.ELF;
    }

    @Override
    public BinarySummary summary() {
        BinarySummary s = summary;
        if (s == null) {
            s = summarize();
            summary = s;
        }
        return s;
    }

    /** {@return the file header} */
    public ElfHeader header() {
        return header;
    }

    /** {@return the normalized architecture, from {@code e_machine}, the class and the byte order} */
    public Architecture architecture() {
        return header.machine().architecture(header.bits(), header.byteOrder());
    }

    /** {@return every program header, in file order} */
    public List<ProgramHeader> programHeaders() {
        return programHeaders;
    }

    /** {@return the {@code PT_LOAD} segments: the memory image, its span, address translation} */
    public LoadSegments loadSegments() {
        return loadSegments;
    }

    /** {@return the {@code PT_INTERP} path, if the object names a program interpreter} */
    public Optional<String> interpreter() {
        return interpreter;
    }

    /** {@return the dynamic section (empty for a static or relocatable object)} */
    public DynamicSection dynamic() {
        return dynamic;
    }

    /** {@return the {@code DT_NEEDED} names, in file order} */
    public List<String> needed() {
        return dynamic.needed();
    }

    /** {@return the {@code DT_SONAME}, if any} */
    public Optional<String> soname() {
        return dynamic.soname();
    }

    /** {@return the {@code DT_RPATH} elements, split on ':' with empty elements kept as ""} */
    public List<String> rpath() {
        return dynamic.rpath();
    }

    /** {@return the {@code DT_RUNPATH} elements, split on ':' with empty elements kept as ""} */
    public List<String> runpath() {
        return dynamic.runpath();
    }

    /** {@return the decoded {@code DT_FLAGS}} */
    public DynamicFlags flags() {
        return dynamic.flags();
    }

    /** {@return the decoded {@code DT_FLAGS_1}} */
    public DynamicFlags1 flags1() {
        return dynamic.flags1();
    }

    /**
     * {@return the symbol versions required from each dependency ({@code DT_VERNEED}): one entry per
     * file in order of first appearance, its versions de-duplicated in order of appearance}
     */
    public List<VersionNeed> versionNeeds() {
        return versions.needs();
    }

    /** {@return the symbol versions this object defines ({@code DT_VERDEF}), base entry first} */
    public List<VersionDefinition> versionDefinitions() {
        return versions.definitions();
    }

    /** {@return the notes of every {@code PT_NOTE} segment, in file order} */
    public List<ElfNote> notes() {
        return notes;
    }

    /** {@return the {@code NT_GNU_BUILD_ID} as lowercase hex, if the object has one} */
    public Optional<String> buildId() {
        return notes.stream().filter(n -> n.owner().equals("GNU") && n.type() == ElfNote.NT_GNU_BUILD_ID)
                .map(ElfNote::descriptor).findFirst();
    }

    /** {@return the hash table symbol lookups use: {@code "gnu"}, {@code "sysv"}, or {@code "none"}} */
    public String symbolHashStyle() {
        return DynamicSymbols.hashStyle(dynamic);
    }

    private DynamicSymbols symbols() throws MalformedBinaryException {
        DynamicSymbols s = symbols;
        if (s == null) {
            s = DynamicSymbols.read(data, header, dynamic, loadSegments, versions);
            symbols = s;
        }
        return s;
    }

    /**
     * {@return every dynamic symbol, index 0 first; the count comes from the hash table (SysV
     * {@code nchain}, or the GNU table's buckets and chains); empty without a hash table}
     *
     * @throws MalformedBinaryException if the symbol or hash table is broken
     */
    public List<ElfSymbol> dynamicSymbols() throws MalformedBinaryException {
        return symbols().all();
    }

    /**
     * Finds the default definition of a dynamic symbol, as an unversioned {@code dlsym} would:
     * through the GNU hash table when present, else the SysV one; a definition whose version is
     * hidden ({@code name@VERSION}) is not the default and is skipped.
     *
     * @param name the symbol name
     * @return the defined symbol, or empty when this object does not export it
     * @throws MalformedBinaryException if the hash or symbol table is broken
     */
    public Optional<ElfSymbol> findSymbol(String name) throws MalformedBinaryException {
        return symbols().find(name, s -> !s.hiddenVersion());
    }

    /**
     * Finds the definition of a dynamic symbol at one version, hidden or default.
     *
     * @param name    the symbol name
     * @param version the version name, such as {@code ZOO_1.0}
     * @return the defined symbol, or empty when this object does not export it at that version
     * @throws MalformedBinaryException if the hash or symbol table is broken
     */
    public Optional<ElfSymbol> findSymbol(String name, String version) throws MalformedBinaryException {
        return symbols().find(name, s -> s.version().filter(version::equals).isPresent());
    }

    /**
     * {@return the symbol versions required from each dependency, one entry per {@code DT_VERNEED}
     * auxiliary record in file order, with the index, flags and hash the loader checks}
     */
    public List<VersionRequirement> versionRequirements() {
        return versions.requirements();
    }

    /**
     * {@return the dynamic relocations that name a symbol ({@code DT_RELA}, {@code DT_REL}, then
     * {@code DT_JMPREL}), in table order; the ones that name none (relative, {@code IRELATIVE}) are left
     * out. Read on the first call.}
     *
     * @throws MalformedBinaryException if a table lies outside the file or its tags are inconsistent
     */
    public List<ElfRelocation> symbolRelocations() throws MalformedBinaryException {
        List<ElfRelocation> r = relocations;
        if (r == null) {
            r = DynamicRelocations.read(data, header, dynamic, loadSegments);
            relocations = r;
        }
        return r;
    }

    /**
     * {@return the dynamic symbol at an index, as a relocation names it}
     *
     * @param index the index in the dynamic symbol table
     * @throws MalformedBinaryException if there is no symbol table or the entry lies outside the file
     */
    public ElfSymbol dynamicSymbol(long index) throws MalformedBinaryException {
        DynamicSymbols s = symbols();
        if (!s.present() || index < 0) {
            throw new MalformedBinaryException(0, "dynamic symbol " + index + " requested, but the object has no DT_SYMTAB");
        }
        return s.symbol(index);
    }

    /**
     * {@return the raw {@code DT_VERSYM} entry of a dynamic symbol: the version index in the low 15
     * bits, the hidden bit 0x8000; -1 when the object has no version table}
     *
     * @param index the symbol's index in the dynamic symbol table
     * @throws MalformedBinaryException if the entry lies outside the file
     */
    public int symbolVersionIndex(long index) throws MalformedBinaryException {
        return symbols().versionIndex(index);
    }

    /**
     * {@return every dynamic symbol with this name that the hash table (GNU, else SysV) leads to, in
     * chain order, defined or undefined: the candidates {@code ld.so} checks one by one; empty
     * without a hash table}
     *
     * @param name the symbol name
     * @throws MalformedBinaryException if the hash or symbol table is broken
     */
    public List<ElfSymbol> symbolsNamed(String name) throws MalformedBinaryException {
        return symbols().named(LookupName.of(name));
    }

    /**
     * {@return every dynamic symbol with this name that the hash table leads to, as {@link
     * #symbolsNamed(String)}, for a name hashed once and looked up in many objects}; the names of the
     * candidates are compared as bytes in the file, and only the matching ones are decoded
     *
     * @param name the symbol name, hashed
     * @throws MalformedBinaryException if the hash or symbol table is broken
     */
    public List<ElfSymbol> symbolsNamed(LookupName name) throws MalformedBinaryException {
        return symbols().named(name);
    }

    /** {@return whether the object has a hash table lookups can use (GNU or SysV)} */
    public boolean hasSymbolHash() {
        return !symbolHashStyle().equals("none");
    }
}
