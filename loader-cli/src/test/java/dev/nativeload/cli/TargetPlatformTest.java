package dev.nativeload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.platform.Platform;
import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.GlibcVersion;
import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.binary.TargetOs;
import org.junit.jupiter.api.Test;

class TargetPlatformTest {

    @Test
    void classifierIdsNameOsArchAndLibc() {
        assertEquals(Platform.of(TargetOs.LINUX, Architecture.AARCH64, LibcFlavor.GLIBC),
                Platform.parse("linux-aarch64"));
        assertEquals(LibcFlavor.MUSL, Platform.parse("linux-x86_64-musl").libc());
        assertEquals(TargetOs.MACOS, Platform.parse("osx-aarch64").os());
        assertEquals(LibcFlavor.NOT_APPLICABLE, Platform.parse("windows-x86_64").libc());
        assertEquals("linux-x86_64-musl", Platform.parse("linux-amd64-musl").id(), "the id is the normalized form");
        assertEquals(32, Platform.parse("linux-arm").bits());
        assertEquals(java.nio.ByteOrder.BIG_ENDIAN, Platform.parse("linux-s390x").byteOrder());
    }

    @Test
    void commonArchitectureAliasesMapToTheNormalizedNames() {
        assertEquals(Architecture.X86_64, Platform.parse("windows-amd64").arch());
        assertEquals(Architecture.AARCH64, Platform.parse("osx-arm64").arch());
        assertEquals(Architecture.X86, Platform.parse("linux-i686").arch());
    }

    @Test
    void unknownOsArchOrSuffixIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Platform.parse("linux"));
        assertThrows(IllegalArgumentException.class, () -> Platform.parse("beos-x86_64"));
        assertThrows(IllegalArgumentException.class, () -> Platform.parse("linux-vax"));
        assertThrows(IllegalArgumentException.class, () -> Platform.parse("windows-x86_64-musl"));
        assertThrows(IllegalArgumentException.class, () -> Platform.parse("linux-x86_64-gnu"));
        assertThrows(IllegalArgumentException.class, () -> Platform.parse("linux-x86_64-musl-extra"));
    }

    @Test
    void glibcVersionsCompareNumericallyComponentByComponent() {
        assertTrue(GlibcVersion.parse("2.34").orElseThrow().compareTo(GlibcVersion.parse("2.4").orElseThrow()) > 0);
        assertTrue(GlibcVersion.parse("2.2.5").orElseThrow().compareTo(GlibcVersion.parse("2.3").orElseThrow()) < 0);
        assertEquals(0, GlibcVersion.parse("2.17").orElseThrow().compareTo(GlibcVersion.parse("2.17.0").orElseThrow()));
        assertEquals("2.2.5", GlibcVersion.ofSymbolVersion("GLIBC_2.2.5").orElseThrow().toString());
        assertFalse(GlibcVersion.ofSymbolVersion("GLIBC_PRIVATE").isPresent());
        assertFalse(GlibcVersion.ofSymbolVersion("ZOO_1.0").isPresent());
        assertFalse(GlibcVersion.parse("2.").isPresent());
        assertFalse(GlibcVersion.parse("99999999999").isPresent(), "no overflow on a huge component");
    }

    @Test
    void baseSystemIsTheManylinuxCoreWithoutZlib() {
        Platform linux = Platform.parse("linux-x86_64");
        for (String lib : new String[] {"libc.so.6", "libm.so.6", "libpthread.so.0", "libstdc++.so.6",
                "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1", "ld64.so.2"}) {
            assertTrue(BaseSystem.contains(linux, lib), lib);
        }
        assertFalse(BaseSystem.contains(linux, "libz.so.1"));
        assertFalse(BaseSystem.contains(linux, "libc.so"));
        Platform musl = Platform.parse("linux-aarch64-musl");
        assertTrue(BaseSystem.contains(musl, "libc.musl-aarch64.so.1"));
        assertTrue(BaseSystem.contains(musl, "libc.so"));
        assertFalse(BaseSystem.contains(musl, "libc.so.6"));
    }

    @Test
    void windowsBaseSystemIgnoresCaseAndKnowsApiSetsAndTheVcRuntime() {
        Platform win = Platform.parse("windows-x86_64");
        assertTrue(BaseSystem.contains(win, "KERNEL32.dll"));
        assertTrue(BaseSystem.contains(win, "kernel32.DLL"));
        assertTrue(BaseSystem.contains(win, "api-ms-win-crt-runtime-l1-1-0.dll"));
        assertTrue(BaseSystem.contains(win, "VCRUNTIME140_1.dll"));
        assertFalse(BaseSystem.contains(win, "zlib1.dll"));
        Platform mac = Platform.parse("osx-aarch64");
        assertTrue(BaseSystem.contains(mac, "/usr/lib/libSystem.B.dylib"));
        assertTrue(BaseSystem.contains(mac, "/System/Library/Frameworks/CoreFoundation.framework/CoreFoundation"));
        assertFalse(BaseSystem.contains(mac, "/opt/homebrew/lib/libzstd.1.dylib"));
    }
}
