package dev.nativeload.binary.pe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.Binaries;
import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.BinaryFormat;
import dev.nativeload.binary.BinarySummary;
import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.TargetOs;
import dev.nativeload.binary.testing.TestData;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The reader's rules, each on a committed fixture or an image assembled in memory. */
class PeFileTest {
    private static PeFile fixture(String arch, String name) throws Exception {
        return PeFile.read(TestData.path("pe", "mingw-" + arch, name));
    }

    private static PeFile parse(byte[] bytes) throws MalformedBinaryException {
        return PeFile.read(BinaryData.of(bytes, ByteOrder.LITTLE_ENDIAN));
    }

    @Test
    void summaryOfDllCarriesArchitectureBitsSonameAndImportsInTableOrder() throws Exception {
        BinarySummary s = fixture("x86_64", "api.dll").summary();
        assertEquals(BinaryFormat.PE, s.format());
        assertEquals(Architecture.X86_64, s.architecture());
        assertEquals(64, s.bits());
        assertEquals(ByteOrder.LITTLE_ENDIAN, s.byteOrder());
        assertEquals("DLL", s.fileType());
        assertEquals(TargetOs.WINDOWS, s.os());
        assertEquals(LibcFlavor.NOT_APPLICABLE, s.libc());
        assertEquals(Optional.of("api.dll"), s.soname());
        assertEquals(List.of("dep.dll", "KERNEL32.dll", "msvcrt.dll"), s.needed());
        assertEquals(List.of(), s.delayImports());
    }

    @Test
    void pe32FixtureIsX86With32Bits() throws Exception {
        PeFile pe = fixture("i686", "api.dll");
        assertEquals(Machine.I386, pe.machine());
        assertFalse(pe.isPe32Plus());
        assertEquals(Architecture.X86, pe.summary().architecture());
        assertEquals(32, pe.summary().bits());
        assertTrue(pe.coffHeader().characteristics().has(FileCharacteristics.MACHINE_32BIT));
    }

    @Test
    void executableWithoutExportsHasNoSonameAndTypeExe() throws Exception {
        BinarySummary s = fixture("x86_64", "console.exe").summary();
        assertEquals("EXE", s.fileType());
        assertEquals(Optional.empty(), s.soname());
        assertEquals(List.of("dep.dll", "ordinal.dll", "KERNEL32.dll", "msvcrt.dll"), s.needed());
    }

    @ParameterizedTest
    @ValueSource(strings = {"x86_64", "i686"})
    void guiAndConsoleSubsystemsAreDistinguished(String arch) throws Exception {
        assertEquals(Optional.of(Subsystem.WINDOWS_GUI), fixture(arch, "gui.exe").subsystem());
        assertEquals(Optional.of(Subsystem.WINDOWS_CUI), fixture(arch, "console.exe").subsystem());
    }

    @ParameterizedTest
    @ValueSource(strings = {"x86_64", "i686"})
    void importsByOrdinalAreDecodedInBothThunkWidths(String arch) throws Exception {
        ImportedDll ordinal = fixture(arch, "console.exe").imports().get(1);
        assertEquals("ordinal.dll", ordinal.name());
        assertEquals(List.of(new ImportedFunction.ByOrdinal(5), new ImportedFunction.ByOrdinal(9)), ordinal.functions());
    }

