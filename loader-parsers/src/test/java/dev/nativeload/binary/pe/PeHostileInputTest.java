package dev.nativeload.binary.pe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.testing.TestData;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hand-made hostile counts and offsets: each ends in MalformedBinaryException (or a result) quickly, with an offset. */
class PeHostileInputTest {

    private static PeFile parse(byte[] bytes) throws MalformedBinaryException {
        return PeFile.read(BinaryData.of(bytes, ByteOrder.LITTLE_ENDIAN));
    }

    private static MalformedBinaryException rejected(byte[] bytes, String messagePart) {
        MalformedBinaryException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(MalformedBinaryException.class, () -> parse(bytes)));
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
        assertTrue(e.offset().isPresent(), "names an offset: " + e.getMessage());
        return e;
    }

    private static byte[] depDll() throws Exception {
        return Files.readAllBytes(TestData.path("pe", "mingw-x86_64", "dep.dll"));
    }

    private static ByteBuffer le(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** {@return the file offset of dep.dll's export directory} */
    private static int exportDirectoryOffset(byte[] bytes) throws Exception {
        PeFile pe = parse(bytes);
        long rva = pe.optionalHeader().orElseThrow().directory(DataDirectory.EXPORT).orElseThrow().virtualAddress();
        return (int) pe.fileOffset(rva).orElseThrow();
    }

    @Test
    void sectionCountFfffRunningPastTheFileIsRejectedBeforeTheTableIsRead() throws Exception {
        byte[] bytes = depDll();
        int peOffset = le(bytes).getInt(0x3c);
        le(bytes).putShort(peOffset + 6, (short) 0xffff);
        MalformedBinaryException e = rejected(bytes, "invalid section count 65535");
        assertEquals(OptionalLong.of(peOffset + 6), e.offset());
    }

    @ParameterizedTest
    @ValueSource(longs = {0x2ffe, 0x3000, 0x7fff_ffffL, 0xffff_ffffL, 0, 2})
    void eLfanewOutsideTheFileIsRejected(long eLfanew) throws Exception {
        byte[] bytes = depDll();
        assertEquals(0x3000, bytes.length, "fixture size the values were picked for");
        le(bytes).putInt(0x3c, (int) eLfanew);
        MalformedBinaryException e = rejected(bytes, "e_lfanew");
        assertEquals(OptionalLong.of(0x3c), e.offset());
    }

    @Test
    void optionalHeaderTooSmallForItsMagicIsRejected() throws Exception {
        byte[] bytes = depDll();
        int peOffset = le(bytes).getInt(0x3c);
        le(bytes).putShort(peOffset + 20, (short) 100);
        rejected(bytes, "optional header size 100 is smaller than the 112 bytes a PE32+ header needs");
    }

    @Test
    void unknownOptionalHeaderMagicIsRejected() throws Exception {
        byte[] bytes = depDll();
        int peOffset = le(bytes).getInt(0x3c);
        le(bytes).putShort(peOffset + 24, (short) 0x107);
        rejected(bytes, "invalid optional header magic 0x107");
    }

    @Test
    void importDescriptorsWithoutTerminatorEndAtTheSectionEnd() {
        PeBuilder b = new PeBuilder(true, 0x400);
        int name = b.string("A.dll");
        int thunks = b.thunks(0);
        int table = b.words(thunks, 0, 0, name, thunks);
        while (b.nextRva() + 20 <= PeBuilder.SECTION_RVA + 0x400) {
            b.words(thunks, 0, 0, name, thunks);
        }
        b.directory(DataDirectory.IMPORT, table, 20);
        rejected(b.build(), "import directory has no terminating descriptor");
    }

    @ParameterizedTest(name = "pe32Plus={0}")
    @ValueSource(booleans = {false, true})
    void thunkTableWithoutTerminatorEndsAtTheSectionEnd(boolean pe32Plus) {
        PeBuilder b = new PeBuilder(pe32Plus, 0x400);
        int name = b.string("A.dll");
        int hint = b.hintName(1, "f");
        int table = b.words(0, 0, 0, name, 0, 0, 0, 0, 0, 0);
        int thunks = b.nextRva();
        while (b.nextRva() + (pe32Plus ? 8 : 4) <= PeBuilder.SECTION_RVA + 0x400) {
            b.thunks(hint);
        }
        ByteBuffer patch = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(thunks);
        byte[] bytes = b.directory(DataDirectory.IMPORT, table, 40).build();
        int descriptor = PeBuilder.SECTION_FILE_OFFSET + (table - PeBuilder.SECTION_RVA);
        System.arraycopy(patch.array(), 0, bytes, descriptor, 4);
        System.arraycopy(patch.array(), 0, bytes, descriptor + 16, 4);
        rejected(bytes, "has no terminating zero before the end of its section");
    }

    @Test
    void overlappingImportTablesExhaustTheReadBudget() {
        // 0x10000 bytes: a 3000-entry thunk table shared by ~1900 descriptors would be 5.7 million reads.
        PeBuilder b = new PeBuilder(true, 0x10000);
        int name = b.string("A.dll");
        int hint = b.hintName(1, "f");
        long[] values = new long[3001];
        java.util.Arrays.fill(values, 0, 3000, hint);
        int thunks = b.thunks(values);
        int table = b.words(thunks, 0, 0, name, thunks);
        while (b.nextRva() + 40 <= PeBuilder.SECTION_RVA + 0x10000) {
            b.words(thunks, 0, 0, name, thunks);
        }
        b.directory(DataDirectory.IMPORT, table, 20);
        rejected(b.build(), "overlapping tables");
    }

    @Test
    void exportNumberOfNamesHugeIsRejectedBeforeAllocating() throws Exception {
        byte[] bytes = depDll();
        int dir = exportDirectoryOffset(bytes);
        le(bytes).putInt(dir + 24, 0xffff_ffff);
        MalformedBinaryException e = rejected(bytes, "invalid export name pointer table entry count 4294967295");
        assertEquals(OptionalLong.of(dir + 24), e.offset());
    }

    @Test
    void exportNumberOfFunctionsHugeIsRejectedBeforeAllocating() throws Exception {
        byte[] bytes = depDll();
        int dir = exportDirectoryOffset(bytes);
        le(bytes).putInt(dir + 20, 0x7fff_ffff);
        rejected(bytes, "invalid export address table entry count 2147483647");
    }

    @Test
    void exportNameOrdinalPastTheAddressTableIsRejected() throws Exception {
        byte[] bytes = depDll();
        int dir = exportDirectoryOffset(bytes);
        PeFile pe = parse(bytes);
        int ordinals = (int) pe.fileOffset(Integer.toUnsignedLong(le(bytes).getInt(dir + 36))).orElseThrow();
        le(bytes).putShort(ordinals, (short) 3);
        rejected(bytes, "export name ordinal 3 is past the address table's 3 entries");
    }

    @Test
    void directoryRvaInNoSectionIsRejected() {
        byte[] bytes = new PeBuilder(false).directory(DataDirectory.IMPORT, 0x7000_0000L, 20).build();
        rejected(bytes, "import directory RVA 0x70000000 lies in no section's file data");
    }

    @Test
    void unterminatedDllNameIsRejected() {
        PeBuilder b = new PeBuilder(false, 0x200);
        int thunks = b.thunks(0);
        int table = b.words(thunks, 0, 0, 0, thunks, 0, 0, 0, 0, 0);
        int name = b.nextRva();
        byte[] filler = new byte[PeBuilder.SECTION_RVA + 0x200 - name];
        java.util.Arrays.fill(filler, (byte) 'A');
        b.put(filler);
        byte[] bytes = b.directory(DataDirectory.IMPORT, table, 40).build();
        le(bytes).putInt(PeBuilder.SECTION_FILE_OFFSET + (table - PeBuilder.SECTION_RVA) + 12, name);
        rejected(bytes, "imported DLL name is not NUL-terminated");
    }

    @Test
    void selfReferencingRvasEndInResultOrMalformed() {
        Outcomes outcomes = new Outcomes();
        for (boolean pe32Plus : new boolean[] {false, true}) {
            // an import descriptor whose Name and thunk table are the descriptor itself
            PeBuilder a = new PeBuilder(pe32Plus);
            int self = a.nextRva();
            a.words(self, 0, 0, self, self, 0, 0, 0, 0, 0);
            outcomes.read(a.directory(DataDirectory.IMPORT, self, 40).build(), 0x200 + 0x1000, "descriptor naming itself");
            // a thunk whose hint/name entry is the thunk itself
            PeBuilder t = new PeBuilder(pe32Plus);
            int name = t.string("A.dll");
            int thunk = t.nextRva() + 3 & ~3;
            t.thunks(thunk, 0);
            int table = t.words(thunk, 0, 0, name, thunk, 0, 0, 0, 0, 0);
            outcomes.read(t.directory(DataDirectory.IMPORT, table, 40).build(), 0x1200, "thunk naming itself");
            // an export directory whose tables are the directory itself
            PeBuilder x = new PeBuilder(pe32Plus);
            int dir = x.nextRva();
            x.words(0, 0, 0, dir, 1, 10, 10, dir, dir, dir);
            outcomes.read(x.directory(DataDirectory.EXPORT, dir, 40).build(), 0x1200, "export tables in the directory");
            // import and delay directories pointing into the headers (mapped at RVA 0)
            for (int index : new int[] {DataDirectory.IMPORT, DataDirectory.DELAY_IMPORT, DataDirectory.EXPORT}) {
                outcomes.read(new PeBuilder(pe32Plus).directory(index, 0x40, 40).build(), 0x1200, "directory in headers");
            }
        }
        assertEquals(12, outcomes.total());
    }
}
