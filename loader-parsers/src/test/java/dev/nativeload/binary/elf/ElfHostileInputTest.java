package dev.nativeload.binary.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.MalformedBinaryException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hostile and damaged input, seeded from the fixtures: every input ends in a parsed file or a
 * {@link MalformedBinaryException} with an offset, within a time bound; never another exception,
 * a hang, or an OutOfMemoryError.
 */
class ElfHostileInputTest {
    private static final Duration BATCH_LIMIT = Duration.ofSeconds(60);
    private static final List<String> FLIP_SEEDS = List.of(
            "gcc-x86_64-libzoo.so", "gcc-x86_64-libkeeper.so", "gcc-x86_64-libvisitor.so", "gcc-x86_64-libhashed-gnu.so",
            "gcc-x86_64-libhashed-sysv.so", "gcc-x86_64-hello-keeper", "gcc-x86_64-libzoo-noshdr.so", "gcc-s390x-libzoo.so",
            "gcc-x86-libzoo.so", "gcc-arm-hello", "gcc-aarch64-libzoo.so", "gcc-ppc64le-hello", "musl-x86_64-libzoo.so");

    /** Tallies of one batch. */
    private static final class Tally {
        int parsed;
        int malformed;
        long nanos;

        /** Runs a batch and adds its wall time. */
        void timed(Runnable batch) {
            long start = System.nanoTime();
            batch.run();
            nanos += System.nanoTime() - start;
        }

        String summary(String what) {
            return String.format("ELF fuzz: %s %d inputs (%d parsed, %d malformed) in %.1f s", what, total(), parsed,
                    malformed, nanos / 1e9);
        }

        int total() {
            return parsed + malformed;
        }
    }

    /** Reads every part of the file a caller can ask for; throws only MalformedBinaryException. */
    static void exercise(byte[] bytes) throws MalformedBinaryException {
        ElfFile elf = ElfFile.read(BinaryData.of(bytes, ByteOrder.LITTLE_ENDIAN));
        elf.summary();
        elf.buildId();
        elf.flags1().names();
        elf.flags().names();
        elf.loadSegments().addressSpan();
        elf.versionDefinitions();
        elf.dynamicSymbols();
        elf.findSymbol("zoo_open");
        elf.findSymbol("zoo_open", "ZOO_1.0");
        elf.findSymbol("hashed_fn_7");
        elf.findSymbol("nativeload_absent");
    }

    private static void run(byte[] input, Tally tally, String description) {
        try {
            exercise(input);
            tally.parsed++;
        } catch (MalformedBinaryException e) {
            if (e.getMessage() == null || e.problem().isBlank()) {
                throw new AssertionError(description + ": MalformedBinaryException without a message", e);
            }
            if (e.offset().isEmpty() || e.offset().getAsLong() > input.length) {
                throw new AssertionError(description + ": MalformedBinaryException without an offset in the file", e);
            }
            tally.malformed++;
        } catch (RuntimeException | Error e) {
            throw new AssertionError(description + ": " + e, e);
        }
    }

    @Test
    void truncationAtEveryLengthEndsInAResultOrMalformed() {
        Tally tally = new Tally();
        for (String name : List.of("gcc-x86_64-libzoo.so", "gcc-s390x-libzoo.so", "gcc-x86-hello", "gcc-x86_64-libvisitor.so")) {
            byte[] whole = bytesOf(name);
            assertTimeoutPreemptively(BATCH_LIMIT, () -> tally.timed(() -> {
                for (int length = 0; length <= whole.length; length++) {
                    byte[] cut = java.util.Arrays.copyOf(whole, length);
                    run(cut, tally, name + " truncated to " + length);
                }
            }), name);
        }
        System.out.println(tally.summary("truncation"));
        assertTrue(tally.malformed > 1000, "short files must be rejected");
        assertTrue(tally.parsed >= 4, "the whole files parse");
    }

