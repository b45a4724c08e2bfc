package dev.nativeload.binary.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nativeload.binary.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Symbol lookup through both hash styles, checked against {@code readelf --dyn-syms}. */
class ElfSymbolLookupTest {
    /** "  12: 0000000000001234    42 FUNC    GLOBAL DEFAULT   13 name@@VER" */
    private static final Pattern ROW = Pattern.compile(
            "\\s*(\\d+):\\s+\\p{XDigit}+\\s+\\S+\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s*(\\S*).*");

    /** One row of readelf's dynamic symbol table. */
    private record Row(int index, String type, String binding, String ndx, String name) {
        boolean defined() {
            return !ndx.equals("UND");
        }
    }

    private static List<Row> readelfRows(Path file) {
        List<Row> rows = new ArrayList<>();
        for (String line : Readelf.dynamicSymbolNames(file)) {
            Matcher m = ROW.matcher(line);
            assertTrue(m.matches(), line);
            rows.add(new Row(Integer.parseInt(m.group(1)), m.group(2), m.group(3), m.group(5), m.group(6)));
        }
        return rows;
    }

    private static Path systemLibrary(String name) {
        Path p = Path.of("/usr/lib/x86_64-linux-gnu", name);
        assumeTrue(Files.exists(p), name + " is not installed");
        return p;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/usr/lib/x86_64-linux-gnu/libz.so.1", "/usr/lib/x86_64-linux-gnu/libc.so.6",
        "elf:gcc-x86_64-libhashed-gnu.so", "elf:gcc-x86_64-libhashed-sysv.so", "elf:gcc-x86_64-libvisitor.so",
        "elf:gcc-x86_64-libzoo.so", "elf:gcc-s390x-libzoo.so", "elf:gcc-x86-libzoo.so", "elf:gcc-arm-libzoo.so",
        "elf:gcc-s390x-libhashed-sysv.so", "elf:gcc-x86-libhashed-sysv.so"})
    void everyDefinedSymbolReadelfListsIsFoundThroughTheHashTableAtItsVersion(String where) throws Exception {
        assumeTrue(Readelf.available(), "binutils readelf is not installed");
        Path file = where.startsWith("elf:") ? TestData.path("elf", where.substring(4)) : systemLibrary(Path.of(where).getFileName().toString());
        ElfFile elf = ElfFile.read(file);
        List<Row> rows = readelfRows(file);
        List<ElfSymbol> ours = elf.dynamicSymbols();
        assertEquals(rows.size(), ours.size(), "dynamic symbol count (hash style " + elf.symbolHashStyle() + ")");
        int defined = 0;
        for (Row row : rows) {
            ElfSymbol mine = ours.get(row.index());
            assertEquals(row.defined(), mine.isDefined(), row.name());
            if (!row.defined()) {
                // readelf shows an undefined reference as name@VERSION (n); it is not a definition here.
                String bare = row.name().contains("@") ? row.name().substring(0, row.name().indexOf('@')) : row.name();
                assertEquals(bare, mine.name());
                continue;
            }
            if (row.type().equals("SECTION")) {
                continue; // readelf prints a section symbol under its section's name; it has none of its own
            }
            // readelf prints a version's own symbol (ZOO_1.0@@ZOO_1.0, an ABS definition) without the suffix.
            boolean versionSymbol = mine.version().filter(mine.name()::equals).isPresent();
            assertEquals(row.name(), versionSymbol ? mine.name() : mine.displayName(), "symbol " + row.index());
            if (row.binding().equals("LOCAL") || mine.name().isEmpty()) {
                continue;
            }
            defined++;
            Optional<ElfSymbol> found = mine.hiddenVersion()
                    ? elf.findSymbol(mine.name(), mine.version().orElseThrow())
                    : elf.findSymbol(mine.name());
            assertEquals(Optional.of(mine), found, "lookup of " + row.name());
        }
        assertTrue(defined > 0, "some defined symbols were looked up");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"libz.so.1", "libc.so.6"})
    void namesAbsentOrOnlyReferencedAreNotFound(String name) throws Exception {
        assumeTrue(Readelf.available(), "binutils readelf is not installed");
        Path file = systemLibrary(name);
        ElfFile elf = ElfFile.read(file);
        List<Row> rows = readelfRows(file);
        for (String absent : List.of("nativeload_no_such_symbol", "inflate_", "", "zzzzzzzz", "GLIBC_9.99")) {
            assertTrue(rows.stream().noneMatch(r -> r.defined() && r.name().replaceAll("@.*", "").equals(absent)));
            assertEquals(Optional.empty(), elf.findSymbol(absent), absent);
        }
        // A name the library only references (undefined here) is not a definition it exports.
        Row undefined = rows.stream().filter(r -> !r.defined() && !r.name().isEmpty()).findFirst().orElseThrow();
        String bare = undefined.name().replaceAll("@.*", "");
        if (rows.stream().noneMatch(r -> r.defined() && r.name().replaceAll("@.*", "").equals(bare))) {
            assertEquals(Optional.empty(), elf.findSymbol(bare), bare);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"libz.so.1", "libc.so.6"})
    void wellKnownExportsAreFoundWithTheirDefaultVersion(String name) throws Exception {
        ElfFile elf = ElfFile.read(systemLibrary(name));
        assertEquals("gnu", elf.symbolHashStyle());
        if (name.startsWith("libz")) {
            ElfSymbol inflate = elf.findSymbol("inflate").orElseThrow();
            assertEquals(Optional.empty(), elf.findSymbol("zlibVersion").orElseThrow().version(), "base version");
            assertEquals(Optional.of("ZLIB_1.2.9"), elf.findSymbol("crc32_z").orElseThrow().version());
            assertEquals(ElfSymbol.STT_FUNC, inflate.type());
        } else {
            ElfSymbol malloc = elf.findSymbol("malloc").orElseThrow();
            assertEquals(Optional.of("GLIBC_2.2.5"), malloc.version());
            assertTrue(elf.findSymbol("memcpy").orElseThrow().version().orElseThrow().compareTo("GLIBC_2.14") >= 0);
            assertTrue(elf.findSymbol("memcpy", "GLIBC_2.2.5").orElseThrow().hiddenVersion());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gcc-x86_64-libhashed-gnu.so", "gcc-x86_64-libhashed-sysv.so", "gcc-x86_64-libbare.so",
        "gcc-s390x-libhashed-sysv.so", "gcc-x86-libhashed-sysv.so"})
    void gnuAndSysvTablesFindTheSameSymbols(String name) throws Exception {
        ElfFile elf = ElfFile.read(TestData.path("elf", name));
        assertEquals(name.contains("sysv") ? "sysv" : "gnu", elf.symbolHashStyle());
        for (int i = 0; i < 40 && name.contains("hashed"); i++) {
            ElfSymbol s = elf.findSymbol("hashed_fn_" + i).orElseThrow();
            assertEquals(ElfSymbol.STT_FUNC, s.type());
            assertEquals(ElfSymbol.STB_GLOBAL, s.binding());
        }
        assertEquals(Optional.empty(), elf.findSymbol("hashed_fn_40"));
    }
}
