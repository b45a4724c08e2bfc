package dev.nativeload.binary.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.testing.TestData;
import java.io.File;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ElfLoadHeaders}: the x86 ISA level from the GNU property note, checked against readelf on
 * libraries linked with {@code -z x86-64-vN}, and segments past the end of a file cut short.
 */
class ElfLoadHeadersTest {
    @TempDir
    Path dir;

    private static void require(String program) {
        String path = System.getenv("PATH");
        boolean found = path != null && Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, program)));
        if (!found && "true".equals(System.getenv("CI"))) {
            fail(program + " is not installed (CI=true: a test that cannot run here fails)");
        }
        Assumptions.assumeTrue(found, program + " is not installed");
    }

    private static String run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out: " + List.of(command));
        assertEquals(0, p.exitValue(), List.of(command) + ":\n" + out);
        return out;
    }

    private Path isaLibrary(int level) throws Exception {
        Path source = TestData.path("zoo2", "crash", "src", "isa.c");
        Path lib = dir.resolve("libisa_v" + level + ".so");
        run(dir, "gcc", "-shared", "-fPIC", "-Wl,-z,x86-64-v" + level, "-o", lib.toString(), source.toString());
        return lib;
    }

    @Test
    void isaLevelMarkedByTheLinkerIsReadAsReadelfPrintsIt() throws Exception {
        require("gcc");
        require("readelf");
        Assumptions.assumeTrue(System.getProperty("os.arch").equals("amd64"), "gcc here targets x86-64");
        long[] bits = {0, 0, ElfLoadHeaders.X86_64_V2, ElfLoadHeaders.X86_64_V3, ElfLoadHeaders.X86_64_V4};
        for (int level = 2; level <= 4; level++) {
            Path lib = isaLibrary(level);
            String notes = run(dir, "readelf", "-n", "-W", lib.toString());
            assertTrue(notes.contains("x86 ISA needed: x86-64-v" + level), notes);
            assertEquals(OptionalLong.of(bits[level]), ElfLoadHeaders.read(lib).x86IsaNeeded(), lib.toString());
        }
    }

    @Test
    void libraryWithoutAnIsaMarkHasNone() throws Exception {
        ElfLoadHeaders h = ElfLoadHeaders.read(TestData.path("elf", "gcc-aarch64-libzoo.so"));
        assertTrue(h.x86IsaNeeded().isEmpty(), h.toString());
    }

    @Test
    void wholeFixturesHaveEverySegmentInsideTheFile() throws Exception {
        for (String name : List.of("gcc-x86_64-libzoo.so", "gcc-x86-libzoo.so", "gcc-s390x-libzoo.so", "gcc-x86_64-libzoo-noshdr.so")) {
            Path file = TestData.path("elf", name);
            ElfLoadHeaders h = ElfLoadHeaders.read(file);
            assertTrue(h.segmentPastEnd().isEmpty(), name + ": " + h.segmentPastEnd());
            assertEquals(Files.size(file), h.fileSize());
            assertTrue(h.extent() <= h.fileSize() && h.extent() > 0, name + " extent " + h.extent());
        }
    }

    @Test
    void fileCutShortHasALoadSegmentPastTheEndAndItsWholeSize() throws Exception {
        Path whole = TestData.path("elf", "gcc-x86_64-libzoo.so");
        ElfLoadHeaders wholeHeaders = ElfLoadHeaders.read(whole);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("libcut.so"), Arrays.copyOf(bytes, 1024));
        ElfLoadHeaders h = ElfLoadHeaders.read(cut);
        assertEquals(1024, h.fileSize());
        assertTrue(h.segmentPastEnd().isPresent());
        assertEquals(wholeHeaders.extent(), h.extent(), "the headers still say how big the file was");
        assertTrue(h.extent() > 1024);
    }

    @Test
    void programHeaderTableCutOffIsMalformedNotAnotherException() throws Exception {
        byte[] bytes = Files.readAllBytes(TestData.path("elf", "gcc-x86_64-libzoo.so"));
        Path cut = Files.write(dir.resolve("libheadonly.so"), Arrays.copyOf(bytes, 80));
        try {
            ElfLoadHeaders.read(cut);
            fail("a program header table past the end was accepted");
        } catch (MalformedBinaryException expected) {
            assertTrue(expected.getMessage().contains("program header table"), expected.getMessage());
        }
    }

    @Test
    void everyByteMutationOfHeadersAndPropertyNoteEndsInAResultOrMalformed() throws Exception {
        require("gcc");
        Assumptions.assumeTrue(System.getProperty("os.arch").equals("amd64"), "gcc here targets x86-64");
        byte[] bytes = Files.readAllBytes(isaLibrary(4));
        Random random = new Random(13);
        for (int i = 0; i < 3000; i++) {
            byte[] mutated = bytes.clone();
            for (int k = 0; k < 4; k++) {
                mutated[random.nextInt(Math.min(mutated.length, 1024))] = (byte) random.nextInt(256);
            }
            try {
                ElfLoadHeaders h = ElfLoadHeaders.read(BinaryData.of(mutated, ByteOrder.LITTLE_ENDIAN));
                h.segmentPastEnd();
                assertFalse(h.extent() < 0);
            } catch (MalformedBinaryException expected) {
                // the typed refusal
            }
        }
    }
}
