package dev.nativeload.binary.pe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.MalformedBinaryException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Delay-load imports, on images assembled in memory: the mingw toolchains here cannot produce
 * them, and no PE file on the test path has them.
 */
class DelayImportTest {

    /** Writes an RVA-based (attribute 1) or VA-based (attribute 0) delay table for two DLLs. */
    static PeBuilder twoDelayedDlls(boolean pe32Plus, boolean rvaBased) {
        PeBuilder b = new PeBuilder(pe32Plus);
        long bias = rvaBased ? 0 : b.imageBase();
        int userName = b.string("USER32.dll");
        int shellName = b.string("SHELL32.dll");
        int msgBox = b.hintName(7, "MessageBoxW");
        int getDc = b.hintName(9, "GetDC");
        int userInt = b.thunks(msgBox + bias, getDc + bias, 0);
        int userIat = b.thunks(0, 0, 0);
        int shellInt = b.thunks(b.ordinalFlag() | 680, 0);
        int shellIat = b.thunks(0, 0);
        int handles = b.thunks(0, 0);
        int table = b.words(
                rvaBased ? 1 : 0, userName + bias, handles + bias, userIat + bias, userInt + bias, 0, 0, 0,
                rvaBased ? 1 : 0, shellName + bias, handles + (pe32Plus ? 8 : 4) + bias, shellIat + bias, shellInt + bias, 0, 0, 0,
                0, 0, 0, 0, 0, 0, 0, 0);
        return b.directory(DataDirectory.DELAY_IMPORT, table, 3 * 32);
    }

    private static PeFile parse(byte[] bytes) throws MalformedBinaryException {
        return PeFile.read(BinaryData.of(bytes, ByteOrder.LITTLE_ENDIAN));
    }

    @ParameterizedTest(name = "pe32Plus={0}")
    @ValueSource(booleans = {false, true})
    void rvaBasedDelayImportsListDllsAndFunctionsInTableOrder(boolean pe32Plus) throws Exception {
        PeFile pe = parse(twoDelayedDlls(pe32Plus, true).build());
        assertEquals(List.of(
                new DelayImportedDll("USER32.dll", true, List.of(
                        new ImportedFunction.ByName("MessageBoxW", 7), new ImportedFunction.ByName("GetDC", 9))),
                new DelayImportedDll("SHELL32.dll", true, List.of(new ImportedFunction.ByOrdinal(680)))),
                pe.delayImports());
        assertEquals(List.of("USER32.dll", "SHELL32.dll"), pe.summary().delayImports());
        assertEquals(List.of(), pe.summary().needed(), "delay-loaded DLLs are not ordinary imports");
    }

    @Test
    void vaBasedDelayDescriptorAddressesAreRebasedByImageBase() throws Exception {
        PeFile pe = parse(twoDelayedDlls(false, false).build());
        assertEquals(2, pe.delayImports().size());
        DelayImportedDll user = pe.delayImports().get(0);
        assertEquals("USER32.dll", user.name());
        assertFalse(user.rvaBased());
        assertEquals(List.of(new ImportedFunction.ByName("MessageBoxW", 7), new ImportedFunction.ByName("GetDC", 9)),
                user.functions());
        assertEquals(List.of(new ImportedFunction.ByOrdinal(680)), pe.delayImports().get(1).functions());
    }

    @Test
    void vaBasedDelayDescriptorCannotAddressPe32PlusImageAbove4GiB() {
        // The descriptor's fields are 32 bits wide: the old VA form cannot name anything in an image based at 6 GiB.
        MalformedBinaryException e = assertThrows(MalformedBinaryException.class,
                () -> parse(twoDelayedDlls(true, false).build()));
        assertTrue(e.getMessage().contains("outside the image based at 0x180000000"), e.getMessage());
    }

    @Test
    void vaBasedDelayDescriptorBelowImageBaseIsMalformed() {
        PeBuilder b = new PeBuilder(false);
        int name = b.string("A.dll");
        int table = b.words(0, name, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        b.directory(DataDirectory.DELAY_IMPORT, table, 64);
        MalformedBinaryException e = assertThrows(MalformedBinaryException.class, () -> parse(b.build()));
        assertTrue(e.getMessage().contains("outside the image"), e.getMessage());
        assertTrue(e.offset().isPresent());
    }

    @Test
    void delayDescriptorTableWithoutTerminatorIsMalformed() {
        PeBuilder b = new PeBuilder(true, 0x200);
        int name = b.string("A.dll");
        int table = b.words(1, name, 0, 0, 0, 0, 0, 0);
        while (b.nextRva() + 32 <= PeBuilder.SECTION_RVA + 0x200) {
            b.words(1, name, 0, 0, 0, 0, 0, 0);
        }
        b.directory(DataDirectory.DELAY_IMPORT, table, 32);
        MalformedBinaryException e = assertThrows(MalformedBinaryException.class, () -> parse(b.build()));
        assertTrue(e.getMessage().contains("no terminating descriptor"), e.getMessage());
    }

    @Test
    void rvaBasedDelayImportsAgreeWithLlvmReadobj(@TempDir Path dir) throws Exception {
        assumeTrue(Readobj.available(), "llvm-readobj not installed");
        for (boolean pe32Plus : new boolean[] {false, true}) {
            byte[] bytes = twoDelayedDlls(pe32Plus, true).build();
            Path file = dir.resolve("delay" + (pe32Plus ? 64 : 32) + ".dll");
            Files.write(file, bytes);
            List<String> expected = Readobj.run(file).lines().stream().filter(l -> l.startsWith("delay")).toList();
            List<String> actual = PeFacts.of(PeFile.read(file)).stream().filter(l -> l.startsWith("delay")).toList();
            assertEquals(5, expected.size(), "llvm-readobj saw both DLLs and three functions: " + expected);
            assertEquals(expected, actual);
        }
    }
}
