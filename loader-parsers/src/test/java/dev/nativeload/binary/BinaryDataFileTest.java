package dev.nativeload.binary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nativeload.binary.elf.ElfFile;
import dev.nativeload.binary.testing.TestData;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link BinaryData#read(Path, BinaryData.Parser)}: a file read page by page must give exactly
 * the bytes, and the errors, that the same bytes give in memory, whatever the page boundaries;
 * and the file's lifetime rules (closed after the parse, reopened and checked for later reads,
 * refused when it is not a regular file) must hold.
 */
class BinaryDataFileTest {
    @TempDir
    Path temp;

    /** One read of every kind at one offset, through a file view and a memory view of the same bytes. */
    @Property(tries = 300)
    void everyReadThroughPagesEqualsTheSameReadInMemory(@ForAll @IntRange(min = 0, max = 13_000) int size,
                                                         @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed)
            throws Exception {
        Random random = new Random(seed);
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        for (int i = 0; i < size; i++) {
            if (random.nextInt(16) == 0) {
                bytes[i] = 0; // strings end now and then
            }
        }
        Path file = Files.write(Files.createTempFile("nativeload-paged", ".bin"), bytes); // jqwik injects no @TempDir
        try {
            compare(file, bytes, random);
        } finally {
            Files.delete(file);
        }
    }

    private static void compare(Path file, byte[] bytes, Random random) throws Exception {
        int size = bytes.length;
        BinaryData memory = BinaryData.of(bytes, ByteOrder.LITTLE_ENDIAN);
        List<String> fromMemory = new ArrayList<>();
        List<String> fromFile = new ArrayList<>();
        long[] offsets = new long[40];
        for (int i = 0; i < offsets.length; i++) {
            // Near page boundaries most of the time, anywhere (and past the end) otherwise.
            long boundary = (long) random.nextInt(5) * 4096;
            offsets[i] = random.nextBoolean() ? boundary - 1 - random.nextInt(9) : random.nextInt(size + 16);
        }
        readAll(memory, offsets, fromMemory);
        BinaryData.read(file, data -> {
            readAll(data, offsets, fromFile);
            return null;
        });
        assertEquals(fromMemory, fromFile);
    }

