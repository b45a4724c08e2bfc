package dev.nativeload.binary.macho;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.BinaryImage;
import dev.nativeload.binary.Binaries;
import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.NativeBinary;
import dev.nativeload.binary.NotABinaryException;
import dev.nativeload.binary.testing.TestData;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Mutations of every committed fixture (truncations, random byte edits, hostile
 * values in every header, load-command and fat-header field) must each end in a parsed binary or a
 * {@link MalformedBinaryException} (or {@link NotABinaryException} once the magic is gone): never
 * another exception, a hang or an OutOfMemoryError. The whole run is bounded at 120 s (it takes
 * 5 to 15 s), each input at 5 s (they take microseconds), so a loop on a hostile count fails.
 */
class MachOFuzzTest {
    private static final long[] HOSTILE_U32 = {0, 1, 2, 3, 4, 7, 8, 11, 12, 16, 23, 24, 31, 32, 33, 0x7f, 0xff, 0x1000,
        0xffff, 0x10000, 0x10001, 0x7fff_fffcL, 0x7fff_ffffL, 0x8000_0000L, 0xffff_fff8L, 0xffff_fffcL, 0xffff_ffffL};
    private static final long[] HOSTILE_U64 = {0, 1, 0x1000, 0xffff_ffffL, 0x1_0000_0000L, 0x7fff_ffff_ffff_ff00L,
        0x7fff_ffff_ffff_ffffL, 0x8000_0000_0000_0000L, 0xffff_ffff_ffff_ffffL};

    /** Tallies of one run. */
    private static final class Tally {
        long inputs;
        long parsed;
        long rejected;
        long maxNanos;
        final List<String> failures = new ArrayList<>();

        void run(String what, byte[] bytes, long length) {
            inputs++;
            long start = System.nanoTime();
            try {
                BinaryData data = BinaryData.of(MemorySegment.ofArray(bytes).asSlice(0, length), ByteOrder.LITTLE_ENDIAN);
                NativeBinary binary = Binaries.read(data);
                for (BinaryImage image : binary.images()) {
                    MachOFile m = (MachOFile) image;
                    m.summary().toString();
                    m.loadCommands().forEach(Object::toString);
                    m.header().flags().names();
                }
                binary.toString();
                parsed++;
            } catch (MalformedBinaryException | NotABinaryException expected) {
                rejected++;
            } catch (Throwable t) {
                if (failures.size() < 20) {
                    failures.add(what + ": " + t);
                }
            }
            maxNanos = Math.max(maxNanos, System.nanoTime() - start);
        }
    }

    private static List<byte[]> cachedSeeds;

    private static synchronized List<byte[]> seeds() throws IOException {
        if (cachedSeeds == null) {
            cachedSeeds = readSeeds();
        }
        return cachedSeeds;
    }