    @ParameterizedTest
    @ValueSource(strings = {"x86_64", "i686"})
    void exportByOrdinalOnlyHasNoNameAndUnusedSlotsAreSkipped(String arch) throws Exception {
        ExportDirectory dir = fixture(arch, "ordinal.dll").exports().orElseThrow();
        assertEquals(5, dir.ordinalBase());
        assertEquals(List.of(5L, 9L, 12L), dir.exports().stream().map(Export::ordinal).toList());
        assertEquals(Optional.empty(), dir.byOrdinal(5).orElseThrow().name());
        assertEquals(Optional.of("ord_named"), dir.byOrdinal(12).orElseThrow().name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"x86_64", "i686"})
    void forwarderIsAnExportWhoseRvaLiesInsideTheExportDirectory(String arch) throws Exception {
        PeFile pe = fixture(arch, "forward.dll");
        DataDirectory dir = pe.optionalHeader().orElseThrow().directory(DataDirectory.EXPORT).orElseThrow();
        Export add = pe.exports().orElseThrow().byName("fwd_add").orElseThrow();
        assertEquals(Optional.of("dep.dep_add"), add.forwarder());
        assertTrue(add.rva() >= dir.virtualAddress() && add.rva() < dir.virtualAddress() + dir.size());
        assertEquals(Optional.of("KERNEL32.Sleep"), pe.exports().orElseThrow().byName("fwd_sleep").orElseThrow().forwarder());
        Export own = pe.exports().orElseThrow().byName("fwd_own").orElseThrow();
        assertFalse(own.isForwarder());
        assertTrue(own.rva() < dir.virtualAddress());
    }

    @Test
    void rvaTranslatesThroughSectionTableAndHeaders() throws Exception {
        PeFile pe = fixture("x86_64", "dep.dll");
        Section edata = pe.sections().stream().filter(s -> s.name().equals(".edata")).findFirst().orElseThrow();
        assertEquals(OptionalLong.of(edata.pointerToRawData() + 0x10), pe.fileOffset(edata.virtualAddress() + 0x10));
        assertEquals(OptionalLong.of(0x3c), pe.fileOffset(0x3c), "headers are mapped at RVA 0");
        Section bss = pe.sections().stream().filter(s -> s.name().equals(".bss")).findFirst().orElseThrow();
        assertEquals(OptionalLong.empty(), pe.fileOffset(bss.virtualAddress()), ".bss has no file bytes");
        assertEquals(OptionalLong.empty(), pe.fileOffset(0x7fff_0000L));
        // the export directory's DLL name, found through the translation, is the soname
        byte[] bytes = Files.readAllBytes(TestData.path("pe", "mingw-x86_64", "dep.dll"));
        long dirOffset = pe.fileOffset(pe.optionalHeader().orElseThrow().directory(DataDirectory.EXPORT)
                .orElseThrow().virtualAddress()).orElseThrow();
        long nameRva = Integer.toUnsignedLong(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt((int) dirOffset + 12));
        int nameOffset = (int) pe.fileOffset(nameRva).orElseThrow();
        assertEquals("dep.dll", new String(bytes, nameOffset, 7, java.nio.charset.StandardCharsets.US_ASCII));
    }

    @ParameterizedTest
    @CsvSource({"0x8664, x86_64", "0x14c, x86", "0xaa64, aarch64", "0x1c4, arm", "0x1c0, arm", "0xa641, arm64ec",
            "0x5064, riscv64", "0x200, ia64", "0x1234, pe-machine-0x1234"})
    void architectureFollowsCoffMachine(String machine, String architecture) throws Exception {
        int value = Integer.decode(machine);
        PeFile pe = parse(new PeBuilder(true).machine(value).build());
        assertEquals(new Architecture(architecture), pe.summary().architecture());
        assertEquals(value, pe.machine().value());
    }

    @Test
    void bitsFollowOptionalHeaderMagicNotMachine() throws Exception {
        assertEquals(32, parse(new PeBuilder(false).machine(0x8664).build()).summary().bits());
        assertEquals(64, parse(new PeBuilder(true).machine(0x14c).build()).summary().bits());
    }

    @Test
    void unknownMachineSubsystemAndFlagsPrintAsHex() throws Exception {
        PeFile pe = parse(new PeBuilder(true).machine(0x1234).subsystem(0x77).characteristics(0x2040).build());
        assertEquals("0x1234", pe.machine().name());
        assertFalse(pe.machine().isKnown());
        assertEquals("0x77", pe.subsystem().orElseThrow().name());
        assertEquals(List.of("DLL", "0x40"), pe.coffHeader().characteristics().names());
        assertEquals(Subsystem.EFI_APPLICATION, new Subsystem(10));
        assertEquals("EFI_APPLICATION", new Subsystem(10).name());
    }