    private static void readAll(BinaryData whole, long[] offsets, List<String> out) {
        for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
            BinaryData d = whole.withOrder(order);
            for (long at : offsets) {
                out.add(attempt(() -> String.valueOf(d.u8(at, "u8"))));
                out.add(attempt(() -> String.valueOf(d.u16(at, "u16"))));
                out.add(attempt(() -> String.valueOf(d.u32(at, "u32"))));
                out.add(attempt(() -> String.valueOf(d.s32(at, "s32"))));
                out.add(attempt(() -> String.valueOf(d.u64(at, "u64"))));
                out.add(attempt(() -> java.util.HexFormat.of().formatHex(d.bytes(at, 4100, "bytes"))));
                out.add(attempt(() -> d.cString(at, 5000, "string")));
                out.add(attempt(() -> d.fixedString(at, 9, "fixed")));
                out.add(attempt(() -> {
                    BinaryData slice = d.slice(at / 2, at / 2 + 3, "slice");
                    return slice.fileOffset() + ":" + slice.u16(at / 2, "in slice");
                }));
            }
        }
    }

    private interface Read {
        String run() throws MalformedBinaryException;
    }

    private static String attempt(Read read) {
        try {
            return read.run();
        } catch (MalformedBinaryException e) {
            return "malformed: " + e.getMessage();
        }
    }

    @Test
    void everySystemLibraryReadsTheSameFromItsFileAsFromMemory() throws Exception {
        Path dir = Path.of("/usr/lib/x86_64-linux-gnu");
        assumeTrue(Files.isDirectory(dir), "the multiarch library directory exists on this host");
        int compared = 0;
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path file : entries.sorted().toList()) {
                String name = file.getFileName().toString();
                if (!name.contains(".so") || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                        || Files.size(file) > (8 << 20)) {
                    continue;
                }
                byte[] bytes = Files.readAllBytes(file);
                if (Binaries.sniff(BinaryData.of(bytes, ByteOrder.LITTLE_ENDIAN)).orElse(null) != BinaryFormat.ELF) {
                    continue;
                }
                ElfFile paged = ElfFile.read(file);
                ElfFile inMemory = ElfFile.read(BinaryData.of(bytes, ByteOrder.LITTLE_ENDIAN));
                assertEquals(inMemory.summary(), paged.summary(), name);
                assertEquals(inMemory.versionDefinitions(), paged.versionDefinitions(), name);
                assertEquals(inMemory.buildId(), paged.buildId(), name);
                // Symbols are read after the parse has closed the file: the paged view opens it again.
                assertEquals(inMemory.dynamicSymbols(), paged.dynamicSymbols(), name);
                compared++;
            }
        }
        assertTrue(compared > 50, "compared " + compared + " libraries");
    }

    @Test
    void symbolLookupsFromManyThreadsAfterTheParseAllAgree() throws Exception {
        Path copy = Files.copy(TestData.path("elf", "gcc-x86_64-libhashed-gnu.so"), temp.resolve("libhashed.so"));
        ElfFile elf = ElfFile.read(copy);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<List<Long>>> answers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                answers.add(pool.submit(() -> {
                    List<Long> values = new ArrayList<>();
                    for (int i = 0; i < 40; i++) {
                        values.add(elf.findSymbol("hashed_fn_" + i).orElseThrow().value());
                    }
                    return values;
                }));
            }
            List<Long> first = answers.getFirst().get();
            assertEquals(40, first.stream().distinct().count(), "40 distinct addresses");
            for (java.util.concurrent.Future<List<Long>> answer : answers) {
                assertEquals(first, answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void symbolLookupAfterTheFileChangedIsRefusedNotMisread() throws Exception {
        Path copy = Files.copy(TestData.path("elf", "gcc-x86_64-libhashed-gnu.so"), temp.resolve("libhashed.so"));
        ElfFile elf = ElfFile.read(copy);
        Files.write(copy, new byte[] {1, 2, 3}, StandardOpenOption.APPEND);
        MalformedBinaryException e = assertThrows(MalformedBinaryException.class, () -> elf.findSymbol("hashed_fn_1"));
        assertTrue(e.getMessage().contains("changed on disk after it was first read"), e.getMessage());
    }

    @Test
    void symbolLookupAfterTheFileWasDeletedSaysItCannotReadItAgain() throws Exception {
        Path copy = Files.copy(TestData.path("elf", "gcc-x86_64-libhashed-gnu.so"), temp.resolve("libhashed.so"));
        ElfFile elf = ElfFile.read(copy);
        Files.delete(copy);
        MalformedBinaryException e = assertThrows(MalformedBinaryException.class, () -> elf.findSymbol("hashed_fn_1"));
        assertTrue(e.getMessage().contains("cannot read " + copy + " again"), e.getMessage());
    }

    @Test
    void aFileThatShrinksWhileItIsReadFailsAtTheMissingByte() throws Exception {
        Path file = Files.write(temp.resolve("shrinking.bin"), new byte[3 * 4096]);
        MalformedBinaryException e = assertThrows(MalformedBinaryException.class, () -> BinaryData.read(file, data -> {
            try (FileChannel writer = FileChannel.open(file, StandardOpenOption.WRITE)) {
                writer.truncate(4096 + 100);
            } catch (IOException io) {
                throw new IllegalStateException(io);
            }
            return data.u32(2 * 4096 + 8, "a word on the third page");
        }));
        assertTrue(e.getMessage().contains("became shorter while it was read"), e.getMessage());
        assertEquals(2 * 4096 + 0, e.offset().orElseThrow() & ~0xFFFL, "the offset is on the page that went missing");
    }

    @Test
    void aFifoIsRefusedWithoutBlocking() throws Exception {
        Path fifo = temp.resolve("libfifo.so");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo works here");
        IOException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(IOException.class, () -> Binaries.read(fifo)));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
    }

    @Test
    void aDirectoryIsRefusedAsADirectory() {
        IOException e = assertThrows(IOException.class, () -> Binaries.read(temp));
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
    }

    @Test
    void anEmptyFileIsNotABinary() throws Exception {
        Path empty = Files.createFile(temp.resolve("empty.so"));
        NotABinaryException e = assertThrows(NotABinaryException.class, () -> Binaries.read(empty));
        assertEquals("empty file", e.getMessage());
    }

    @Test
    void theParsersResultComesBackAndTheBytesMatchTheFile() throws Exception {
        byte[] bytes = new byte[10_000];
        new Random(7).nextBytes(bytes);
        Path file = Files.write(temp.resolve("random.bin"), bytes);
        byte[] read = BinaryData.read(file, data -> data.bytes(0, (int) data.size(), "everything"));
        assertArrayEquals(bytes, read);
    }
}
