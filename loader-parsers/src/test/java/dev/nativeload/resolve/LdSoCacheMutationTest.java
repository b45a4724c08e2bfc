package dev.nativeload.resolve;

import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.MalformedBinaryException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Every mutation of a real cache reads and looks up, or ends in MalformedBinaryException, quickly. */
@EnabledOnOs(OS.LINUX)
@EnabledIfSystemProperty(named = "os.arch", matches = "amd64|x86_64", disabledReason = "fixtures and references are x86-64 Linux")
class LdSoCacheMutationTest {
    private static final byte[] SEED = seed();

    private static byte[] seed() {
        try {
            return Files.readAllBytes(Path.of("/etc/ld.so.cache"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Property(tries = 300)
    void anyByteChangeEndsInACacheOrMalformedBinaryException(@ForAll @IntRange(min = 0, max = 1 << 20) int where,
                                                             @ForAll @IntRange(min = 0, max = 255) int value,
                                                             @ForAll @IntRange(min = 0, max = 3) int width) {
        byte[] b = SEED.clone();
        int at = where % Math.min(b.length, 4096 + (where & 0xFF)); // mostly the header and the entry table
        for (int i = 0; i <= width && at + i < b.length; i++) {
            b[at + i] = (byte) (value + i * 0x55);
        }
        long start = System.nanoTime();
        try {
            LdSoCache c = LdSoCacheTest.read(b);
            for (String name : List.of("libc.so.6", "libz.so.1", "libm.so.6", "libnotthere.so.1")) {
                c.lookup(name, Architecture.X86_64, 64, List.of("x86-64-v2"));
            }
        } catch (MalformedBinaryException expected) {
            Assertions.assertFalse(expected.getMessage().isEmpty());
        }
        Assertions.assertTrue(System.nanoTime() - start < 2_000_000_000L, "took too long");
    }
}