    @Test
    void randomByteChangesEndInAResultOrMalformed() {
        Tally tally = new Tally();
        for (int f = 0; f < FLIP_SEEDS.size(); f++) {
            String name = FLIP_SEEDS.get(f);
            long seed = 0x5EEDL + f;
            byte[] original = bytesOf(name);
            Random random = new Random(seed);
            assertTimeoutPreemptively(BATCH_LIMIT, () -> tally.timed(() -> {
                for (int n = 0; n < 2000; n++) {
                    byte[] mutant = original.clone();
                    int changes = 1 + random.nextInt(4);
                    for (int c = 0; c < changes; c++) {
                        // Most loader-visible tables of these small files sit in the first 4 KiB.
                        int at = random.nextInt(random.nextInt(4) == 0 ? mutant.length : Math.min(4096, mutant.length));
                        if (random.nextBoolean()) {
                            mutant[at] ^= (byte) (1 << random.nextInt(8));
                        } else {
                            mutant[at] = (byte) random.nextInt(256);
                        }
                    }
                    run(mutant, tally, name + " mutant " + n + " (seed " + seed + ")");
                }
            }), name);
        }
        System.out.println(tally.summary("byte changes"));
        assertTrue(tally.parsed > 0 && tally.malformed > 0, "mutants of both outcomes");
    }

    @Test
    void hostileWordsInEveryLoaderVisibleTableEndInAResultOrMalformed() throws Exception {
        // Every 4-byte aligned word of the file header, program headers, dynamic array, hash table
        // headers and version records, set to extreme values as a 32-bit and as a 64-bit word.
        long[] values = {0, 1, 0xFFFF, 0x7FFF_FFFFL, 0xFFFF_FFF0L, Long.MAX_VALUE, -1, 0x100000};
        Tally tally = new Tally();
        for (String name : List.of("gcc-x86_64-libzoo.so", "gcc-x86_64-libkeeper.so", "gcc-x86_64-libhashed-sysv.so",
                "gcc-x86-libzoo.so")) {
            byte[] original = bytesOf(name);
            java.util.BitSet positions = loaderVisibleWords(original);
            assertTimeoutPreemptively(BATCH_LIMIT, () -> tally.timed(() -> {
                for (int at = positions.nextSetBit(0); at >= 0 && at + 8 <= original.length; at = positions.nextSetBit(at + 1)) {
                    for (long v : values) {
                        byte[] m = original.clone();
                        le(m).putInt(at, (int) v);
                        run(m, tally, name + " u32 at 0x" + Integer.toHexString(at) + " = 0x" + Long.toHexString(v));
                        m = original.clone();
                        le(m).putLong(at, v);
                        run(m, tally, name + " u64 at 0x" + Integer.toHexString(at) + " = 0x" + Long.toHexString(v));
                    }
                }
            }), name);
        }
        System.out.println(tally.summary("hostile words"));
        assertTrue(tally.total() > 5_000, "inputs: " + tally.total());
        assertTrue(tally.malformed > 100, "some hostile words must be rejected");
    }

    /** The aligned word offsets of the tables the reader walks, from a clean parse. */
    private static java.util.BitSet loaderVisibleWords(byte[] file) throws MalformedBinaryException {
        ElfFile elf = ElfFile.read(BinaryData.of(file, ByteOrder.LITTLE_ENDIAN));
        java.util.BitSet words = new java.util.BitSet();
        long phEnd = elf.header().phoff() + (long) elf.header().phnum() * elf.header().phentsize();
        mark(words, 0, phEnd);
        for (ProgramHeader p : elf.programHeaders()) {
            if (p.type().equals(SegmentType.DYNAMIC)) {
                mark(words, p.offset(), p.offset() + p.filesz());
            }
        }
        for (DynamicTag tag : List.of(DynamicTag.GNU_HASH, DynamicTag.HASH, DynamicTag.VERNEED, DynamicTag.VERDEF)) {
            var address = elf.dynamic().value(tag);
            if (address.isPresent()) {
                long at = elf.loadSegments().fileOffset(address.getAsLong()).orElseThrow();
                mark(words, at, at + 0x60);
            }
        }
        return words;
    }

    private static void mark(java.util.BitSet words, long from, long to) {
        for (long at = from & ~3L; at < to; at += 4) {
            words.set((int) at);
        }
    }

