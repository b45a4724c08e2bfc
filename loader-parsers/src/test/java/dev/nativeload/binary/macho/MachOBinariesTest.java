package dev.nativeload.binary.macho;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.BinaryFormat;
import dev.nativeload.binary.Binaries;
import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.NativeBinary;
import dev.nativeload.binary.NotABinaryException;
import dev.nativeload.binary.testing.TestData;
import java.io.InputStream;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** The format-sniffing entry point hands Mach-O files to this package's readers. */
class MachOBinariesTest {
    @Test
    void binariesReadGivesAMachOFileForAThinFixture() throws Exception {
        NativeBinary b = Binaries.read(TestData.path("macho", "arm64-macos11", "libfoo.dylib"));
        MachOFile f = assertInstanceOf(MachOFile.class, b);
        assertEquals(BinaryFormat.MACHO, f.format());
        assertEquals(java.util.List.of(f), f.images());
        assertEquals(32, ((MachOFile) Binaries.read(TestData.path("macho", "arm64_32-watchos5", "libfoo.dylib"))).summary().bits());
    }

    @Test
    void binariesReadGivesAFatMachOFileForBothUniversalHeaderForms() throws Exception {
        for (String dir : new String[] {"fat", "fat64"}) {
            FatMachOFile fat = assertInstanceOf(FatMachOFile.class, Binaries.read(TestData.path("macho", dir, "libfoo.dylib")));
            assertEquals(BinaryFormat.FAT_MACHO, fat.format());
            assertEquals(2, fat.images().size());
            fat.images().forEach(i -> assertEquals(BinaryFormat.MACHO, i.summary().format()));
        }
    }

    @Test
    void javaClassFileIsNotTakenForAFatMachO() throws Exception {
        byte[] classFile;
        try (InputStream in = MachOBinariesTest.class.getResourceAsStream("MachOBinariesTest.class")) {
            classFile = in.readAllBytes();
        }
        BinaryData data = BinaryData.of(classFile, ByteOrder.LITTLE_ENDIAN);
        assertEquals(0xcafebabeL, data.withOrder(ByteOrder.BIG_ENDIAN).u32(0, "magic"));
        NotABinaryException e = assertThrows(NotABinaryException.class, () -> Binaries.read(data));
        assertTrue(e.getMessage().contains("Java class"), e.getMessage());
        MalformedBinaryException m = assertThrows(MalformedBinaryException.class, () -> FatMachOFile.read(data));
        assertTrue(m.getMessage().contains("architecture count"), m.getMessage());
    }
}
