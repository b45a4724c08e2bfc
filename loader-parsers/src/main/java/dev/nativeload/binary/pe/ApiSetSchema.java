package dev.nativeload.binary.pe;

import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.MalformedBinaryException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The API set schema: how the Windows loader maps a virtual contract name ({@code api-ms-win-*},
 * {@code ext-ms-*}) to the DLL that implements it.
 *
 * <p>The schema is the {@code .apiset} section of {@code apisetschema.dll} in the system directory;
 * the kernel maps it into every process (the PEB's {@code ApiSetMap}) and the loader consults
 * nothing else, so reading that file is reading what the loader reads. Wine ships a
 * {@code apisetschema.dll} in the same format. Only version 6 (Windows 10 and later, and Wine) is
 * read: a namespace header, an array of 24-byte entries and, per entry, 20-byte values, every
 * string UTF-16LE at an offset from the schema's start.
 *
 * <p>A contract is matched as the loader matches it: without its {@code .dll} extension and without
 * its last {@code -N} (the revision), case-insensitively, so {@code api-ms-win-core-synch-l1-2-0}
 * and {@code -l1-2-1} name one contract. A contract's first value is its default host; others are
 * exceptions for one importing DLL (an importer that is itself the host gets another).
 */
public final class ApiSetSchema {
    /** The section the schema lives in. */
    public static final String SECTION = ".apiset";
    private static final int SUPPORTED_VERSION = 6;
    private static final int HEADER_SIZE = 28;
    private static final int ENTRY_SIZE = 24;
    private static final int VALUE_SIZE = 20;
    /** Longest string read, in bytes: contract and DLL names are far shorter. */
    private static final int MAX_STRING = 1024;

    private final Map<String, Contract> contracts;

    /**
     * One contract and its hosts.
     *
     * @param name  the contract's full name as the schema writes it, without {@code .dll}
     * @param hosts its values in schema order: the first is the default; the others name the importing
     *              DLL they apply to
     */
    public record Contract(String name, List<Host> hosts) {
        /** Keeps an unmodifiable copy of the hosts. */
        public Contract {
            hosts = List.copyOf(hosts);
        }

        /**
         * {@return the DLL the loader maps this contract to for an import by {@code importer}; empty
         * when the schema gives the contract no host (the load fails)}
         *
         * @param importer the file name of the importing DLL, e.g. {@code kernel32.dll}
         */
        public Optional<String> hostFor(String importer) {
            for (int i = 1; i < hosts.size(); i++) {
                if (hosts.get(i).importer().equalsIgnoreCase(importer)) {
                    return Optional.of(hosts.get(i).dll()).filter(s -> !s.isEmpty());
                }
            }
            return hosts.isEmpty() ? Optional.empty() : Optional.of(hosts.get(0).dll()).filter(s -> !s.isEmpty());
        }
    }

    /**
     * One value of a contract.
     *
     * @param importer the importing DLL it applies to; empty for the default
     * @param dll      the host DLL's file name; empty for none
     */
    public record Host(String importer, String dll) {
    }

    private ApiSetSchema(Map<String, Contract> contracts) {
        this.contracts = contracts;
    }

    /**
     * Reads the schema from an {@code apisetschema.dll}.
     *
     * @param file the whole DLL
     * @return the schema
     * @throws MalformedBinaryException if the file is not PE, has no {@code .apiset} section, or the
     *                                  schema is of another version or broken
     */
    public static ApiSetSchema read(BinaryData file) throws MalformedBinaryException {
        PeFile pe = PeFile.read(file);
        Section section = pe.sections().stream().filter(s -> s.name().equals(SECTION)).findFirst()
                .orElseThrow(() -> new MalformedBinaryException(pe.peHeaderOffset(), "no " + SECTION + " section: not an API set schema"));
        BinaryData schema = file.withOrder(java.nio.ByteOrder.LITTLE_ENDIAN)
                .slice(section.pointerToRawData(), section.fileBackedSize(), SECTION + " section");
        return parse(schema);
    }

    /**
     * Reads a schema from the bytes of its section.
     *
     * @param schema the {@code .apiset} section's bytes, little-endian
     * @return the schema
     * @throws MalformedBinaryException if it is of another version or broken
     */
    public static ApiSetSchema parse(BinaryData schema) throws MalformedBinaryException {
        schema.check(0, HEADER_SIZE, "API set schema header");
        long version = schema.u32(0, "API set schema Version");
        if (version != SUPPORTED_VERSION) {
            throw new MalformedBinaryException(schema.fileOffset(), "API set schema version " + version
                    + " is not read (only version 6, Windows 10 and later)");
        }
        long count = schema.u32(12, "API set schema Count");
        long entries = schema.u32(16, "API set schema EntryOffset");
        if (!schema.contains(entries, Math.multiplyExact(count, ENTRY_SIZE))) {
            throw new MalformedBinaryException(schema.fileOffset() + 12, "invalid API set entry count " + count
                    + " at offset 0x" + Long.toHexString(entries) + ": past the schema's 0x" + Long.toHexString(schema.size()) + " bytes");
        }
        Map<String, Contract> contracts = new HashMap<>();
        for (long i = 0; i < count; i++) {
            long at = entries + i * ENTRY_SIZE;
            String name = utf16(schema, at + 4, at + 8, "API set entry name");
            long hashed = schema.u32(at + 12, "API set entry HashedLength");
            if (hashed > name.length() * 2L || (hashed & 1) != 0) {
                throw new MalformedBinaryException(schema.fileOffset() + at + 12, "invalid API set entry HashedLength "
                        + hashed + " for a name of " + name.length() * 2 + " bytes");
            }
            long values = schema.u32(at + 16, "API set entry ValueOffset");
            long valueCount = schema.u32(at + 20, "API set entry ValueCount");
            if (!schema.contains(values, Math.multiplyExact(valueCount, VALUE_SIZE))) {
                throw new MalformedBinaryException(schema.fileOffset() + at + 20, "invalid API set value count "
                        + valueCount + " for " + name + ": past the schema's end");
            }
            List<Host> hosts = new java.util.ArrayList<>();
            for (long v = 0; v < valueCount; v++) {
                long vat = values + v * VALUE_SIZE;
                hosts.add(new Host(utf16(schema, vat + 4, vat + 8, "API set value name"),
                        utf16(schema, vat + 12, vat + 16, "API set value")));
            }
            contracts.putIfAbsent(key(name.substring(0, (int) hashed / 2)), new Contract(name, hosts));
        }
        return new ApiSetSchema(Map.copyOf(contracts));
    }

    /**
     * {@return whether the loader treats this DLL name as an API set contract}: it starts with
     * {@code api-} or {@code ext-}, case-insensitively
     *
     * @param dll a DLL name as imported
     */
    public static boolean isContract(String dll) {
        String lower = dll.toLowerCase(Locale.ROOT);
        return lower.startsWith("api-") || lower.startsWith("ext-");
    }

    /**
     * {@return the contract this DLL name selects, if the schema has it}
     *
     * @param dll a contract name as imported, with or without {@code .dll}
     */
    public Optional<Contract> find(String dll) {
        String name = dll.toLowerCase(Locale.ROOT);
        if (name.endsWith(".dll")) {
            name = name.substring(0, name.length() - 4);
        }
        int dash = name.lastIndexOf('-');
        return Optional.ofNullable(contracts.get(dash < 0 ? name : name.substring(0, dash)));
    }

    /** {@return how many contracts the schema defines} */
    public int size() {
        return contracts.size();
    }

    private static String key(String hashedName) {
        return hashedName.toLowerCase(Locale.ROOT);
    }

    private static String utf16(BinaryData schema, long offsetField, long lengthField, String what)
            throws MalformedBinaryException {
        long offset = schema.u32(offsetField, what + " offset");
        long length = schema.u32(lengthField, what + " length");
        if (length == 0) {
            return "";
        }
        if (length > MAX_STRING || (length & 1) != 0 || !schema.contains(offset, length)) {
            throw new MalformedBinaryException(schema.fileOffset() + lengthField, "invalid " + what + ": " + length
                    + " bytes at offset 0x" + Long.toHexString(offset) + " (odd, too long, or past the schema's end)");
        }
        return new String(schema.bytes(offset, (int) length, what), StandardCharsets.UTF_16LE);
    }
}
