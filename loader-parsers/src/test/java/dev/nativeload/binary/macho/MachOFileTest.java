package dev.nativeload.binary.macho;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.TargetOs;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Rules of the thin reader, on images assembled byte by byte. */
class MachOFileTest {
    private static MachOFile read(byte[] bytes) throws MalformedBinaryException {
        return MachOFile.read(BinaryData.of(bytes, ByteOrder.LITTLE_ENDIAN));
    }

    private static MalformedBinaryException rejected(byte[] bytes) {
        return assertThrows(MalformedBinaryException.class, () -> read(bytes));
    }

    private static MachOBuilder withOneDylib() {
        return MachOBuilder.arm64Dylib().dylib(LoadCommandType.LC_ID_DYLIB, "@rpath/libx.dylib", 0x20401, 0x20000);
    }

    @Test
    void dylibVersionsRenderAsMajorMinorPatch() throws Exception {
        LoadCommand.Dylib id = read(withOneDylib().build()).id().orElseThrow();
        assertEquals("2.4.1", id.currentVersion().toString());
        assertEquals("2.0.0", id.compatibilityVersion().toString());
        assertEquals("1311.2.3", new MachOVersion(1311L << 16 | 2 << 8 | 3).toString());
    }

    @Test
    void everyDependencyKindIsNeededInFileOrder() throws Exception {
        MachOFile f = read(withOneDylib()
                .dylib(LoadCommandType.LC_LOAD_UPWARD_DYLIB, "/up", 0, 0)
                .dylib(LoadCommandType.LC_LAZY_LOAD_DYLIB, "/lazy", 0, 0)
                .dylib(LoadCommandType.LC_LOAD_DYLIB, "/load", 0, 0)
                .dylib(LoadCommandType.LC_REEXPORT_DYLIB, "/reexport", 0, 0)
                .dylib(LoadCommandType.LC_LOAD_WEAK_DYLIB, "/weak", 0, 0).build());
        assertEquals(List.of(DylibKind.UPWARD, DylibKind.LAZY, DylibKind.LOAD, DylibKind.REEXPORT, DylibKind.WEAK),
                f.dependencies().stream().map(LoadCommand.Dylib::kind).toList());
        assertEquals(List.of("/up", "/lazy", "/load", "/reexport", "/weak"), f.summary().needed());
        assertEquals(Optional.of("@rpath/libx.dylib"), f.summary().soname());
    }

    @Test
    void bigEndianPowerPcImageIsReadInItsOwnByteOrder() throws Exception {
        byte[] bytes = new MachOBuilder(false, ByteOrder.BIG_ENDIAN, CpuType.POWERPC.value(), 0, FileType.BUNDLE.value())
                .stringCommand(LoadCommandType.LC_RPATH, "@loader_path").build();
        MachOFile f = read(bytes);
        assertEquals(ByteOrder.BIG_ENDIAN, f.summary().byteOrder());
        assertEquals(Architecture.PPC, f.summary().architecture());
        assertEquals(32, f.summary().bits());
        assertEquals("BUNDLE", f.summary().fileType());
        assertEquals(List.of("@loader_path"), f.rpaths());
    }

    @Test
    void arm64eSubtypeIsVisibleWhileTheArchitectureStaysAarch64() throws Exception {
        byte[] bytes = new MachOBuilder(true, ByteOrder.LITTLE_ENDIAN, CpuType.ARM64.value(), 0x8000_0002,
                FileType.DYLIB.value()).build();
        MachOFile f = read(bytes);
        assertTrue(f.header().cpuSubtype().isArm64e());
        assertEquals("arm64e", f.header().cpuSubtype().archName());
        assertEquals(0x80, f.header().cpuSubtype().capabilities());
        assertEquals(Architecture.AARCH64, f.summary().architecture());
    }

    @Test
    void unknownCpuTypeKeepsItsValueInTheArchitectureName() throws Exception {
        byte[] bytes = new MachOBuilder(true, ByteOrder.LITTLE_ENDIAN, 0x0100_0042, 0, FileType.DYLIB.value()).build();
        assertEquals(new Architecture("macho-cpu-0x1000042"), read(bytes).summary().architecture());
    }

    @Test
    void versionMinIphoneosNamesIosAndAnUnknownHostOs() throws Exception {
        MachOFile f = read(MachOBuilder.arm64Dylib()
                .versionMin(LoadCommandType.LC_VERSION_MIN_IPHONEOS, 0x0c0100, 0x0d0000).build());
        assertEquals(Optional.of(Platform.IOS), f.platform());
        assertEquals("12.1.0", f.minOs().orElseThrow().toString());
        assertEquals(TargetOs.UNKNOWN, f.summary().os());
    }

    @Test
    void macCatalystBuildVersionIsMacos() throws Exception {
        MachOBuilder b = MachOBuilder.arm64Dylib();
        MachOFile f = read(b.command(LoadCommandType.LC_BUILD_VERSION, b.ints(6, 0x0d0000, 0x0e0000, 0)).build());
        assertEquals(Optional.of(Platform.MACCATALYST), f.platform());
        assertEquals(TargetOs.MACOS, f.summary().os());
    }

    @Test
    void imageWithoutPlatformCommandIsTakenForMacos() throws Exception {
        MachOFile f = read(withOneDylib().build());
        assertEquals(Optional.empty(), f.platform());
        assertEquals(TargetOs.MACOS, f.summary().os());
    }

