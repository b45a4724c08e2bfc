package dev.nativeload.resolve;

import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.MalformedBinaryException;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * glibc's {@code ld.so.cache}, read in Java: the new format {@code glibc-ld.so.cache1.1}, alone or
 * after an old {@code ld.so-1.7.0} block (or the old block alone), with the {@code glibc-hwcaps}
 * extension. Looked up the way {@code _dl_load_cache_lookup} does: a binary search in
 * {@link CacheNameOrder}, the architecture flag filter, and for entries of a
 * {@code glibc-hwcaps} subdirectory the best one the host supports.
 *
 * <p>Every count and string index is checked against the file; a hostile file ends in
 * {@link MalformedBinaryException}.
 */
public final class LdSoCache {
    static final String OLD_MAGIC = "ld.so-1.7.0";
    static final String NEW_MAGIC = "glibc-ld.so.cache1.1";
    static final long EXTENSION_MAGIC = 0xEAA42174L;
    static final int TAG_GLIBC_HWCAPS = 1;
    static final int MAX_NAME = 4096;
    static final int MAX_HWCAPS = 4096;
    static final int MAX_SECTIONS = 64;
    private static final int NEW_HEADER = 48;
    private static final int NEW_ENTRY = 24;
    private static final int OLD_ENTRY = 12;

