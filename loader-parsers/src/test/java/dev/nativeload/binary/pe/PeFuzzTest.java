package dev.nativeload.binary.pe;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.binary.BinaryData;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mutations of the fixtures and of hand-assembled delay-import images: every input must end in
 * a result or a MalformedBinaryException, each within {@link Outcomes#MAX_NANOS_PER_INPUT}.
 *
 * <p>Truncation: at every length inside the headers and inside each section that holds the
 * import, export, delay-import or IAT directory, and at every 64th length elsewhere (cuts inside
 * code all fail at the same table read). Mutations: 1 to 4 byte flips, random bytes or
 * boundary u32 values, three quarters of them inside those same hot ranges.
 */
class PeFuzzTest {
    private static final int FLIPS = 40_000;
    /** Truncations inside code and data that no loader table uses are sampled at this stride. */
    private static final int TRUNCATION_STRIDE = 64;
    private static final long SEED = 0x5045_4649_4C45L;
    private static final int[] INTERESTING = {0, 1, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x7fff_ffff, 0x8000_0000,
            0xffff_ffff, 0x1000, 0x40, 0x3c};

    /** A seed file and the file ranges where its headers and loader tables live. */
    private record Seed(String name, byte[] bytes, List<long[]> hotRanges) {
        /** {@return whether a truncation at {@code length} cuts the headers or a section holding a loader table} */
        boolean isHot(long length) {
            return hotRanges.stream().anyMatch(r -> length >= r[0] && length <= r[1]);
        }
    }

    private static List<Seed> seeds() throws Exception {
        List<Seed> seeds = new ArrayList<>();
        for (var e : PeFiles.fixtures().entrySet()) {
            seeds.add(seed(e.getKey(), Files.readAllBytes(e.getValue())));
        }
        seeds.add(seed("delay32", DelayImportTest.twoDelayedDlls(false, true).build()));
        seeds.add(seed("delay64", DelayImportTest.twoDelayedDlls(true, true).build()));
        seeds.add(seed("delay32-va", DelayImportTest.twoDelayedDlls(false, false).build()));
        return seeds;
    }

    private static Seed seed(String name, byte[] bytes) throws Exception {
        PeFile pe = PeFile.read(BinaryData.of(bytes, ByteOrder.LITTLE_ENDIAN));
        List<long[]> hot = new ArrayList<>();
        OptionalHeader o = pe.optionalHeader().orElseThrow();
        hot.add(new long[] {0, Math.min(o.sizeOfHeaders(), bytes.length)});
        for (int index : new int[] {DataDirectory.EXPORT, DataDirectory.IMPORT, DataDirectory.DELAY_IMPORT, DataDirectory.IAT}) {
            o.directory(index).flatMap(d -> pe.sections().stream().filter(sec -> d.virtualAddress() >= sec.virtualAddress()
                    && d.virtualAddress() < sec.virtualAddress() + sec.sizeOfRawData()).findFirst())
                    .ifPresent(sec -> hot.add(new long[] {sec.pointerToRawData(),
                            Math.min(bytes.length, sec.pointerToRawData() + sec.sizeOfRawData())}));
        }
        return new Seed(name, bytes, hot);
    }

    @Test
    void everyTruncationAndByteFlipEndsInResultOrMalformedWithinTimeBound() {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            long start = System.nanoTime();
            List<Seed> seeds = seeds();
            Outcomes truncations = new Outcomes();
            for (Seed s : seeds) {
                for (int length = 0; length <= s.bytes().length; length++) {
                    if (length % TRUNCATION_STRIDE == 0 || length == s.bytes().length || s.isHot(length)) {
                        truncations.read(s.bytes(), length, s.name() + " truncated to " + length);
                    }
                }
            }
            Outcomes flips = new Outcomes();
            Random random = new Random(SEED);
            for (int i = 0; i < FLIPS; i++) {
                Seed s = seeds.get(random.nextInt(seeds.size()));
                byte[] mutated = s.bytes().clone();
                String what = mutate(mutated, s, random);
                flips.read(mutated, mutated.length, s.name() + " mutation " + i + " (" + what + ")");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("PE fuzz: %d inputs in %.1f s wall: %d truncations (%d read, %d malformed), %d mutations"
                            + " (%d read, %d malformed); slowest input %.1f ms%n",
                    truncations.total() + flips.total(), seconds, truncations.total(), truncations.results,
                    truncations.malformed, flips.total(), flips.results, flips.malformed,
                    Math.max(truncations.slowestNanos, flips.slowestNanos) / 1e6);
            System.out.println("PE fuzz slowest: " + truncations.slowest + " " + truncations.slowestNanos / 1e6 + " ms; "
                    + flips.slowest + " " + flips.slowestNanos / 1e6 + " ms");
            assertTrue(truncations.total() + flips.total() > 50_000);
            assertTrue(flips.results > 0 && flips.malformed > 0, "mutations reach both outcomes");
        });
    }

    /** Applies 1 to 4 mutations, mostly inside the headers and loader tables; {@return what was done} */
    private static String mutate(byte[] bytes, Seed seed, Random random) {
        StringBuilder what = new StringBuilder();
        int count = 1 + random.nextInt(4);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int m = 0; m < count; m++) {
            int at;
            if (random.nextInt(4) == 0) {
                at = random.nextInt(bytes.length);
            } else {
                long[] range = seed.hotRanges().get(random.nextInt(seed.hotRanges().size()));
                at = (int) (range[0] + random.nextInt((int) Math.max(1, range[1] - range[0])));
            }
            switch (random.nextInt(3)) {
                case 0 -> {
                    bytes[at] ^= (byte) (1 << random.nextInt(8));
                    what.append("flip@").append(Integer.toHexString(at)).append(' ');
                }
                case 1 -> {
                    bytes[at] = (byte) random.nextInt(256);
                    what.append("byte@").append(Integer.toHexString(at)).append(' ');
                }
                default -> {
                    at = Math.min(at & ~1, bytes.length - 4);
                    int value = INTERESTING[random.nextInt(INTERESTING.length)];
                    buffer.putInt(at, value);
                    what.append("u32@").append(Integer.toHexString(at)).append('=').append(Integer.toHexString(value)).append(' ');
                }
            }
        }
        return what.toString().strip();
    }
}
