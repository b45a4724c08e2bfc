package dev.nativeload.ffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.ffm.generated.posix.lp64.link_map;
import dev.nativeload.spi.LibraryHandle;
import dev.nativeload.spi.NativeAccess;
import dev.nativeload.spi.OpenMode;
import dev.nativeload.spi.OpenResult;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The loaded path on Linux is read from the handle itself, which glibc's and musl's {@code dlopen}
 * return as the object's {@code struct link_map}: checked here against {@code dlinfo(RTLD_DI_LINKMAP)}
 * and the generated struct's accessor, on real libraries of this host.
 */
@EnabledOnOs(OS.LINUX)
class LinkMapHandleTest {
    private static final NativeAccess ACCESS = FfmNativeAccess.provider();

    private static LibraryHandle open(String target) {
        return assertInstanceOf(OpenResult.Opened.class, ACCESS.open(target, OpenMode.DEFAULT), target).handle();
    }

    /** {@return {@code l_name} of the handle's {@code struct link_map}, through {@code dlinfo} and the generated accessor} */
    private static Path nameThroughDlinfo(LibraryHandle handle) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ValueLayout.ADDRESS);
            assertEquals(0, Dlfcn.dlinfo(handle.address(), Dlfcn.RTLD_DI_LINKMAP, out));
            MemorySegment linkMap = out.get(ValueLayout.ADDRESS, 0).reinterpret(link_map.sizeof());
            assertEquals(handle.address().address(), linkMap.address(), "dlinfo(RTLD_DI_LINKMAP) gives the handle back");
            return Path.of(link_map.l_name(linkMap).reinterpret(4096).getString(0)).toAbsolutePath();
        }
    }

    @Test
    void thisHostsHandlesAreReadInPlace() {
        assertTrue(PosixNativeAccess.handleIsLinkMap(ACCESS.host().libc()), "glibc or musl: " + ACCESS.host().libc());
    }

    @Test
    void aLibraryFoundByItsSonameReportsTheFileDlinfoNames() {
        LibraryHandle z = open("libz.so.1");
        try {
            Path viaDlinfo = nameThroughDlinfo(z);
            assertEquals(Optional.of(viaDlinfo), ACCESS.loadedPath(z));
            assertTrue(Files.isRegularFile(viaDlinfo), viaDlinfo + " is the loaded file");
        } finally {
            ACCESS.close(z);
        }
    }

    @Test
    void aLibraryOpenedBySymlinkPathReportsThatPathAsDlinfoDoesAndItIsTheSameFile() throws Exception {
        LibraryHandle byName = open("libz.so.1");
        Path real = ACCESS.loadedPath(byName).orElseThrow().toRealPath();
        Path link = Files.createTempDirectory("linkmap").resolve("libz-link.so");
        Files.createSymbolicLink(link, real);
        LibraryHandle byLink = open(link.toString());
        try {
            assertEquals(Optional.of(nameThroughDlinfo(byLink)), ACCESS.loadedPath(byLink));
            assertTrue(Files.isSameFile(real, ACCESS.loadedPath(byLink).orElseThrow()));
        } finally {
            ACCESS.close(byLink);
            ACCESS.close(byName);
            Files.delete(link);
            Files.delete(link.getParent());
        }
    }

    @Test
    void onlyGlibcAndMuslHandlesAreTakenForLinkMaps() {
        assertTrue(PosixNativeAccess.handleIsLinkMap(LibcFlavor.GLIBC));
        assertTrue(PosixNativeAccess.handleIsLinkMap(LibcFlavor.MUSL));
        assertFalse(PosixNativeAccess.handleIsLinkMap(LibcFlavor.BIONIC), "Android's handles are opaque");
        assertFalse(PosixNativeAccess.handleIsLinkMap(LibcFlavor.UNKNOWN));
    }

    @Test
    void wordSizeReadsTheGeneratedStructsLName() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment linkMap = arena.allocate(link_map.layout());
            MemorySegment name = arena.allocateFrom("/lib/libexample.so");
            link_map.l_name(linkMap, name);
            link_map.l_addr(linkMap, -1L);
            assertEquals(name.address(), WordSize.linkMapName(linkMap).address());
        }
    }
}