    private static List<byte[]> readSeeds() throws IOException {
        Path dir = TestData.path("macho");
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> files = walk.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString();
                return !n.endsWith(".c") && !n.endsWith(".sh") && !n.endsWith(".txt");
            }).sorted().toList();
            List<byte[]> seeds = new ArrayList<>();
            for (Path f : files) {
                seeds.add(Files.readAllBytes(f));
            }
            return seeds;
        }
    }

    @Test
    void everyMutationOfEveryFixtureEndsInAResultOrMalformedBinaryException() throws Exception {
        List<byte[]> seeds = seeds();
        Tally tally = new Tally();
        long[] counts = new long[3];
        long started = System.nanoTime();
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            Random random = new Random(0x6d61636fL);
            for (int s = 0; s < seeds.size(); s++) {
                byte[] seed = seeds.get(s);
                long before = tally.inputs;
                for (int len : truncations(seed)) {
                    tally.run("seed " + s + " truncated to " + len, seed, len);
                }
                counts[0] += tally.inputs - before;
                before = tally.inputs;
                List<long[]> regions = headerRegions(seed);
                byte[] m = seed.clone();
                for (int i = 0; i < 2500; i++) {
                    int edits = 1 + random.nextInt(4);
                    int[] where = new int[edits];
                    for (int e = 0; e < edits; e++) {
                        int at = random.nextInt(10) < 9 ? inHeaders(regions, random) : random.nextInt(m.length);
                        where[e] = at;
                        m[at] = random.nextBoolean() ? (byte) random.nextInt(256) : (byte) (m[at] ^ (1 << random.nextInt(8)));
                    }
                    tally.run("seed " + s + " edit " + i, m, m.length);
                    for (int at : where) {
                        m[at] = seed[at];
                    }
                }
                counts[1] += tally.inputs - before;
                before = tally.inputs;
                for (Field f : fields(seed)) {
                    ByteBuffer b = ByteBuffer.wrap(m).order(f.order());
                    for (long v : f.wide() ? HOSTILE_U64 : HOSTILE_U32) {
                        if (f.wide()) {
                            b.putLong(f.at(), v);
                        } else {
                            b.putInt(f.at(), (int) v);
                        }
                        tally.run("seed " + s + " " + f.name() + "@" + f.at() + "=0x" + Long.toHexString(v), m, m.length);
                    }
                    System.arraycopy(seed, f.at(), m, f.at(), f.wide() ? 8 : 4);
                }
                counts[2] += tally.inputs - before;
            }
        });
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("Mach-O fuzz: %d inputs (%d truncations, %d random edits, %d hostile field values) from %d seeds:"
                + " %d parsed, %d rejected, %d ms, slowest input %.2f ms%n", tally.inputs, counts[0], counts[1], counts[2],
                seeds.size(), tally.parsed, tally.rejected, millis, tally.maxNanos / 1e6);
        assertEquals(List.of(), tally.failures);
        assertTrue(tally.inputs > 50_000, "ran " + tally.inputs);
        assertTrue(tally.parsed > 0 && tally.rejected > 0, "both outcomes occur");
        assertTrue(tally.maxNanos < 5_000_000_000L, "every input ends within 5 s (a count-driven loop would not)");
    }

    /**
     * Where to cut a seed: every length through its headers and load commands (where each byte is
     * read), both sides of every segment's and slice's end (where the file-range checks bite), and
     * every 61st length elsewhere (past the load commands the parser reads nothing but those ranges,
     * so each further length takes the same path).
     */
    private static java.util.SortedSet<Integer> truncations(byte[] seed) {
        java.util.SortedSet<Integer> lengths = new java.util.TreeSet<>();
        for (long[] r : headerRegions(seed)) {
            for (long len = r[0]; len <= r[1] && len < seed.length; len++) {
                lengths.add((int) len);
            }
        }
        for (int len = 0; len < seed.length; len += 61) {
            lengths.add(len);
        }
        for (long end : ends(seed)) {
            for (long len = end - 2; len <= end + 1; len++) {
                if (len >= 0 && len < seed.length) {
                    lengths.add((int) len);
                }
            }
        }
        return lengths;
    }

    /** The ends (and starts) of every segment's file range and every slice. */
    private static List<Long> ends(byte[] seed) {
        List<Long> ends = new ArrayList<>();
        try {
            NativeBinary binary = Binaries.read(BinaryData.of(seed, ByteOrder.LITTLE_ENDIAN));
            List<FatSlice> slices = binary instanceof FatMachOFile fat ? fat.slices() : List.of();
            for (FatSlice s : slices) {
                ends.add(s.offset());
                ends.add(s.offset() + s.size());
            }
            for (int i = 0; i < binary.images().size(); i++) {
                long base = slices.isEmpty() ? 0 : slices.get(i).offset();
                for (LoadCommand.Segment seg : ((MachOFile) binary.images().get(i)).segments()) {
                    ends.add(base + seg.fileOffset() + seg.fileSize());
                }
            }
        } catch (MalformedBinaryException | NotABinaryException e) {
            throw new AssertionError("seed does not parse", e);
        }
        return ends;
    }

    /** The fat header and each Mach header with its load commands, as [start, end) pairs: where every byte is read. */
    private static List<long[]> headerRegions(byte[] seed) {
        List<long[]> regions = new ArrayList<>();
        try {
            NativeBinary binary = Binaries.read(BinaryData.of(seed, ByteOrder.LITTLE_ENDIAN));
            if (binary instanceof FatMachOFile fat) {
                regions.add(new long[] {0, 8 + (long) fat.slices().size() * (fat.is64() ? 32 : 20)});
                for (FatSlice s : fat.slices()) {
                    MachHeader h = s.image().header();
                    regions.add(new long[] {s.offset(), s.offset() + h.size() + h.commandsSize()});
                }
            } else {
                MachHeader h = ((MachOFile) binary).header();
                regions.add(new long[] {0, h.size() + h.commandsSize()});
            }
        } catch (MalformedBinaryException | NotABinaryException e) {
            throw new AssertionError("seed does not parse", e);
        }
        return regions;
    }

    /** A random offset inside the header regions. */
    private static int inHeaders(List<long[]> regions, Random random) {
        long[] r = regions.get(random.nextInt(regions.size()));
        return (int) (r[0] + random.nextInt((int) (r[1] - r[0])));
    }

    /** A field to overwrite: where, how wide, in which byte order. */
    record Field(String name, int at, boolean wide, ByteOrder order) {
    }

    /** Every header, fat-entry and load-command field of a valid seed, found by reading it. */
    private static List<Field> fields(byte[] seed) {
        List<Field> fields = new ArrayList<>();
        try {
            BinaryData data = BinaryData.of(seed, ByteOrder.LITTLE_ENDIAN);
            NativeBinary binary = Binaries.read(data);
            if (binary instanceof FatMachOFile fat) {
                int entry = fat.is64() ? 32 : 20;
                fields.add(new Field("nfat_arch", 4, false, ByteOrder.BIG_ENDIAN));
                for (FatSlice s : fat.slices()) {
                    int at = 8 + s.index() * entry;
                    for (int k = 0; k < 8; k += 4) {
                        fields.add(new Field("fat_arch+" + k, at + k, false, ByteOrder.BIG_ENDIAN));
                    }
                    if (fat.is64()) {
                        fields.add(new Field("fat offset", at + 8, true, ByteOrder.BIG_ENDIAN));
                        fields.add(new Field("fat size", at + 16, true, ByteOrder.BIG_ENDIAN));
                        fields.add(new Field("fat align", at + 24, false, ByteOrder.BIG_ENDIAN));
                    } else {
                        for (int k = 8; k < 20; k += 4) {
                            fields.add(new Field("fat_arch+" + k, at + k, false, ByteOrder.BIG_ENDIAN));
                        }
                    }
                    imageFields(s.image(), (int) s.offset(), fields);
                }
            } else {
                imageFields((MachOFile) binary, 0, fields);
            }
        } catch (MalformedBinaryException | NotABinaryException e) {
            throw new AssertionError("seed does not parse", e);
        }
        return fields;
    }

    private static void imageFields(MachOFile image, int base, List<Field> fields) {
        ByteOrder order = image.header().byteOrder();
        for (int k = 4; k < 28; k += 4) {
            fields.add(new Field("header+" + k, base + k, false, order));
        }
        for (LoadCommand c : image.loadCommands()) {
            int at = base + (int) c.offset();
            int fixed = switch (c) {
                case LoadCommand.Segment s -> s.type().value() == LoadCommandType.LC_SEGMENT_64 ? 72 : 56;
                case LoadCommand.Dylib d -> 24;
                case LoadCommand.BuildVersion b -> 24;
                case LoadCommand.Uuid u -> 8;
                case LoadCommand.EntryPoint e -> 8;
                default -> (int) Math.min(c.size(), 16);
            };
            for (int k = 0; k < fixed; k += 4) {
                fields.add(new Field(c.type() + "+" + k, at + k, false, order));
            }
            if (c instanceof LoadCommand.Segment s && s.type().value() == LoadCommandType.LC_SEGMENT_64) {
                for (int k = 24; k < 56; k += 8) {
                    fields.add(new Field(c.type() + "+" + k + "(64)", at + k, true, order));
                }
            }
            if (c instanceof LoadCommand.EntryPoint) {
                fields.add(new Field("LC_MAIN entryoff", at + 8, true, order));
            }
        }
    }

    @Property(tries = 3000, seed = "1234567")
    void anyOverwriteOfAnyFixtureHeaderEndsInAResultOrMalformedBinaryException(
            @ForAll @IntRange(min = 0, max = 15) int seedIndex, @ForAll @IntRange(min = 0, max = 4095) int at,
            @ForAll int value) throws IOException {
        List<byte[]> seeds = seeds();
        byte[] m = seeds.get(seedIndex % seeds.size()).clone();
        int offset = Math.min(at, m.length - 4);
        ByteBuffer.wrap(m).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, value);
        Tally tally = new Tally();
        tally.run("overwrite", m, m.length);
        assertEquals(List.of(), tally.failures);
    }
}