    @Test
    void pnXnumProgramHeaderCountWithoutSectionHeadersIsMalformed() {
        byte[] m = bytesOf("gcc-x86_64-libzoo-noshdr.so");
        le(m).putShort(0x38, (short) 0xFFFF);
        MalformedBinaryException e = assertThrows(MalformedBinaryException.class, () -> exercise(m));
        assertEquals(0x38, e.offset().orElseThrow());
        assertTrue(e.getMessage().contains("65535"), e.getMessage());
    }

    @Test
    void pnXnumTakesTheRealCountFromSectionHeaderZero() throws Exception {
        byte[] m = bytesOf("gcc-x86_64-libzoo-stripped.so");
        ElfFile clean = ElfFile.read(BinaryData.of(m, ByteOrder.LITTLE_ENDIAN));
        le(m).putShort(0x38, (short) 0xFFFF);
        le(m).putInt((int) clean.header().shoff() + 44, clean.header().phnum());
        ElfFile extended = ElfFile.read(BinaryData.of(m, ByteOrder.LITTLE_ENDIAN));
        assertEquals(clean.programHeaders(), extended.programHeaders());
        assertEquals(clean.summary(), extended.summary());
    }

    @Test
    void programHeaderTablePastTheEndOfTheFileIsMalformed() {
        byte[] m = bytesOf("gcc-x86_64-libzoo.so");
        le(m).putLong(0x20, m.length + 100L);
        MalformedBinaryException e = assertThrows(MalformedBinaryException.class, () -> exercise(m));
        assertEquals(0x20, e.offset().orElseThrow());

        byte[] many = bytesOf("gcc-x86_64-libzoo.so");
        le(many).putShort(0x38, (short) 0xFFFE);
        assertTrue(assertThrows(MalformedBinaryException.class, () -> exercise(many)).getMessage().contains("outside the file"));
    }

    @Test
    void stringTableSizePastTheEndOfTheFileIsMalformed() throws Exception {
        byte[] m = bytesOf("gcc-x86_64-libzoo.so");
        DynamicEntry strsz = entry(m, DynamicTag.STRSZ);
        le(m).putLong((int) strsz.offset() + 8, 0x7FFF_FFFF_FFFFL);
        MalformedBinaryException e = assertThrows(MalformedBinaryException.class, () -> exercise(m));
        assertEquals(strsz.offset(), e.offset().orElseThrow());
    }

    @Test
    void versionNeedLinksThatPointBackwardsAreMalformedNotALoop() throws Exception {
        byte[] original = bytesOf("gcc-x86_64-libkeeper.so");
        ElfFile clean = ElfFile.read(BinaryData.of(original, ByteOrder.LITTLE_ENDIAN));
        int verneed = (int) (long) clean.loadSegments().fileOffset(entry(original, DynamicTag.VERNEED).value()).orElseThrow();
        // vn_next = -16 as a 32-bit address would point at itself; here it lands 4 GiB on, outside the file.
        byte[] vnNext = original.clone();
        le(vnNext).putInt(verneed + 12, 0xFFFF_FFF0);
        le(vnNext).putInt((int) entry(original, DynamicTag.VERNEEDNUM).offset() + 8, 0x7FFF_FFFF);
        assertTimeoutPreemptively(BATCH_LIMIT, () -> assertThrows(MalformedBinaryException.class, () -> exercise(vnNext)));
        // vna_next the same way, with vn_cnt claiming 65535 auxiliaries.
        byte[] vnaNext = original.clone();
        int aux = verneed + le(original).getInt(verneed + 8);
        le(vnaNext).putShort(verneed + 2, (short) 0xFFFF);
        le(vnaNext).putInt(aux + 12, 0xFFFF_FFF0);
        assertTimeoutPreemptively(BATCH_LIMIT, () -> assertThrows(MalformedBinaryException.class, () -> exercise(vnaNext)));
        // vna_next = 0 with a huge vn_cnt ends the list: the file still reads.
        byte[] ends = original.clone();
        le(ends).putShort(verneed + 2, (short) 0xFFFF);
        le(ends).putInt(aux + 12, 0);
        assertTimeoutPreemptively(BATCH_LIMIT, () -> exercise(ends));
    }

