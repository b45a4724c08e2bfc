package dev.nativeload.binary.elf;

import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.MalformedBinaryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The dynamic array, found the way {@code ld.so} finds it: through {@code PT_DYNAMIC}, never
 * through section headers. Its names are read from the string table at {@code DT_STRTAB},
 * whose address is translated to a file offset through the {@code PT_LOAD} segments.
 */
public final class DynamicSection {
    /** More dynamic entries than this is hostile; real objects have a few dozen. */
    static final int MAX_ENTRIES = 1 << 16;

    private final List<DynamicEntry> entries;
    private final StringTable strings;
    private final List<String> needed;
    private final Optional<String> soname;
    private final List<String> rpath;
    private final List<String> runpath;

    private DynamicSection(List<DynamicEntry> entries, StringTable strings, List<String> needed,
                           Optional<String> soname, List<String> rpath, List<String> runpath) {
        this.entries = entries;
        this.strings = strings;
        this.needed = needed;
        this.soname = soname;
        this.rpath = rpath;
        this.runpath = runpath;
    }

    static DynamicSection empty() {
        return new DynamicSection(List.of(), StringTable.missing(-1), List.of(), Optional.empty(), List.of(), List.of());
    }

    /**
     * @param index the index of the {@code PT_DYNAMIC} program header, for errors
     */
    static DynamicSection read(BinaryData d, ElfHeader h, ProgramHeader dynamic, int index, LoadSegments loads)
            throws MalformedBinaryException {
        ProgramHeaders.requireInFile(d, h, dynamic, index, "PT_DYNAMIC");
        List<DynamicEntry> entries = readEntries(d, h, dynamic);
        StringTable strings = stringTable(d, entries, loads, dynamic.offset());
        List<String> needed = new ArrayList<>();
        List<String> rpath = new ArrayList<>();
        List<String> runpath = new ArrayList<>();
        String soname = null;
        for (DynamicEntry e : entries) {
            long tag = e.tag().value();
            if (tag == DynamicTag.NEEDED.value()) {
                needed.add(strings.get(e.value(), "DT_NEEDED"));
            } else if (tag == DynamicTag.SONAME.value() && soname == null) {
                soname = strings.get(e.value(), "DT_SONAME");
            } else if (tag == DynamicTag.RPATH.value()) {
                rpath.addAll(splitPath(strings.get(e.value(), "DT_RPATH")));
            } else if (tag == DynamicTag.RUNPATH.value()) {
                runpath.addAll(splitPath(strings.get(e.value(), "DT_RUNPATH")));
            }
        }
        return new DynamicSection(List.copyOf(entries), strings, List.copyOf(needed), Optional.ofNullable(soname),
                List.copyOf(rpath), List.copyOf(runpath));
    }

    private static List<DynamicEntry> readEntries(BinaryData d, ElfHeader h, ProgramHeader dynamic)
            throws MalformedBinaryException {
        long entSize = h.is64() ? 16 : 8;
        long count = dynamic.filesz() / entSize;
        List<DynamicEntry> entries = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            if (i >= MAX_ENTRIES) {
                throw new MalformedBinaryException(dynamic.offset(), "dynamic array has more than " + MAX_ENTRIES + " entries");
            }
            long at = dynamic.offset() + i * entSize;
            long tag = h.is64() ? d.u64(at, "d_tag") : d.s32(at, "d_tag");
            long value = d.word(at + entSize / 2, h.is64(), "d_val");
            if (tag == DynamicTag.NULL.value()) {
                break;
            }
            entries.add(new DynamicEntry(new DynamicTag(tag), value, at));
        }
        return entries;
    }

    private static StringTable stringTable(BinaryData d, List<DynamicEntry> entries, LoadSegments loads, long dynOffset)
            throws MalformedBinaryException {
        Optional<DynamicEntry> strtab = first(entries, DynamicTag.STRTAB);
        if (strtab.isEmpty()) {
            return StringTable.missing(dynOffset);
        }
        long offset = loads.requireFileOffset(strtab.get().value(), "DT_STRTAB", strtab.get().offset());
        Optional<DynamicEntry> strsz = first(entries, DynamicTag.STRSZ);
        long size = strsz.isPresent() ? strsz.get().value() : d.size() - offset;
        if (size < 0 || !d.contains(offset, size)) {
            throw new MalformedBinaryException(strsz.map(DynamicEntry::offset).orElse(strtab.get().offset()),
                    "dynamic string table (DT_STRSZ 0x" + Long.toHexString(size) + " at file offset 0x"
                            + Long.toHexString(offset) + ") runs past the end of the file (0x" + Long.toHexString(d.size()) + ")");
        }
        return StringTable.of(d, offset, size);
    }

    static Optional<DynamicEntry> first(List<DynamicEntry> entries, DynamicTag tag) {
        int i = indexOf(entries, tag);
        return i < 0 ? Optional.empty() : Optional.of(entries.get(i));
    }

    /** The index of the first entry with this tag, or -1; compares the raw tag, not the record. */
    private static int indexOf(List<DynamicEntry> entries, DynamicTag tag) {
        long wanted = tag.value();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).tag().value() == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** Splits a search path on ':' and keeps empty elements (which mean the current directory) as "". */
    static List<String> splitPath(String value) {
        return List.of(value.split(":", -1));
    }

    /** {@return every entry before {@code DT_NULL}, in file order} */
    public List<DynamicEntry> entries() {
        return entries;
    }

    /** {@return the {@code DT_NEEDED} names, in file order (the loader's load order)} */
    public List<String> needed() {
        return needed;
    }

    /** {@return the {@code DT_SONAME}, if any} */
    public Optional<String> soname() {
        return soname;
    }

    /** {@return the {@code DT_RPATH} elements, split on ':', empty elements kept as ""} */
    public List<String> rpath() {
        return rpath;
    }

    /** {@return the {@code DT_RUNPATH} elements, split on ':', empty elements kept as ""} */
    public List<String> runpath() {
        return runpath;
    }

    /** {@return the decoded {@code DT_FLAGS}; no bits when absent} */
    public DynamicFlags flags() {
        return new DynamicFlags(value(DynamicTag.FLAGS).orElse(0));
    }

    /** {@return the decoded {@code DT_FLAGS_1}; no bits when absent} */
    public DynamicFlags1 flags1() {
        return new DynamicFlags1(value(DynamicTag.FLAGS_1).orElse(0));
    }

    /** {@return whether the object asks for immediate binding ({@code DT_BIND_NOW}, {@code DF_BIND_NOW} or {@code DF_1_NOW})} */
    public boolean bindNow() {
        return first(entries, DynamicTag.BIND_NOW).isPresent() || flags().has(DynamicFlags.DF_BIND_NOW)
                || flags1().has(DynamicFlags1.DF_1_NOW);
    }

    /**
     * {@return the value of the first entry with this tag, if any}
     *
     * @param tag the tag to look for
     */
    public OptionalLong value(DynamicTag tag) {
        int i = indexOf(entries, tag);
        return i < 0 ? OptionalLong.empty() : OptionalLong.of(entries.get(i).value());
    }

    StringTable strings() {
        return strings;
    }
}
