package dev.nativeload.binary.macho;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.BinaryFormat;
import dev.nativeload.binary.Binaries;
import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.testing.TestData;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Rules of the universal reader, on files assembled from the committed fixtures. */
class FatMachOFileTest {
    private static final int ARM64 = CpuType.ARM64.value();
    private static final int X86_64 = CpuType.X86_64.value();

    private static byte[] fixture(String dir, String name) throws Exception {
        return Files.readAllBytes(TestData.path("macho", dir, name));
    }

    private static FatMachOFile read(byte[] bytes) throws MalformedBinaryException {
        return FatMachOFile.read(BinaryData.of(bytes, ByteOrder.LITTLE_ENDIAN));
    }

    private static MalformedBinaryException rejected(byte[] bytes) {
        return assertThrows(MalformedBinaryException.class, () -> read(bytes));
    }

    private static byte[] twoSlices(boolean wide) throws Exception {
        byte[] arm = fixture("arm64-macos11", "libdep.dylib");
        byte[] x86 = fixture("x86_64-macos10.15", "libdep.dylib");
        return MachOBuilder.fat(wide, List.of(MachOBuilder.Slice.of(arm, ARM64, 0, 0x4000),
                MachOBuilder.Slice.of(x86, X86_64, 3, 0x4000 + 0x8000)));
    }

    @Test
    void fat32AndFat64HeadersGiveTheSameSlices() throws Exception {
        for (boolean wide : new boolean[] {false, true}) {
            FatMachOFile fat = read(twoSlices(wide));
            assertEquals(wide, fat.is64());
            assertEquals(List.of(Architecture.AARCH64, Architecture.X86_64),
                    fat.slices().stream().map(FatSlice::architecture).toList());
            assertEquals(List.of(0x4000L, 0xc000L), fat.slices().stream().map(FatSlice::offset).toList());
            assertEquals(Optional.of("@rpath/libdep.dylib"), fat.images().get(1).summary().soname());
        }
    }

    @Test
    void sliceForAnArchitectureFindsItAndIsEmptyForAMissingOne() throws Exception {
        FatMachOFile fat = read(twoSlices(false));
        assertEquals(X86_64, fat.slice(Architecture.X86_64).orElseThrow().cpuType().value());
        assertEquals(Optional.empty(), fat.slice(Architecture.PPC64));
    }

    @Test
    void plainArm64SliceIsPreferredToArm64e() throws Exception {
        byte[] arm = fixture("arm64-macos11", "libdep.dylib");
        byte[] arm64e = arm.clone();
        arm64e[8] = 2; // cpusubtype CPU_SUBTYPE_ARM64E, little-endian
        byte[] fat = MachOBuilder.fat(false, List.of(MachOBuilder.Slice.of(arm64e, ARM64, 2, 0x8000),
                MachOBuilder.Slice.of(arm, ARM64, 0, 0x10000)));
        FatSlice chosen = read(fat).slice(Architecture.AARCH64).orElseThrow();
        assertEquals(1, chosen.index());
        assertEquals("arm64", chosen.cpuSubtype().archName());
        assertTrue(read(fat).slices().get(0).image().header().cpuSubtype().isArm64e());
    }

    @Test
    void zeroArchitecturesIsRejected() {
        rejected(MachOBuilder.fat(false, List.of()));
    }

    @Test
    void architectureCountAboveTheCapIsRejectedAndIsWhatBinariesCallsAClassFile() throws Exception {
        byte[] arm = fixture("arm64-macos11", "libdep.dylib");
        List<MachOBuilder.Slice> slices = new ArrayList<>();
        for (int i = 0; i <= FatMachOFile.MAX_ARCHES; i++) {
            slices.add(MachOBuilder.Slice.of(arm, ARM64, 0, 0x8000L * (i + 1)));
        }
        byte[] over = MachOBuilder.fat(false, slices);
        assertTrue(rejected(over).getMessage().contains("count " + (FatMachOFile.MAX_ARCHES + 1)));
        assertEquals(Optional.empty(), Binaries.sniff(BinaryData.of(over, ByteOrder.BIG_ENDIAN)));
        byte[] atCap = MachOBuilder.fat(false, slices.subList(0, FatMachOFile.MAX_ARCHES));
        assertEquals(Optional.of(BinaryFormat.FAT_MACHO), Binaries.sniff(BinaryData.of(atCap, ByteOrder.BIG_ENDIAN)));
        assertEquals(FatMachOFile.MAX_ARCHES, read(atCap).slices().size());
    }

