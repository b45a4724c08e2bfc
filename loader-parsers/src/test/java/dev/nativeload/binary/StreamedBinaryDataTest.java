package dev.nativeload.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.binary.elf.ElfFile;
import dev.nativeload.binary.testing.TestData;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@link BinaryData#read(java.io.InputStream, long, BinaryData.Parser)}: bytes pulled from a stream only as far as
 * the parser reads give what the same bytes give from the file, and a stream shorter than it says is malformed.
 */
class StreamedBinaryDataTest {
    /** Counts what is taken from the stream. */
    private static final class Counting extends FilterInputStream {
        long taken;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            taken += Math.max(n, 0);
            return n;
        }
    }

    @Test
    void aStreamedElfReadsAsTheFileDoesAndOnlyAsFarAsItsHeaders() throws Exception {
        Path file = TestData.path("elf", "gcc-x86_64-libzoo.so");
        // The library with 1 MiB appended, as a larger library's code would follow its tables: the same library.
        byte[] bytes = java.util.Arrays.copyOf(Files.readAllBytes(file), (int) Files.size(file) + (1 << 20));
        Counting in = new Counting(new ByteArrayInputStream(bytes));
        BinarySummary streamed = BinaryData.read(in, bytes.length, data -> ElfFile.read(data).summary());
        assertEquals(ElfFile.read(file).summary(), streamed);
        assertTrue(in.taken <= 64 << 10, "read as far as the tables: " + in.taken + " of " + bytes.length);
    }

    @Test
    void aStreamShorterThanItsStatedSizeIsMalformedNotAHang() throws Exception {
        byte[] bytes = Files.readAllBytes(TestData.path("elf", "gcc-x86_64-libzoo.so"));
        byte[] cut = java.util.Arrays.copyOf(bytes, 200);
        MalformedBinaryException e = assertThrows(MalformedBinaryException.class,
                () -> BinaryData.read(new ByteArrayInputStream(cut), bytes.length, data -> ElfFile.read(data).summary()));
        assertTrue(e.getMessage().contains("the data ended after 200 of its " + bytes.length + " bytes"), e.getMessage());
    }

    @Test
    void aStreamThatFailsIsTheIoExceptionItThrew() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk gone");
            }
        };
        IOException e = assertThrows(IOException.class, () -> BinaryData.read(failing, 100, data -> data.u8(0, "x")));
        assertEquals("disk gone", e.getMessage());
    }

    @Test
    void aBufferKeptFromALargerStreamTakesTheNextOnlyUpToItsStatedSize() throws Exception {
        Path file = TestData.path("elf", "gcc-x86_64-libzoo.so");
        byte[] bytes = Files.readAllBytes(file);
        StreamBuffer memory = new StreamBuffer();
        byte[] large = java.util.Arrays.copyOf(bytes, bytes.length + (1 << 20));
        BinaryData.read(new ByteArrayInputStream(large), large.length, memory, data -> data.u8(large.length - 1, "last"));
        // The next stream runs on past the size it states (the next entry's bytes, say): none of them is taken.
        Counting in = new Counting(new ByteArrayInputStream(java.util.Arrays.copyOf(bytes, bytes.length + 4096)));
        BinarySummary second = BinaryData.read(in, bytes.length, memory, data -> {
            data.u8(bytes.length - 1, "last");
            return ElfFile.read(data).summary();
        });
        assertEquals(ElfFile.read(file).summary(), second);
        assertEquals(bytes.length, in.taken);
    }

    @Test
    void aViewKeptPastItsParserFailsRatherThanSeeTheNextStream() throws Exception {
        byte[] bytes = Files.readAllBytes(TestData.path("elf", "gcc-x86_64-libzoo.so"));
        StreamBuffer memory = new StreamBuffer();
        BinaryData kept = BinaryData.read(new ByteArrayInputStream(bytes), bytes.length, memory, data -> data);
        BinaryData.read(new ByteArrayInputStream(new byte[bytes.length]), bytes.length, memory, data -> data.u8(100, "x"));
        assertThrows(IllegalStateException.class, () -> kept.u8(0, "the first byte"));
    }
}
