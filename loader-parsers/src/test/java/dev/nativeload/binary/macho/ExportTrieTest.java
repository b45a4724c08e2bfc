package dev.nativeload.binary.macho;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.MalformedBinaryException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Export tries written by hand: the entries ld64 writes that lld cannot (renamed re-exports), and hostile ones. */
class ExportTrieTest {
    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            if (p instanceof String s) {
                out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
                out.write(0);
            } else {
                out.write((Integer) p);
            }
        }
        return out.toByteArray();
    }

    private static List<MachOExport> read(byte[] trie) throws MalformedBinaryException {
        return ExportTrie.read(BinaryData.of(trie, ByteOrder.LITTLE_ENDIAN));
    }

    @Test
    void reexportEntryKeepsItsLibraryOrdinalAndItsNameThereOrItsOwnWhenEmpty() throws Exception {
        // root: no terminal, 2 children, padded to 16; "_a" at 16: re-export of ordinal 2's "_b"; "_c" at 24: same name.
        byte[] trie = bytes(0, 2, "_a", 16, "_c", 24, 0, 0, 0, 0, 0, 0,
                5, 0x08, 2, "_b", 0, 0,
                3, 0x08, 1, "", 0);
        assertEquals(List.of(
                new MachOExport("_a", 0x08, 0, Optional.of(new MachOExport.ReExport(2, "_b"))),
                new MachOExport("_c", 0x08, 0, Optional.of(new MachOExport.ReExport(1, "_c")))), read(trie));
    }

    @Test
    void weakStubAndResolverAndThreadLocalFlagsAreKept() throws Exception {
        // "_w" weak definition at 0x10; "_r" stub-and-resolver (stub 0x20, resolver 0x30); "_t" thread-local.
        byte[] trie = bytes(0, 3, "_w", 14, "_r", 18, "_t", 23,
                2, 0x04, 0x10, 0,
                3, 0x10, 0x20, 0x30, 0,
                2, 0x01, 0x40, 0);
        List<MachOExport> e = read(trie);
        assertEquals(List.of("_w", "_r", "_t"), e.stream().map(MachOExport::name).toList());
        assertTrue(e.get(0).weakDefinition() && !e.get(0).stubAndResolver());
        assertTrue(e.get(1).stubAndResolver() && e.get(1).address() == 0x20);
        assertTrue(e.get(2).threadLocal() && !e.get(2).absolute());
    }

    @Test
    void childThatPointsBackToAnAncestorIsALoop() {
        // root -> "_" at 5 -> "x" back to 5.
        byte[] trie = bytes(0, 1, "_", 5, 0, 1, "x", 5);
        MalformedBinaryException e = assertThrows(MalformedBinaryException.class, () -> read(trie));
        assertTrue(e.getMessage().contains("reached twice"), e.getMessage());
    }

    @Test
    void childOffsetOutsideTheTrieIsMalformed() {
        MalformedBinaryException e = assertThrows(MalformedBinaryException.class, () -> read(bytes(0, 1, "_", 100)));
        assertTrue(e.getMessage().contains("outside the trie"), e.getMessage());
    }

    @Test
    void uleb128LongerThanSixtyFourBitsIsMalformed() {
        byte[] trie = bytes(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01);
        MalformedBinaryException e = assertThrows(MalformedBinaryException.class, () -> read(trie));
        assertTrue(e.getMessage().contains("ULEB128"), e.getMessage());
    }

    @Test
    void terminalLargerThanTheTrieIsMalformed() {
        MalformedBinaryException e = assertThrows(MalformedBinaryException.class, () -> read(bytes(0x7f, 0)));
        assertTrue(e.getMessage().contains("past the trie's end"), e.getMessage());
    }

    @Test
    void longChainOfOneByteEdgesStopsAtTheNameBudgetInsteadOfGrowingQuadratically() {
        // 200,000 nodes, each a 1-byte edge to the next: names would total 2e10 characters.
        int nodes = 200_000;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < nodes; i++) {
            int next = (i + 1) * 8;
            out.write(0);
            out.write(1);
            out.write('a');
            out.write(0);
            // the next node's offset as a 4-byte ULEB128, padded so every node is 8 bytes
            out.write(0x80 | (next & 0x7f));
            out.write(0x80 | (next >>> 7 & 0x7f));
            out.write(0x80 | (next >>> 14 & 0x7f));
            out.write(next >>> 21 & 0x7f);
        }
        out.write(0);
        out.write(0);
        byte[] trie = out.toByteArray();
        long start = System.nanoTime();
        MalformedBinaryException e = assertThrows(MalformedBinaryException.class, () -> read(trie));
        assertTrue(e.getMessage().contains("names exceed"), e.getMessage());
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "bounded work");
    }
}