    @Test
    void architectureTablePastTheEndOfTheFileIsRejected() {
        byte[] header = {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe, 0, 0, 0, 2, 0, 0, 0, 7};
        rejected(header);
    }

    @Test
    void sliceRunningPastTheEndOfTheFileIsRejected() throws Exception {
        byte[] arm = fixture("arm64-macos11", "libdep.dylib");
        byte[] fat = MachOBuilder.fat(false, List.of(new MachOBuilder.Slice(ARM64, 0, 0x4000, arm.length + 1L, 14, arm)));
        assertTrue(rejected(fat).getMessage().contains("runs past the end"));
        byte[] far = MachOBuilder.fat(true, List.of(new MachOBuilder.Slice(ARM64, 0, 0x7fff_ffff_ffff_ff00L, 0x1000, 14, null)));
        rejected(far);
        byte[] negative = MachOBuilder.fat(true, List.of(new MachOBuilder.Slice(ARM64, 0, 0xffff_ffff_ffff_ff00L, 0x1000, 14, null)));
        rejected(negative);
    }

    @Test
    void overlappingSlicesAreRejected() throws Exception {
        byte[] arm = fixture("arm64-macos11", "libdep.dylib");
        byte[] fat = MachOBuilder.fat(false, List.of(MachOBuilder.Slice.of(arm, ARM64, 0, 0x4000),
                new MachOBuilder.Slice(ARM64, 0, 0x4000, arm.length, 14, null)));
        assertTrue(rejected(fat).getMessage().contains("overlaps"));
    }

    @Test
    void sliceInsideTheFatHeaderIsRejected() throws Exception {
        byte[] arm = fixture("arm64-macos11", "libdep.dylib");
        byte[] fat = MachOBuilder.fat(false, List.of(MachOBuilder.Slice.of(arm, ARM64, 0, 0x4000)));
        byte[] self = fat.clone();
        self[18] = 0; // offset (bytes 16..19) 0x4000 becomes 0: the slice would start at the fat magic
        rejected(self);
    }

    @Test
    void sliceWhoseImageHasAnotherCpuTypeThanItsEntryIsRejected() throws Exception {
        byte[] arm = fixture("arm64-macos11", "libdep.dylib");
        byte[] fat = MachOBuilder.fat(false, List.of(MachOBuilder.Slice.of(arm, X86_64, 3, 0x4000)));
        assertTrue(rejected(fat).getMessage().contains("ARM64"));
    }

    @Test
    void alignmentAboveTwoToTheFifteenthIsRejected() throws Exception {
        byte[] arm = fixture("arm64-macos11", "libdep.dylib");
        rejected(MachOBuilder.fat(false, List.of(new MachOBuilder.Slice(ARM64, 0, 0x4000, arm.length, 16, arm))));
    }

    @Test
    void sliceOffsetsInErrorsAreFileOffsets() throws Exception {
        byte[] arm = fixture("arm64-macos11", "libdep.dylib");
        byte[] broken = arm.clone();
        broken[20] = (byte) 0xff; // sizeofcmds far past the slice
        broken[21] = (byte) 0xff;
        byte[] fat = MachOBuilder.fat(false, List.of(MachOBuilder.Slice.of(broken, ARM64, 0, 0x4000)));
        assertEquals(0x4000 + 20, rejected(fat).offset().orElseThrow());
    }
}
