package dev.nativeload.internal.cache;

import dev.nativeload.spi.ResourceName;
import dev.nativeload.spi.Layouts;
import dev.nativeload.spi.ResourceLayout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.binary.TargetOs;
import dev.nativeload.platform.Host;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The layouts' names for hosts other than this one; loader-ffm's tests check them against the real jars. */
class LayoutsTest {
    private static final Host GLIBC_X86_64 = host(TargetOs.LINUX, Architecture.X86_64, LibcFlavor.GLIBC);
    private static final Host MUSL_AARCH64 = host(TargetOs.LINUX, Architecture.AARCH64, LibcFlavor.MUSL);
    private static final Host MAC_AARCH64 = host(TargetOs.MACOS, Architecture.AARCH64, LibcFlavor.UNKNOWN);
    private static final Host MAC_X86_64 = host(TargetOs.MACOS, Architecture.X86_64, LibcFlavor.UNKNOWN);
    private static final Host WIN_X86_64 = host(TargetOs.WINDOWS, Architecture.X86_64, LibcFlavor.UNKNOWN);

    private static Host host(TargetOs os, Architecture arch, LibcFlavor libc) {
        return Host.of(os, arch, libc, Optional.empty(), 4096, false);
    }

    private static List<String> names(ResourceLayout layout, String lib, Host host) {
        return layout.resources(lib, host).stream().map(ResourceName::value).toList();
    }

    @Test
    void theDefaultLayoutIsPrefixPlatformIdFileWithTheMuslSuffixFromTheHostsLibc() {
        assertEquals(List.of("native/linux-x86_64/libfoo.so"), names(Layouts.classifier("native"), "foo", GLIBC_X86_64));
        assertEquals(List.of("native/linux-aarch64-musl/libfoo.so"), names(Layouts.classifier("native"), "foo", MUSL_AARCH64));
        assertEquals(List.of("shaded/native/osx-aarch64/libfoo.dylib", "shaded/native/osx-aarch64/libfoo.jnilib",
                "shaded/native/osx-aarch64/libfoo.so"), names(Layouts.classifier("shaded/native"), "foo", MAC_AARCH64));
        assertEquals(List.of("native/windows-x86_64/foo.dll", "native/windows-x86_64/libfoo.dll"),
                names(Layouts.classifier("native"), "foo", WIN_X86_64));
    }

    @Test
    void jnaNamesItsDirectoriesOsDashArchWithX86Dash64() {
        assertEquals("com/sun/jna/linux-x86-64/libjnidispatch.so", names(Layouts.jna(), "jnidispatch", GLIBC_X86_64).getFirst());
        assertEquals("com/sun/jna/darwin-aarch64/libjnidispatch.jnilib", names(Layouts.jna(), "jnidispatch", MAC_AARCH64).get(1));
        assertEquals("com/sun/jna/win32-x86-64/jnidispatch.dll", names(Layouts.jna(), "jnidispatch", WIN_X86_64).getFirst());
    }

    @Test
    void sqliteJdbcUsesCapitalisedOsNamesAndLinuxMuslForMuslHosts() {
        assertEquals("org/sqlite/native/Linux/x86_64/libsqlitejdbc.so", names(Layouts.sqliteJdbc(), "sqlitejdbc", GLIBC_X86_64).getFirst());
        assertEquals("org/sqlite/native/Linux-Musl/aarch64/libsqlitejdbc.so", names(Layouts.sqliteJdbc(), "sqlitejdbc", MUSL_AARCH64).getFirst());
        assertEquals("org/sqlite/native/Mac/aarch64/libsqlitejdbc.dylib", names(Layouts.sqliteJdbc(), "sqlitejdbc", MAC_AARCH64).getFirst());
        assertEquals("org/sqlite/native/Windows/x86_64/sqlitejdbc.dll", names(Layouts.sqliteJdbc(), "sqlitejdbc", WIN_X86_64).getFirst());
    }

    @Test
    void zstdJniUsesJavaArchNamesExceptOnDarwin() {
        assertEquals("linux/amd64/libzstd-jni-1.5.7-28.so", names(Layouts.zstdJni(), "zstd-jni-1.5.7-28", GLIBC_X86_64).getFirst());
        assertEquals("darwin/x86_64/libzstd-jni-1.5.7-28.dylib", names(Layouts.zstdJni(), "zstd-jni-1.5.7-28", MAC_X86_64).getFirst());
        assertEquals("win/amd64/libzstd-jni-1.5.7-28.dll", names(Layouts.zstdJni(), "zstd-jni-1.5.7-28", WIN_X86_64).get(1));
    }

    @Test
    void nettyPutsOsAndArchIntoTheFileNameThenTriesThePlainName() {
        assertEquals(List.of("META-INF/native/libnetty_tcnative_linux_x86_64.so", "META-INF/native/libnetty_tcnative.so"),
                names(Layouts.netty(), "netty_tcnative", GLIBC_X86_64));
        assertEquals("META-INF/native/libnetty_transport_native_kqueue_osx_aarch_64.dylib",
                names(Layouts.netty(), "netty_transport_native_kqueue", MAC_AARCH64).getFirst());
    }

    @Test
    void javacppUsesItsOwnPlatformNamesUnderThePresetPackage() {
        assertEquals("org/bytedeco/opencv/linux-x86_64/libjniopencv_core.so",
                names(Layouts.javacpp("opencv"), "jniopencv_core", GLIBC_X86_64).getFirst());
        assertEquals("org/bytedeco/opencv/macosx-arm64/libjniopencv_core.dylib",
                names(Layouts.javacpp("opencv"), "jniopencv_core", MAC_AARCH64).getFirst());
    }

    @Test
    void aLibraryNameThatWouldClimbOutOfTheLayoutDirectoryYieldsNoResource() {
        assertEquals(List.of(), names(Layouts.classifier("native"), "../../x", GLIBC_X86_64));
        assertThrows(IllegalArgumentException.class, () -> Layouts.classifier("../native"));
        assertThrows(IllegalArgumentException.class, () -> Layouts.javacpp("a/b"));
    }
}