    @Test
    void dllCharacteristicsAreDecoded() throws Exception {
        OptionalHeader o = fixture("x86_64", "dep.dll").optionalHeader().orElseThrow();
        assertEquals(List.of("HIGH_ENTROPY_VA", "DYNAMIC_BASE", "NX_COMPAT"), o.dllCharacteristics().names());
        assertTrue(o.dllCharacteristics().has(DllCharacteristics.DYNAMIC_BASE));
    }

    @Test
    void fileTypeIsDllOnlyWhenImageFileDllFlagIsSet() throws Exception {
        assertEquals("DLL", parse(new PeBuilder(true).characteristics(0x2022).build()).summary().fileType());
        assertEquals("EXE", parse(new PeBuilder(true).characteristics(0x0022).build()).summary().fileType());
    }

    @Test
    void imageWithoutOptionalHeaderIsObj() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(0x40 + 24).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, (byte) 'M').put(1, (byte) 'Z').putInt(0x3c, 0x40).putInt(0x40, 0x4550).putShort(0x44, (short) 0xaa64);
        PeFile pe = parse(b.array());
        assertEquals("OBJ", pe.summary().fileType());
        assertEquals(Optional.empty(), pe.optionalHeader());
        assertEquals(List.of(), pe.imports());
        assertEquals(Architecture.AARCH64, pe.summary().architecture());
        assertEquals(64, pe.summary().bits());
        ByteBuffer.wrap(b.array()).order(ByteOrder.LITTLE_ENDIAN).putShort(0x44, (short) 0x1c4);
        assertEquals(32, parse(b.array()).summary().bits(), "ARMNT object without optional header");
    }

    @Test
    void binariesReadDispatchesFixtureToPeFile() throws Exception {
        Path dll = TestData.path("pe", "mingw-i686", "dep.dll");
        PeFile pe = assertInstanceOf(PeFile.class, Binaries.read(dll));
        assertEquals(BinaryFormat.PE, pe.format());
        assertEquals(List.of(pe), pe.images());
        assertEquals(Optional.of("dep.dll"), pe.summary().soname());
    }

    @Test
    void jarDllArchitecturesMatchTheDirectoriesTheJarsFileThemUnder() throws Exception {
        int checked = 0;
        for (var e : PeFiles.jarDlls()) {
            String dir = e.entry().toLowerCase(java.util.Locale.ROOT);
            Architecture expected = dir.contains("x86-64") || dir.contains("x86_64") || dir.contains("amd64")
                    ? Architecture.X86_64
                    : dir.contains("aarch64") ? Architecture.AARCH64
                    : dir.contains("armv7") ? Architecture.ARM
                    : dir.contains("x86") ? Architecture.X86 : null;
            if (expected == null) {
                continue;
            }
            BinarySummary s = assertInstanceOf(PeFile.class, Binaries.read(e.file()), e.toString()).summary();
            assertEquals(expected, s.architecture(), e.toString());
            assertEquals(expected == Architecture.X86 || expected == Architecture.ARM ? 32 : 64, s.bits(), e.toString());
            assertEquals("DLL", s.fileType(), e.toString());
            checked++;
        }
        assertTrue(checked >= 6, "checked " + checked + " jar DLLs");
    }

    @Test
    void bigEndianViewIsReadLittleEndian() throws Exception {
        byte[] bytes = Files.readAllBytes(TestData.path("pe", "mingw-x86_64", "gui.exe"));
        PeFile pe = PeFile.read(BinaryData.of(bytes, ByteOrder.BIG_ENDIAN));
        assertEquals(Machine.AMD64, pe.machine());
        assertEquals(List.of("KERNEL32.dll", "msvcrt.dll", "USER32.dll"), pe.summary().needed());
    }
}