    @Test
    void gnuHashChainWithoutTerminatorIsMalformedNotALoop() {
        // nbuckets 1, symoffset 1, no bloom words, bucket[0] = 1, then chain words that never set the end bit.
        byte[] table = new byte[16 + 4 + 4 * 64];
        ByteBuffer b = le(table);
        b.putInt(0, 1).putInt(4, 1).putInt(8, 0).putInt(12, 6).putInt(16, 1);
        BinaryData data = BinaryData.of(table, ByteOrder.LITTLE_ENDIAN);
        assertTimeoutPreemptively(BATCH_LIMIT, () -> {
            GnuHashTable gnu = GnuHashTable.read(data, 0, true, Long.MAX_VALUE);
            assertThrows(MalformedBinaryException.class, gnu::symbolCount);
            assertThrows(MalformedBinaryException.class, () -> gnu.candidates(LookupName.of("x"), i -> false));
        });
    }

    @Test
    void gnuHashChainsClearedInARealLibraryStayBounded() throws Exception {
        byte[] m = bytesOf("gcc-x86_64-libhashed-gnu.so");
        ElfFile clean = ElfFile.read(BinaryData.of(m, ByteOrder.LITTLE_ENDIAN));
        int gnu = (int) (long) clean.loadSegments().fileOffset(entry(m, DynamicTag.GNU_HASH).value()).orElseThrow();
        ByteBuffer b = le(m);
        int nbuckets = b.getInt(gnu);
        int symoffset = b.getInt(gnu + 4);
        int chains = gnu + 16 + 8 * b.getInt(gnu + 8) + 4 * nbuckets;
        int count = clean.dynamicSymbols().size();
        for (int i = 0; i < count - symoffset; i++) {
            b.putInt(chains + 4 * i, b.getInt(chains + 4 * i) & ~1);
        }
        Tally tally = new Tally();
        assertTimeoutPreemptively(BATCH_LIMIT, () -> run(m, tally, "cleared chain end bits"));
        assertEquals(1, tally.total());
    }

    @Test
    void sysvHashChainThatLoopsIsMalformed() throws Exception {
        byte[] m = bytesOf("gcc-x86_64-libhashed-sysv.so");
        ElfFile clean = ElfFile.read(BinaryData.of(m, ByteOrder.LITTLE_ENDIAN));
        int hash = (int) (long) clean.loadSegments().fileOffset(entry(m, DynamicTag.HASH).value()).orElseThrow();
        ByteBuffer b = le(m);
        int nbucket = b.getInt(hash);
        for (int i = 0; i < nbucket; i++) {
            b.putInt(hash + 8 + 4 * i, 1);
        }
        b.putInt(hash + 8 + 4 * nbucket + 4, 1); // chain[1] = 1
        ElfFile looped = ElfFile.read(BinaryData.of(m, ByteOrder.LITTLE_ENDIAN));
        MalformedBinaryException e = assertTimeoutPreemptively(BATCH_LIMIT,
                () -> assertThrows(MalformedBinaryException.class, () -> looped.findSymbol("nativeload_absent")));
        assertTrue(e.getMessage().contains("loops"), e.getMessage());
    }

    @Test
    void dynamicSymbolEntrySizeOtherThanTheStandardIsMalformed() throws Exception {
        byte[] m = bytesOf("gcc-x86_64-libzoo.so");
        le(m).putLong((int) entry(m, DynamicTag.SYMENT).offset() + 8, 1);
        assertThrows(MalformedBinaryException.class, () -> exercise(m));
    }

    private static DynamicEntry entry(byte[] file, DynamicTag tag) throws MalformedBinaryException {
        ElfFile elf = ElfFile.read(BinaryData.of(file, ByteOrder.LITTLE_ENDIAN));
        return elf.dynamic().entries().stream().filter(e -> e.tag().equals(tag)).findFirst().orElseThrow();
    }

    private static ByteBuffer le(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] bytesOf(String name) {
        try {
            return ElfGoldenTest.bytes(name);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
