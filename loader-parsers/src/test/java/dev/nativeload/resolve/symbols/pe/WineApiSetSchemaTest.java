package dev.nativeload.resolve.symbols.pe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.pe.ApiSetSchema;
import dev.nativeload.binary.testing.WineDlls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Wine's apisetschema.dll, read as the Windows loader reads the schema, against the DLLs Wine ships. */
class WineApiSetSchemaTest {

    private static ApiSetSchema schema() throws Exception {
        return BinaryData.read(WineDlls.requireOrSkip().resolve("apisetschema.dll"), ApiSetSchema::read);
    }

    @Test
    void everyContractsDefaultHostIsADllInTheSameSystemDirectory() throws Exception {
        ApiSetSchema schema = schema();
        Set<String> files;
        try (Stream<Path> s = Files.list(WineDlls.DIR)) {
            files = s.map(p -> p.getFileName().toString().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        }
        List<String> contracts = contractNames();
        assertEquals(schema.size(), contracts.size(), "every contract read once");
        assertTrue(schema.size() >= 400, "Wine's schema maps hundreds of contracts: " + schema.size());
        List<String> missingHost = contracts.stream()
                .filter(c -> schema.find(c).flatMap(x -> x.hostFor("app.exe")).map(h -> !files.contains(h.toLowerCase(Locale.ROOT)))
                        .orElse(false))
                .toList();
        assertEquals(List.of(), missingHost, "a host the schema names is a DLL Wine ships");
        // Retired contracts: the schema lists them with an empty host, so the loader fails an import from them.
        List<String> hostless = contracts.stream().filter(c -> schema.find(c).flatMap(x -> x.hostFor("app.exe")).isEmpty()).toList();
        assertEquals(List.of("api-ms-win-deprecated-apis-advapi-l1-1-0", "api-ms-win-deprecated-apis-legacy-l1-1-0",
                "api-ms-win-deprecated-apis-legacy-l1-2-0"), hostless);
    }

    @Test
    void contractIsMatchedWithoutCaseExtensionOrRevision() throws Exception {
        ApiSetSchema schema = schema();
        assertEquals(Optional.of("kernelbase.dll"), schema.find("api-ms-win-core-synch-l1-2-0.dll").flatMap(c -> c.hostFor("a.dll")));
        assertEquals(Optional.of("kernelbase.dll"), schema.find("API-MS-WIN-CORE-SYNCH-L1-2-9").flatMap(c -> c.hostFor("a.dll")),
                "the last -N is a revision the loader ignores");
        assertEquals(Optional.empty(), schema.find("api-ms-win-core-nosuchthing-l1-1-0.dll"));
        assertEquals(Optional.of("ucrtbase.dll"), schema.find("api-ms-win-crt-runtime-l1-1-0.dll").flatMap(c -> c.hostFor("a.dll")));
    }

    /** The contract names, read from the schema's entries by the test's own walk of the version 6 layout. */
    private static List<String> contractNames() throws Exception {
        byte[] dll = Files.readAllBytes(WineDlls.DIR.resolve("apisetschema.dll"));
        BinaryData file = BinaryData.of(dll, java.nio.ByteOrder.LITTLE_ENDIAN);
        // The .apiset section: found through the section table by name.
        long pe = file.u32(0x3c, "e_lfanew");
        int sections = file.u16(pe + 6, "NumberOfSections");
        long table = pe + 24 + file.u16(pe + 20, "SizeOfOptionalHeader");
        for (int i = 0; i < sections; i++) {
            long at = table + 40L * i;
            if (file.fixedString(at, 8, "name").equals(".apiset")) {
                long raw = file.u32(at + 20, "PointerToRawData");
                long count = file.u32(raw + 12, "Count");
                long entries = file.u32(raw + 16, "EntryOffset");
                return java.util.stream.LongStream.range(0, count).mapToObj(n -> {
                    try {
                        long e = raw + entries + 24 * n;
                        long nameOffset = file.u32(e + 4, "NameOffset");
                        int nameLength = (int) file.u32(e + 8, "NameLength");
                        return new String(file.bytes(raw + nameOffset, nameLength, "name"), java.nio.charset.StandardCharsets.UTF_16LE);
                    } catch (dev.nativeload.binary.MalformedBinaryException x) {
                        throw new IllegalStateException(x);
                    }
                }).toList();
            }
        }
        throw new AssertionError("no .apiset section");
    }
}