    @Test
    void unknownLoadCommandIsKeptWithItsTypeOffsetAndSize() throws Exception {
        MachOFile f = read(MachOBuilder.arm64Dylib().command(0x7777, new byte[8]).build());
        LoadCommand c = f.loadCommands().get(0);
        assertInstanceOf(LoadCommand.Unknown.class, c);
        assertEquals("LC_0x7777", c.type().name());
        assertEquals(32, c.offset());
        assertEquals(16, c.size());
    }

    @Test
    void cmdsizeZeroIsRejectedRatherThanLoopedOn() {
        MalformedBinaryException e = rejected(MachOBuilder.arm64Dylib().command(0x7777, 0, new byte[8]).trailing(64).build());
        assertEquals(36, e.offset().orElseThrow());
        assertTrue(e.getMessage().contains("cmdsize 0"), e.getMessage());
    }

    @Test
    void cmdsizeNotAMultipleOfFourIsRejected() {
        rejected(MachOBuilder.arm64Dylib().command(0x7777, 18, new byte[16]).build());
    }

    @Test
    void cmdsizeAMultipleOfFourButNotEightIsAcceptedIn64BitImagesAsDyldDoes() throws Exception {
        MachOFile f = read(MachOBuilder.arm64Dylib().command(0x7777, 12, new byte[4]).build());
        assertEquals(12, f.loadCommands().get(0).size());
    }

    @Test
    void cmdsizeSmallerThanTheCommandsFixedPartIsRejected() {
        MalformedBinaryException e = rejected(MachOBuilder.arm64Dylib().command(LoadCommandType.LC_ID_DYLIB, 16, new byte[8]).build());
        assertTrue(e.getMessage().contains("fixed part"), e.getMessage());
    }

    @Test
    void commandRunningPastSizeofcmdsIsRejected() {
        rejected(withOneDylib().sizeofcmds(24).trailing(64).build());
    }

    @Test
    void sizeofcmdsPastTheEndOfTheImageIsRejected() {
        MalformedBinaryException e = rejected(withOneDylib().sizeofcmds(0x10000).build());
        assertEquals(20, e.offset().orElseThrow());
    }

    @Test
    void ncmdsThatCannotFitInSizeofcmdsIsRejected() {
        assertTrue(rejected(withOneDylib().ncmds(0xffff_ffffL).build()).getMessage().contains("count"));
        rejected(withOneDylib().ncmds(7).build());
    }

    @Test
    void ncmdsAboveTheCapIsRejectedEvenWhenSizeofcmdsWouldHoldThem() {
        rejected(MachOBuilder.arm64Dylib().ncmds(LoadCommandParser.MAX_COMMANDS + 1)
                .sizeofcmds(8 * (LoadCommandParser.MAX_COMMANDS + 1)).trailing(8 * (int) (LoadCommandParser.MAX_COMMANDS + 1)).build());
    }

    @Test
    void stringOffsetPastTheCommandEndIsRejected() {
        MachOBuilder b = MachOBuilder.arm64Dylib();
        MalformedBinaryException e = rejected(b.command(LoadCommandType.LC_RPATH, 16, b.ints(16, 0x41414141)).trailing(32).build());
        assertEquals(32 + 8, e.offset().orElseThrow());
    }

    @Test
    void stringOffsetInsideTheFixedPartIsRejected() {
        MachOBuilder b = MachOBuilder.arm64Dylib();
        rejected(b.command(LoadCommandType.LC_LOAD_DYLIB, 32, b.ints(8, 0, 0, 0, 0x41414141, 0)).build());
    }

    @Test
    void stringWithoutNulInsideItsCommandIsRejected() {
        MachOBuilder b = MachOBuilder.arm64Dylib();
        rejected(b.command(LoadCommandType.LC_RPATH, 16, b.ints(12, 0x41414141)).trailing(16).build());
    }

    @Test
    void segmentFileRangePastTheImageIsRejected() {
        MachOBuilder b = MachOBuilder.arm64Dylib();
        byte[] body = new byte[64];
        java.nio.ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN).put(0, "__TEXT".getBytes())
                .putLong(32, 0).putLong(40, 0x1000);
        MalformedBinaryException e = rejected(b.command(LoadCommandType.LC_SEGMENT_64, 72, body).build());
        assertTrue(e.getMessage().contains("__TEXT"), e.getMessage());
    }

    @Test
    void segmentSectionCountBeyondItsCommandIsRejected() {
        MachOBuilder b = MachOBuilder.arm64Dylib();
        byte[] body = new byte[64];
        java.nio.ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN).putInt(56, 1);
        rejected(b.command(LoadCommandType.LC_SEGMENT_64, 72, body).build());
    }

    @Test
    void buildVersionToolCountBeyondItsCommandIsRejected() {
        MachOBuilder b = MachOBuilder.arm64Dylib();
        rejected(b.command(LoadCommandType.LC_BUILD_VERSION, b.ints(1, 0x0b0000, 0x0b0000, 1000)).build());
    }

    @Test
    void truncatedHeaderIsRejectedWithOffset() {
        byte[] full = withOneDylib().build();
        for (int n = 0; n < 32; n++) {
            assertTrue(rejected(java.util.Arrays.copyOf(full, n)).offset().isPresent());
        }
    }

    @Test
    void wrongMagicIsRejected() {
        byte[] bytes = withOneDylib().build();
        bytes[0] = 0x7f;
        assertTrue(rejected(bytes).getMessage().contains("not a Mach-O image"));
    }

    @Test
    void fatFileIsNotReadAsAThinImageAndTheErrorSaysSo() {
        byte[] fat = MachOBuilder.fat(false, List.of(MachOBuilder.Slice.of(withOneDylib().build(), CpuType.ARM64.value(), 0, 4096)));
        assertTrue(rejected(fat).getMessage().contains("universal"));
    }
}
