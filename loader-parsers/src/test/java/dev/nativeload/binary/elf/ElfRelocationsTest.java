package dev.nativeload.binary.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.testing.TestData;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Dynamic relocations: every entry naming a symbol, as {@code readelf -rWD} (from the dynamic segment, as the loader reads them) lists it (offset, symbol
 * index, type, from its {@code r_info}), for the fixtures of every architecture the readers cover;
 * and a mutated file ends in a result or {@link MalformedBinaryException}.
 */
class ElfRelocationsTest {
    private static List<Path> fixtures() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(TestData.path("elf"))) {
            s.filter(p -> p.getFileName().toString().startsWith("gcc-") && !p.toString().endsWith(".o")
                    && !p.toString().contains("hugememsz")).sorted().forEach(out::add);
        }
        for (String dir : List.of("x86_64/canonical-plt", "x86_64/copy-relocation", "x86_64/clean", "aarch64/missing-function")) {
            try (Stream<Path> s = Files.list(TestData.path("symbols", dir))) {
                s.sorted().forEach(out::add);
            }
        }
        return out;
    }

    /** readelf's symbol relocations: "offset symbol type" per line whose symbol index is not 0. */
    private static TreeSet<String> readelf(Path file, boolean wide) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("readelf", "-rWD", file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        TreeSet<String> r = new TreeSet<>();
        for (String line : out.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 3 || !f[0].matches("[0-9a-f]{8,16}") || !f[1].matches("[0-9a-f]{8,16}")) {
                continue;
            }
            long offset = Long.parseUnsignedLong(f[0], 16);
            long info = Long.parseUnsignedLong(f[1], 16);
            long sym = wide ? info >>> 32 : info >>> 8;
            long type = wide ? info & 0xFFFF_FFFFL : info & 0xFF;
            if (sym != 0) {
                r.add(Long.toHexString(offset) + " " + sym + " " + type);
            }
        }
        return r;
    }

    @TestFactory
    Stream<DynamicTest> symbolRelocationsAreTheEntriesReadelfListsWithASymbol() throws IOException {
        return fixtures().stream().map(f -> DynamicTest.dynamicTest(TestData.root().relativize(f).toString(), () -> {
            requireReadelf();
            ElfFile elf = ElfFile.read(f);
            TreeSet<String> ours = new TreeSet<>();
            for (ElfRelocation r : elf.symbolRelocations()) {
                ours.add(Long.toHexString(r.offset()) + " " + r.symbolIndex() + " " + r.type());
            }
            assertEquals(readelf(f, elf.header().is64()), ours);
            assertEquals(ours.size(), elf.symbolRelocations().size(), "each entry once, the PLT's too");
        }));
    }

    @Test
    void jumpSlotsComeFromDtJmprelAndNameTheirSymbol() throws Exception {
        ElfFile elf = ElfFile.read(TestData.path("symbols", "x86_64", "canonical-plt", "libcallplt.so"));
        ElfRelocation slot = null;
        for (ElfRelocation r : elf.symbolRelocations()) {
            if (r.table() == ElfRelocation.Table.JMPREL && elf.dynamicSymbol(r.symbolIndex()).name().equals("dep_fn")) {
                slot = r;
            }
        }
        assertTrue(slot != null, "a PLT slot for dep_fn");
        assertEquals(7, slot.type(), "R_X86_64_JUMP_SLOT");
        int versym = elf.symbolVersionIndex(slot.symbolIndex());
        assertTrue(versym == -1 || (versym & 0x7FFF) <= 1, "dep_fn is unversioned");
    }

    @Test
    void versionRequirementsCarryTheirFileIndexAndWeakFlag() throws Exception {
        ElfFile elf = ElfFile.read(TestData.path("symbols", "x86_64", "version-clean", "libzoouser.so"));
        List<VersionRequirement> zoo = elf.versionRequirements().stream().filter(r -> r.file().equals("libzoo.so")).toList();
        assertEquals(List.of("ZOO_1.0", "ZOO_2.0"), zoo.stream().map(VersionRequirement::name).sorted().toList());
        assertTrue(zoo.stream().allMatch(r -> r.index() >= 2 && !r.weak() && r.hash() != 0));
    }

    @Test
    void relocationTableOutsideTheFileIsMalformed() throws Exception {
        Path f = TestData.path("symbols", "x86_64", "clean", "libuser.so");
        byte[] bytes = Files.readAllBytes(f);
        ElfFile elf = ElfFile.read(BinaryData.of(bytes, ByteOrder.LITTLE_ENDIAN));
        DynamicEntry relasz = elf.dynamic().entries().stream().filter(e -> e.tag().value() == 8).findFirst().orElseThrow();
        java.nio.ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong((int) relasz.offset() + 8, 0x7FFF_FFFFL);
        ElfFile broken = ElfFile.read(BinaryData.of(bytes, ByteOrder.LITTLE_ENDIAN));
        MalformedBinaryException e = assertThrows(MalformedBinaryException.class, broken::symbolRelocations);
        assertTrue(e.getMessage().contains("DT_RELA"), e.getMessage());
    }

    @Test
    void everyMutationOfARelocatingObjectEndsInAnAnswerOrMalformedBinaryException() throws Exception {
        byte[] original = Files.readAllBytes(TestData.path("symbols", "x86_64", "canonical-plt", "app"));
        Random random = new Random(16);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (int i = 0; i < 3000; i++) {
            byte[] b = original.clone();
            for (int k = 0, n = 1 + random.nextInt(8); k < n; k++) {
                b[random.nextInt(Math.min(b.length, 0x1000))] = (byte) random.nextInt(256);
            }
            try {
                ElfFile elf = ElfFile.read(BinaryData.of(b, ByteOrder.LITTLE_ENDIAN));
                for (ElfRelocation r : elf.symbolRelocations()) {
                    ElfSymbol s = elf.dynamicSymbol(r.symbolIndex());
                    elf.symbolVersionIndex(r.symbolIndex());
                    elf.symbolsNamed(s.name());
                }
                elf.versionRequirements();
            } catch (MalformedBinaryException expected) {
                // the answer for a broken file
            } catch (RuntimeException e) {
                fail("mutation " + i + " threw " + e, e);
            }
            assertTrue(System.nanoTime() < deadline, "mutations took over a minute");
        }
    }

    private static void requireReadelf() {
        boolean present = Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin").split(":"))
                .anyMatch(d -> Files.isExecutable(Path.of(d.isEmpty() ? "." : d, "readelf")));
        if (!present && "true".equals(System.getenv("CI"))) {
            fail("readelf is not installed; CI must have binutils");
        }
        assumeTrue(present, "readelf is not installed");
    }
}
