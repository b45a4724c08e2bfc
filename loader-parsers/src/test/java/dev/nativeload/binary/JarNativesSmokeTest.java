package dev.nativeload.binary;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.binary.testing.JarNatives;
import org.junit.jupiter.api.Test;

class JarNativesSmokeTest {
    @Test
    void thirdPartyJarsOnTestPathCarryNativesOfAllThreeFormats() {
        var all = JarNatives.all();
        assertTrue(all.stream().anyMatch(e -> e.entry().endsWith(".so")), "an ELF library");
        assertTrue(all.stream().anyMatch(e -> e.entry().endsWith(".dll")), "a PE library");
        assertTrue(all.stream().anyMatch(e -> e.entry().endsWith(".dylib") || e.entry().endsWith(".jnilib")), "a Mach-O library");
    }
}
