package dev.nativeload.binary.macho;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.testing.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Hostile export tries, bind opcodes and chained-fixup tables: random streams, and the binding
 * fixtures with bytes of their link-edit data changed or cut. Every input ends in a result or a
 * {@link MalformedBinaryException}, never another exception, within a second (they take microseconds):
 * no loop on a hostile count or offset, no allocation sized by one.
 */
class MachOSymbolsFuzzTest {
    private static final long LIMIT_NANOS = 1_000_000_000L;
    private static final List<Fixture> FIXTURES = fixtures();

    /** A fixture's bytes and where its {@code __LINKEDIT} segment lies. */
    private record Fixture(byte[] bytes, int linkEdit, int linkEditEnd) {
    }

    private static List<Fixture> fixtures() {
        try (Stream<Path> walk = Files.walk(TestData.path("macho").resolve("binding"))) {
            List<Fixture> all = new ArrayList<>();
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                byte[] bytes = Files.readAllBytes(p);
                LoadCommand.Segment le = MachOFile.read(BinaryData.of(bytes, ByteOrder.LITTLE_ENDIAN)).segments().stream()
                        .filter(s -> s.name().equals("__LINKEDIT")).findFirst().orElseThrow();
                all.add(new Fixture(bytes, (int) le.fileOffset(), (int) (le.fileOffset() + le.fileSize())));
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MalformedBinaryException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Reader {
        Object read(BinaryData data) throws MalformedBinaryException;
    }

    private static void endsWell(Reader reader, byte[] bytes) {
        long start = System.nanoTime();
        try {
            reader.read(BinaryData.of(bytes, ByteOrder.LITTLE_ENDIAN));
        } catch (MalformedBinaryException expected) {
            // a typed rejection is a good end
        }
        long took = System.nanoTime() - start;
        assertTrue(took < LIMIT_NANOS, "took " + took / 1_000_000 + " ms");
    }

    @Property(tries = 2000)
    void randomStreamsAreReadOrRejectedAsTries(@ForAll @Size(max = 300) byte[] bytes) {
        endsWell(ExportTrie::read, bytes);
    }

    @Property(tries = 2000)
    void randomStreamsAreReadOrRejectedAsBindOpcodes(@ForAll @Size(max = 300) byte[] bytes,
                                                     @ForAll MachOImport.Source source) {
        endsWell(d -> {
            List<MachOImport> out = new ArrayList<>();
            BindOpcodes.read(d, source, out);
            return out;
        }, bytes);
    }

    @Property(tries = 2000)
    void randomTablesAreReadOrRejectedAsChainedFixups(@ForAll @Size(min = 28, max = 300) byte[] bytes,
                                                      @ForAll @IntRange(min = 0, max = 4) int format) {
        bytes[0] = bytes[1] = bytes[2] = bytes[3] = 0;
        bytes[20] = (byte) format;
        bytes[21] = bytes[22] = bytes[23] = 0;
        endsWell(d -> {
            List<MachOImport> out = new ArrayList<>();
            ChainedFixupImports.read(d, out);
            return out;
        }, bytes);
    }

    /** A fixture with bytes changed in its link-edit data (trie, opcodes, fixups, nlist, strings), or cut there. */
    @Property(tries = 800)
    void mutatedFixturesEndInSymbolsOrAMalformedBinaryException(@ForAll @IntRange(min = 0, max = 10_000) int which,
                                                                  @ForAll long seed) {
        Fixture f = FIXTURES.get(which % FIXTURES.size());
        Random random = new Random(seed);
        byte[] bytes = f.bytes().clone();
        int span = f.linkEditEnd() - f.linkEdit();
        if (random.nextInt(5) == 0) {
            bytes = java.util.Arrays.copyOf(bytes, f.linkEdit() + random.nextInt(span));
        } else {
            for (int i = 0, n = 1 + random.nextInt(8); i < n; i++) {
                bytes[f.linkEdit() + random.nextInt(span)] = (byte) random.nextInt(256);
            }
        }
        endsWell(d -> {
            MachOFile image = MachOFile.read(d);
            List<Object> all = new ArrayList<>(image.imports());
            all.addAll(image.exports());
            return all;
        }, bytes);
    }
}
