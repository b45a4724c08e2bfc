package dev.nativeload.ffm;

import dev.nativeload.binary.elf.ElfFile;
import dev.nativeload.platform.HostProbe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.TargetOs;
import dev.nativeload.ffm.fixtures.Toolchain;
import dev.nativeload.platform.Host;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Host facts read in-process, checked against what the system's own tools report. */
class HostFactsTest {
    private static Host host;

    @BeforeAll
    static void linuxOnly() {
        assumeTrue(dev.nativeload.ffm.Host.os() == TargetOs.LINUX, "compares with Linux tools");
        host = FfmNativeAccess.provider().host();
    }

    @Test
    void glibcHostIsGlibcWithTheVersionGetconfReports(@TempDir Path dir) throws IOException {
        assumeTrue(Toolchain.installed("getconf"), "getconf is not installed");
        String expected = Toolchain.check(dir, "getconf", "GNU_LIBC_VERSION").strip();
        assumeTrue(expected.startsWith("glibc "), "not a glibc host: " + expected);
        assertEquals(LibcFlavor.GLIBC, host.libc());
        assertEquals(Optional.of(expected.substring("glibc ".length())), host.libcVersion());
    }

    @Test
    void pageSizeIsWhatGetconfReports(@TempDir Path dir) throws IOException {
        assumeTrue(Toolchain.installed("getconf"), "getconf is not installed");
        assertEquals(Long.parseLong(Toolchain.check(dir, "getconf", "PAGESIZE").strip()), host.pageSize());
    }

    @Test
    void osAndArchitectureComeFromTheJvmAndNothingIsTranslatedOnLinux() {
        assertEquals(TargetOs.LINUX, host.os());
        assertEquals(Architecture.fromJvm(System.getProperty("os.arch")), host.arch());
        assertFalse(host.translated());
    }

    @Test
    void hostIsReadOnceAndCached() {
        assertSame(host, FfmNativeAccess.provider().host());
    }

    @Test
    void thisJvmsOwnInterpreterIsGlibcsDynamicLoader() {
        assumeTrue(host.libc() == LibcFlavor.GLIBC, "glibc host");
        assertEquals(LibcFlavor.GLIBC, HostProbe.libcOfExecutable(Path.of("/proc/self/exe")));
    }

    private static Path executable(Path dir, String compiler) throws IOException {
        Toolchain.require(compiler);
        Files.writeString(dir.resolve("main.c"), "int main(void) { return 0; }\n");
        Toolchain.check(dir, compiler, "-o", "main", "main.c");
        return dir.resolve("main");
    }

    @Test
    void anExecutableLinkedByMuslGccNamesAnLdMuslInterpreter(@TempDir Path dir) throws Exception {
        Path exe = executable(dir, "musl-gcc");
        String interp = ElfFile.read(exe).interpreter().orElseThrow();
        assertEquals(LibcFlavor.MUSL, LibcFlavor.ofInterpreter(interp), interp);
        assertEquals(LibcFlavor.MUSL, HostProbe.libcOfExecutable(exe));
    }

    @Test
    void anExecutableLinkedByGccNamesTheGlibcInterpreterReadelfShows(@TempDir Path dir) throws Exception {
        Path exe = executable(dir, "gcc");
        assumeTrue(Toolchain.installed("readelf"), "readelf is not installed");
        String readelf = Toolchain.check(dir, "readelf", "-l", "-W", exe.toString());
        String marker = "[Requesting program interpreter: ";
        String expected = readelf.substring(readelf.indexOf(marker) + marker.length());
        expected = expected.substring(0, expected.indexOf(']'));
        assertEquals(Optional.of(expected), ElfFile.read(exe).interpreter());
        assertEquals(LibcFlavor.GLIBC, HostProbe.libcOfExecutable(exe));
    }

    @Test
    void aSharedLibraryHasNoInterpreterSoItsLibcIsUnknown() throws Exception {
        Path lib = dev.nativeload.ffm.fixtures.BrokenLibraries.good();
        assertEquals(Optional.empty(), ElfFile.read(lib).interpreter());
        assertEquals(LibcFlavor.UNKNOWN, HostProbe.libcOfExecutable(lib));
    }

    @Test
    void aTruncatedExecutableIsMalformedAndItsLibcUnknown(@TempDir Path dir) throws Exception {
        Path exe = executable(dir, "gcc");
        byte[] bytes = Files.readAllBytes(exe);
        Path cut = Files.write(dir.resolve("cut"), Arrays.copyOf(bytes, 80));
        org.junit.jupiter.api.Assertions.assertThrows(MalformedBinaryException.class, () -> ElfFile.read(cut).interpreter());
        assertEquals(LibcFlavor.UNKNOWN, HostProbe.libcOfExecutable(cut));
        assertEquals(LibcFlavor.UNKNOWN, HostProbe.libcOfExecutable(dir.resolve("absent")));
        Path script = Files.writeString(dir.resolve("text"), "#!/bin/sh\necho hi\n");
        org.junit.jupiter.api.Assertions.assertThrows(MalformedBinaryException.class, () -> ElfFile.read(script).interpreter());
        assertEquals(LibcFlavor.UNKNOWN, HostProbe.libcOfExecutable(script));
    }

    @Test
    void interpreterFileNamesAreClassifiedByTheirLoaderFamily() {
        assertEquals(LibcFlavor.MUSL, LibcFlavor.ofInterpreter("/lib/ld-musl-aarch64.so.1"));
        assertEquals(LibcFlavor.GLIBC, LibcFlavor.ofInterpreter("/lib64/ld-linux-x86-64.so.2"));
        assertEquals(LibcFlavor.GLIBC, LibcFlavor.ofInterpreter("/lib/ld-linux-armhf.so.3"));
        assertEquals(LibcFlavor.GLIBC, LibcFlavor.ofInterpreter("/lib64/ld64.so.2"));
        assertEquals(LibcFlavor.BIONIC, LibcFlavor.ofInterpreter("/system/bin/linker64"));
        assertEquals(LibcFlavor.UNKNOWN, LibcFlavor.ofInterpreter("/usr/libexec/ld-elf.so.1"));
    }
}