    /**
     * One cache entry.
     *
     * @param key        the library name ({@code libz.so.1})
     * @param value      the path ld.so opens
     * @param flags      the raw flags: the ELF/libc6 type in the low byte, the architecture in the
     *                   next ({@code 0x0303} is x86-64 libc6)
     * @param hwcap      the raw hwcap word (0 in the old format)
     * @param hwcapsName the {@code glibc-hwcaps} subdirectory name of the extension, such as {@code x86-64-v2};
     *                   empty for a plain entry, or for a hwcaps entry whose name the file does not give
     */
    public record Entry(String key, String value, int flags, long hwcap, Optional<String> hwcapsName) {
        /** Rejects null components. */
        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(hwcapsName, "hwcapsName");
        }
    }

    private final List<Entry> entries;
    private final List<byte[]> keys;
    private final List<String> hwcapsNames;
    private final boolean newFormat;

    private LdSoCache(List<Entry> entries, List<String> hwcapsNames, boolean newFormat) {
        this.entries = List.copyOf(entries);
        this.hwcapsNames = List.copyOf(hwcapsNames);
        this.newFormat = newFormat;
        this.keys = entries.stream().map(e -> e.key().getBytes(StandardCharsets.ISO_8859_1)).toList();
    }

    /**
     * Reads a cache file.
     *
     * @param file the cache, such as {@code /etc/ld.so.cache}
     * @return the cache
     * @throws IOException              if the file cannot be read
     * @throws MalformedBinaryException if it is not a well-formed cache
     */
    public static LdSoCache read(Path file) throws IOException, MalformedBinaryException {
        return BinaryData.read(file, LdSoCache::read);
    }

    /**
     * Reads a cache from its bytes.
     *
     * @param data the whole file
     * @return the cache
     * @throws MalformedBinaryException if it is not a well-formed cache
     */
    public static LdSoCache read(BinaryData data) throws MalformedBinaryException {
        if (startsWith(data, 0, NEW_MAGIC)) {
            return readNew(data, 0);
        }
        if (!startsWith(data, 0, OLD_MAGIC)) {
            throw new MalformedBinaryException(0, "not an ld.so.cache (no " + NEW_MAGIC + " or " + OLD_MAGIC + " magic)");
        }
        BinaryData le = data.withOrder(ByteOrder.LITTLE_ENDIAN);
        long count = le.u32(12, "old cache entry count");
        long end = checkedTable(data, 16, count, OLD_ENTRY, "old cache entry count " + count);
        long aligned = Math.addExact(end, 7) & ~7L;
        if (startsWith(data, aligned, NEW_MAGIC)) {
            return readNew(data, aligned);
        }
        List<Entry> list = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            long at = 16 + i * OLD_ENTRY;
            int flags = le.s32(at, "cache entry flags");
            String key = string(le, end, le.u32(at + 4, "cache entry key"), at + 4);
            String value = string(le, end, le.u32(at + 8, "cache entry value"), at + 8);
            list.add(new Entry(key, value, flags, 0, Optional.empty()));
        }
        return new LdSoCache(list, List.of(), false);
    }

    /**
     * Reads the new-format block at {@code base}. Entries, string indices and (as glibc 2.36's ld.so
     * reads it) the extension offset count from the block's start. ldconfig's {@code compat} format
     * writes the extension offset from the file's start, so there ld.so finds no {@code glibc-hwcaps}
     * names and skips every hwcaps entry; this reader does the same.
     */
    private static LdSoCache readNew(BinaryData whole, long base) throws MalformedBinaryException {
        int endian = whole.u8(base + 28, "cache endianness flag");
        BinaryData file = whole.withOrder(endian == 3 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        BinaryData data = file.slice(base, file.size() - base, "new-format cache");
        long count = data.u32(20, "cache entry count");
        checkedTable(data, NEW_HEADER, count, NEW_ENTRY, "cache entry count " + count);
        List<String> hwcaps = readHwcapsExtension(data, data.u32(32, "cache extension offset"), 0);
        List<Entry> list = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            long at = NEW_HEADER + i * NEW_ENTRY;
            int flags = data.s32(at, "cache entry flags");
            String key = string(data, 0, data.u32(at + 4, "cache entry key"), base + at + 4);
            String value = string(data, 0, data.u32(at + 8, "cache entry value"), base + at + 8);
            long hwcap = data.u64(at + 16, "cache entry hwcap");
            Optional<String> name = Optional.empty();
            if (isHwcapsExtension(hwcap)) {
                long index = hwcap & 0xFFFF_FFFFL;
                // An index without a name (no extension found) leaves the entry unusable, as in ld.so.
                name = index < hwcaps.size() ? Optional.of(hwcaps.get((int) index)) : Optional.empty();
            }
            list.add(new Entry(key, value, flags, hwcap, name));
        }
        return new LdSoCache(list, hwcaps, true);
    }

    private static List<String> readHwcapsExtension(BinaryData data, long offset, long stringBase)
            throws MalformedBinaryException {
        if (offset == 0 || !data.contains(offset, 8) || data.u32(offset, "cache extension magic") != EXTENSION_MAGIC) {
            return List.of();
        }
        long sections = data.u32(offset + 4, "cache extension section count");
        if (sections > MAX_SECTIONS) {
            throw new MalformedBinaryException(offset + 4, "cache extension section count " + sections + " exceeds " + MAX_SECTIONS);
        }
        checkedTable(data, offset + 8, sections, 16, "cache extension section count " + sections);
        for (long i = 0; i < sections; i++) {
            long at = offset + 8 + i * 16;
            if (data.u32(at, "cache extension tag") != TAG_GLIBC_HWCAPS) {
                continue;
            }
            long start = data.u32(at + 8, "glibc-hwcaps section offset");
            long size = data.u32(at + 12, "glibc-hwcaps section size");
            if (size % 4 != 0 || size / 4 > MAX_HWCAPS) {
                throw new MalformedBinaryException(at + 12, "glibc-hwcaps section size " + size + " is not a list of names");
            }
            data.check(start, size, "glibc-hwcaps section");
            List<String> names = new ArrayList<>();
            for (long j = 0; j < size / 4; j++) {
                names.add(string(data, stringBase, data.u32(start + 4 * j, "glibc-hwcaps name"), start + 4 * j));
            }
            return names;
        }
        return List.of();
    }

    private static long checkedTable(BinaryData data, long start, long count, int size, String what)
            throws MalformedBinaryException {
        long end = Math.addExact(start, Math.multiplyExact(count, (long) size));
        if (end > data.size()) {
            throw new MalformedBinaryException(start, what + " needs 0x" + Long.toHexString(end - start)
                    + " bytes, beyond the end of the file");
        }
        return end;
    }

    private static String string(BinaryData data, long tableStart, long index, long where) throws MalformedBinaryException {
        long at = tableStart + index;
        if (at >= data.size()) {
            throw new MalformedBinaryException(where, "cache string index 0x" + Long.toHexString(index) + " beyond the end of the file");
        }
        return data.cString(at, Math.min(MAX_NAME, data.size() - at), "cache string");
    }

    private static boolean startsWith(BinaryData data, long offset, String magic) {
        if (!data.contains(offset, magic.length())) {
            return false;
        }
        try {
            return magic.equals(data.fixedString(offset, magic.length(), "magic"));
        } catch (MalformedBinaryException impossible) {
            throw new AssertionError("length was checked", impossible);
        }
    }

    static boolean isHwcapsExtension(long hwcap) {
        return ((hwcap >>> 32) & ~0x3FFL) == (1L << 30);
    }

    /** {@return every entry, in file order (descending name order)} */
    public List<Entry> entries() {
        return entries;
    }

    /** {@return the {@code glibc-hwcaps} subdirectory names the extension lists} */
    public List<String> hwcapsNames() {
        return hwcapsNames;
    }

    /** {@return true when the file has the new format ({@code glibc-ld.so.cache1.1})} */
    public boolean isNewFormat() {
        return newFormat;
    }

    /**
     * Looks a name up as ld.so does.
     *
     * @param name           the requested name ({@code libz.so.1})
     * @param arch           the host architecture
     * @param bits           the host class (32 or 64)
     * @param supportedHwcaps the {@code glibc-hwcaps} names the host supports, best first
     * @return the path ld.so would open, or empty when no acceptable entry has that name
     */
    public Optional<String> lookup(String name, Architecture arch, int bits, List<String> supportedHwcaps) {
        byte[] wanted = name.getBytes(StandardCharsets.ISO_8859_1);
        int left = 0;
        int right = keys.size() - 1;
        while (left <= right) {
            int middle = (left + right) >>> 1;
            int cmp = CacheNameOrder.compare(wanted, keys.get(middle));
            if (cmp == 0) {
                int first = middle;
                while (first > 0 && CacheNameOrder.compare(wanted, keys.get(first - 1)) == 0) {
                    first--;
                }
                return best(wanted, first, arch, bits, supportedHwcaps);
            }
            if (cmp < 0) {
                left = middle + 1;
            } else {
                right = middle - 1;
            }
        }
        return Optional.empty();
    }

    private Optional<String> best(byte[] wanted, int first, Architecture arch, int bits, List<String> supported) {
        int defaultFlags = CacheFlags.defaultFlags(arch, bits);
        String best = null;
        int bestPriority = Integer.MAX_VALUE;
        for (int i = first; i < keys.size() && CacheNameOrder.compare(wanted, keys.get(i)) == 0; i++) {
            Entry e = entries.get(i);
            if (!CacheFlags.accepted(e.flags(), defaultFlags, arch)) {
                continue;
            }
            boolean named = isHwcapsExtension(e.hwcap());
            if (!named && best != null) {
                break;
            }
            if (named) {
                int priority = e.hwcapsName().map(supported::indexOf).orElse(-1);
                if (priority < 0 || priority >= bestPriority) {
                    continue;
                }
                bestPriority = priority;
            } else if ((e.hwcap() & ~(1L << 63)) != 0) {
                continue; // a legacy hwcap or platform subdirectory: this host claims none
            }
            best = e.value();
            if (!named && e.flags() == defaultFlags) {
                break;
            }
        }
        return Optional.ofNullable(best);
    }
}
