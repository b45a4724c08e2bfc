package dev.nativeload.binary.elf;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.binary.Binaries;
import dev.nativeload.binary.BinarySummary;
import dev.nativeload.binary.NativeBinary;
import dev.nativeload.binary.VersionNeed;
import dev.nativeload.binary.testing.TestData;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/** Every fixture built by testdata/elf/build.sh reads as testdata/elf/expected.txt says. */
class ElfGoldenTest {
    private static Path fixture(String name) {
        return TestData.path("elf", name);
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureMatchesItsGoldenFacts() throws IOException {
        return ExpectedFacts.read(fixture("expected.txt")).stream()
                .map(b -> DynamicTest.dynamicTest(b.file() + " matches expected.txt", () -> checkBlock(b)));
    }

    @Test
    void everyBuiltFixtureHasAGoldenBlockAndEveryBlockAFile() throws IOException {
        Set<String> expected = ExpectedFacts.read(fixture("expected.txt")).stream()
                .map(ExpectedFacts.Block::file).collect(Collectors.toCollection(TreeSet::new));
        Set<String> built = ElfReadelfDifferentialTest.fixtureFiles().stream()
                .map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(built, expected);
        assertTrue(built.size() >= 20, "the build script makes at least 20 fixtures");
    }

    private static void checkBlock(ExpectedFacts.Block b) throws Exception {
        ElfFile elf = ElfFile.read(fixture(b.file()));
        BinarySummary s = elf.summary();
        List<Executable> checks = new ArrayList<>();
        checks.add(() -> assertEquals(Integer.parseInt(b.one("class")), s.bits(), "class"));
        checks.add(() -> assertEquals(b.one("endian").equals("big") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN,
                s.byteOrder(), "endian"));
        checks.add(() -> assertEquals(b.one("arch"), s.architecture().name(), "arch"));
        checks.add(() -> assertEquals(b.one("type"), s.fileType(), "type"));
        checks.add(() -> assertEquals(b.one("os"), s.os().name(), "os"));
        checks.add(() -> assertEquals(b.one("libc"), s.libc().name(), "libc"));
        checks.add(() -> assertEquals(Optional.ofNullable(b.optional("soname")), s.soname(), "soname"));
        checks.add(() -> assertEquals(b.list("needed"), s.needed(), "needed"));
        checks.add(() -> assertEquals(joined(b.optional("rpath")), String.join(":", s.rpath()), "rpath"));
        checks.add(() -> assertEquals(joined(b.optional("runpath")), String.join(":", s.runpath()), "runpath"));
        checks.add(() -> assertEquals(Optional.ofNullable(b.optional("interp")), s.interpreter(), "interp"));
        checks.add(() -> assertEquals(versionNeeds(b), s.versionNeeds(), "verneed"));
        checks.add(() -> assertEquals(b.list("verdef"), elf.versionDefinitions().stream()
                .map(d -> d.name() + d.parents().stream().map(p -> "<" + p).collect(Collectors.joining()))
                .toList(), "verdef"));
        checks.add(() -> assertEquals(b.list("flags1"), elf.flags1().names(), "flags1"));
        checks.add(() -> assertEquals(b.one("buildid").equals("yes"), elf.buildId().isPresent(), "buildid"));
        checks.add(() -> assertEquals(b.one("hash"), elf.symbolHashStyle(), "hash"));
        for (String symbol : b.all("symbol")) {
            checks.add(() -> checkSymbolFound(elf, symbol));
        }
        for (String missing : b.all("nosymbol")) {
            checks.add(() -> assertEquals(Optional.empty(), elf.findSymbol(missing), "nosymbol " + missing));
        }
        for (String n : b.all("segments")) {
            checks.add(() -> assertEquals(Integer.parseInt(n), elf.programHeaders().size(), "program headers"));
        }
        for (String ignored : b.all("sections")) {
            checks.add(() -> assertTrue(elf.header().shoff() == 0 && elf.header().shnum() == 0, "no section headers"));
        }
        for (String span : b.all("spanatleast")) {
            checks.add(() -> assertTrue(Long.compareUnsigned(elf.loadSegments().addressSpan(), Long.decode(span)) >= 0,
                    "address span 0x" + Long.toHexString(elf.loadSegments().addressSpan())));
        }
        assertAll(b.file(), checks);
    }

    private static void checkSymbolFound(ElfFile elf, String spec) throws Exception {
        Optional<ElfSymbol> found;
        if (spec.contains("@@")) {
            found = elf.findSymbol(spec.substring(0, spec.indexOf("@@")));
        } else if (spec.contains("@")) {
            found = elf.findSymbol(spec.substring(0, spec.indexOf('@')), spec.substring(spec.indexOf('@') + 1));
        } else {
            found = elf.findSymbol(spec);
        }
        assertTrue(found.isPresent(), "symbol " + spec + " not found");
        assertEquals(spec, found.get().displayName(), "symbol found with another version");
        assertTrue(found.get().isDefined());
    }

    private static String joined(String raw) {
        return raw == null ? "" : raw;
    }

    private static List<VersionNeed> versionNeeds(ExpectedFacts.Block b) {
        List<VersionNeed> needs = new ArrayList<>();
        for (String line : b.all("verneed")) {
            if (!line.equals("-")) {
                String[] parts = line.split(" ");
                needs.add(new VersionNeed(parts[0], List.of(parts).subList(1, parts.length)));
            }
        }
        return needs;
    }

    @Test
    void dynamicSectionIsFoundThroughPtDynamicNotSectionHeaders() throws Exception {
        ElfFile stripped = ElfFile.read(fixture("gcc-x86_64-libzoo-stripped.so"));
        ElfFile noSections = ElfFile.read(fixture("gcc-x86_64-libzoo-noshdr.so"));
        assertTrue(stripped.header().shnum() > 0, "the stripped copy still has section headers");
        assertEquals(0, noSections.header().shnum());
        assertEquals(0, noSections.header().shoff());
        assertEquals(stripped.dynamic().entries(), noSections.dynamic().entries());
        assertEquals(stripped.summary(), noSections.summary());
        assertEquals(stripped.dynamicSymbols(), noSections.dynamicSymbols());
        assertEquals(List.of(new VersionNeed("libc.so.6", List.of("GLIBC_2.2.5"))), noSections.versionNeeds());
        assertEquals(stripped.buildId(), noSections.buildId());
    }

    @Test
    void runpathSplitsOnColonsAndKeepsEmptyElements() throws Exception {
        ElfFile visitor = ElfFile.read(fixture("gcc-x86_64-libvisitor.so"));
        assertEquals(List.of("$ORIGIN/../lib", "", "/opt/zoo/lib"), visitor.runpath());
        assertEquals(List.of(), visitor.rpath());
    }

    @Test
    void nodeflibAndNowAreDecodedFromFlags1() throws Exception {
        ElfFile keeper = ElfFile.read(fixture("gcc-x86_64-libkeeper.so"));
        assertTrue(keeper.flags1().has(DynamicFlags1.DF_1_NODEFLIB));
        assertTrue(keeper.flags1().has(DynamicFlags1.DF_1_NOW));
        assertTrue(keeper.dynamic().bindNow());
        assertFalse(ElfFile.read(fixture("gcc-x86_64-libzoo.so")).flags1().has(DynamicFlags1.DF_1_NODEFLIB));
    }

    @Test
    void hiddenVersionIsNotTheDefaultDefinition() throws Exception {
        ElfFile zoo = ElfFile.read(fixture("gcc-x86_64-libzoo.so"));
        ElfSymbol byDefault = zoo.findSymbol("zoo_open").orElseThrow();
        ElfSymbol old = zoo.findSymbol("zoo_open", "ZOO_1.0").orElseThrow();
        assertEquals(Optional.of("ZOO_2.0"), byDefault.version());
        assertFalse(byDefault.hiddenVersion());
        assertTrue(old.hiddenVersion());
        assertTrue(old.value() != byDefault.value(), "two distinct definitions");
        assertEquals(Optional.empty(), zoo.findSymbol("zoo_count", "ZOO_1.0"));
    }

    @Test
    void impossibleMemszGivesAnAddressSpanNoMachineCanMap() throws Exception {
        long normal = ElfFile.read(fixture("gcc-x86_64-libzoo.so")).loadSegments().addressSpan();
        long huge = ElfFile.read(fixture("gcc-x86_64-libzoo-hugememsz.so")).loadSegments().addressSpan();
        assertTrue(normal > 0 && normal < 1 << 20, "a small library spans under 1 MiB: 0x" + Long.toHexString(normal));
        assertTrue(huge >= 0x7ff000000000L, "0x" + Long.toHexString(huge));
    }

    @Test
    void buildIdIsTheSha1NoteAndSurvivesStripping() throws Exception {
        Optional<String> id = ElfFile.read(fixture("gcc-x86_64-libzoo-stripped.so")).buildId();
        assertTrue(id.isPresent());
        assertTrue(id.get().matches("[0-9a-f]{40}"), id.get());
        assertEquals(Optional.empty(), ElfFile.read(fixture("gcc-x86_64-bare.o")).buildId());
    }

    @Test
    void binariesReadReturnsAnElfFileForAFixture() throws Exception {
        NativeBinary read = Binaries.read(fixture("gcc-s390x-libzoo.so"));
        ElfFile elf = assertInstanceOf(ElfFile.class, read);
        assertEquals(List.of(elf), read.images());
        assertEquals("s390x", elf.summary().architecture().name());
        assertEquals(ByteOrder.BIG_ENDIAN, elf.summary().byteOrder());
    }

    @Test
    void unknownMachineKeepsItsNumber() {
        assertEquals("elf-machine-0x1234", new ElfMachine(0x1234).architecture(64, ByteOrder.LITTLE_ENDIAN).name());
        assertEquals("0x1234", new ElfMachine(0x1234).name());
        assertEquals("ppc64", ElfMachine.PPC64.architecture(64, ByteOrder.BIG_ENDIAN).name());
        assertEquals("riscv32", ElfMachine.RISCV.architecture(32, ByteOrder.LITTLE_ENDIAN).name());
    }

    static byte[] bytes(String name) throws IOException {
        return Files.readAllBytes(fixture(name));
    }
}
