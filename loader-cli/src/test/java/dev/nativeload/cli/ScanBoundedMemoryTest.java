package dev.nativeload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.testsupport.ChildJvm;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scan} streams: a fat jar about four times the size of the scanning JVM's whole heap, holding a nested jar of
 * incompressible data, a real native and a native larger than the in-memory limit, and a nested jar holding a
 * DEFLATED native, is scanned by a child JVM started with {@code -Xmx48m}.
 */
class ScanBoundedMemoryTest {
    private static final int MIB = 1 << 20;
    private static final String HEAP = "-Xmx48m";

    @TempDir
    Path dir;

    @Test
    void aFatJarFourTimesTheHeapIsScannedInBoundedMemory() throws Exception {
        Path zstd = RealJars.holding(RealJars.ZSTD);
        String soName = "linux/amd64/libzstd-jni-" + zstd.getFileName().toString().replace("zstd-jni-", "").replace(".jar", "")
                + ".so";
        Path so = dir.resolve("libzstd.so");
        RealJars.extract(zstd, soName, so);
        // An ELF file with 24 MiB appended: still the same library to a reader, but over the in-memory limit.
        Path big = dir.resolve("libbig.so");
        Files.copy(so, big);
        try (OutputStream out = Files.newOutputStream(big, java.nio.file.StandardOpenOption.APPEND)) {
            out.write(new byte[24 * MIB]);
        }
        Path nested = dir.resolve("data.jar");
        Map<String, Path> entries = new LinkedHashMap<>();
        Path block = dir.resolve("block.bin");
        byte[] random = new byte[8 * MIB];
        new Random(42).nextBytes(random);
        Files.write(block, random);
        for (int i = 0; i < 24; i++) {
            entries.put("data/blob" + i + ".bin", block);
        }
        entries.put("native/libzstd.so", so);
        entries.put("native/libbig.so", big);
        RealJars.write(nested, entries, true);
        // A DEFLATED native too, which libdeflate (when installed) inflates whole into this thread's native buffers.
        Path deflated = dir.resolve("deflated.jar");
        RealJars.write(deflated, Map.of("native/libzstd.so", so), false);
        Path fat = dir.resolve("app.jar");
        Map<String, Path> nestedJars = new LinkedHashMap<>();
        nestedJars.put("BOOT-INF/lib/data.jar", nested);
        nestedJars.put("BOOT-INF/lib/deflated.jar", deflated);
        RealJars.write(fat, nestedJars, true);
        Files.delete(nested);
        long size = Files.size(fat);
        assertTrue(size > 4L * 48 * MIB, "the fat jar is " + size + " bytes");

        List<String> command = new ArrayList<>(List.of(ChildJvm.java(), HEAP, "-XX:+ExitOnOutOfMemoryError",
                "--enable-native-access=ALL-UNNAMED", "-cp", ChildJvm.classPath(ScanBoundedMemoryTest.class),
                Main.class.getName(), "scan", "--json", "--target", "linux-x86_64", fat.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "scan did not finish");
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("\"entry\":\"BOOT-INF/lib/data.jar!/native/libzstd.so\""), output);
        assertTrue(output.contains("\"entry\":\"BOOT-INF/lib/data.jar!/native/libbig.so\""), output);
        assertTrue(output.contains("\"entry\":\"BOOT-INF/lib/deflated.jar!/native/libzstd.so\""), output);
        assertTrue(output.contains("{\"summary\":{\"natives\":3,\"archives\":3,"), output);
    }
}
