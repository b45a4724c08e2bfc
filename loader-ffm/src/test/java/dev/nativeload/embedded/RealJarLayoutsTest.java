package dev.nativeload.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.report.Attempt;
import dev.nativeload.NativeLibrary;
import dev.nativeload.NativeLoader;
import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.binary.TargetOs;
import dev.nativeload.spi.Layouts;
import dev.nativeload.spi.ResourceLayout;
import dev.nativeload.spi.ResourceName;
import dev.nativeload.ffm.FfmNativeAccess;
import dev.nativeload.platform.Host;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The natives inside the real JNA, sqlite-jdbc and zstd-jni jars load through the chain with the layout presets. */
class RealJarLayoutsTest {
    private static Host host;

    @TempDir
    Path tmp;

    @BeforeAll
    static void host() {
        host = FfmNativeAccess.provider().host();
    }

    private NativeLibrary load(String name, ResourceLayout layout, Path jar) {
        // a class loader over the jar alone: the library can only come from the embedded step
        URLClassLoader loader = EmbeddedFixtures.loaderOf(jar);
        return NativeLoader.builder(name).classLoader(loader).layouts(layout).cacheDirectory(tmp.resolve("cache")).build().load();
    }

    private static void assertLoadedFromTheCacheByTheEmbeddedStep(NativeLibrary lib, Path cache, String resourcePart) {
        Attempt last = lib.report().attempts().getLast();
        assertEquals("embedded", last.strategy());
        assertTrue(last.origin().toString().contains(resourcePart), () -> last.origin().toString());
        assertTrue(lib.path().startsWith(cache), lib.path() + " is not under " + cache);
        assertEquals(lib.path().getParent().getFileName().toString(), EmbeddedFixtures.sha256(lib.path()),
                "the entry directory is named by the file's SHA-256");
    }

    @Test
    void sqliteJdbcsLibraryLoadsFromItsJarAndExportsItsJniEntryPointsButNoSqlite3Symbols() {
        String res = Layouts.sqliteJdbc().resources("sqlitejdbc", host).getFirst().value();
        Path jar = EmbeddedFixtures.realJarHolding(res);
        NativeLibrary lib = load("sqlitejdbc", Layouts.sqliteJdbc(), jar);
        assertLoadedFromTheCacheByTheEmbeddedStep(lib, tmp.resolve("cache"), "org/sqlite/native/");
        // sqlite-jdbc links SQLite in with hidden visibility: only the JNI functions are exported
        assertTrue(lib.find("Java_org_sqlite_core_NativeDB_libversion_1utf8").isPresent());
        assertTrue(lib.find("JNI_OnLoad").isPresent());
        assertEquals(Optional.empty(), lib.find("sqlite3_libversion"));
    }

    @Test
    void zstdJnisLibraryLoadsFromItsJarAndItsCFunctionsAnswerAsZstdHSays() throws Throwable {
        Path anyClass = EmbeddedFixtures.realJarHolding("com/github/luben/zstd/Zstd.class");
        String version = EmbeddedFixtures.manifestValue(anyClass, "Implementation-Version"); // 1.5.7-28
        NativeLibrary lib = load("zstd-jni-" + version, Layouts.zstdJni(), anyClass);
        assertLoadedFromTheCacheByTheEmbeddedStep(lib, tmp.resolve("cache"), "/libzstd-jni-" + version);
        Linker linker = Linker.nativeLinker();
        int maxLevel = (int) linker.downcallHandle(lib.lookup("ZSTD_maxCLevel"), FunctionDescriptor.of(ValueLayout.JAVA_INT))
                .invokeExact();
        assertEquals(22, maxLevel, "ZSTD_MAX_CLEVEL in zstd.h");
        var bound = linker.downcallHandle(lib.lookup("ZSTD_compressBound"), FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG));
        for (long n : new long[] {0, 1, 1000, 128 << 10, 1 << 20}) {
            // ZSTD_COMPRESSBOUND(srcSize) from zstd.h
            long expected = n + (n >> 8) + (n < (128 << 10) ? ((128 << 10) - n) >> 11 : 0);
            assertEquals(expected, (long) bound.invokeExact(n), "ZSTD_compressBound(" + n + ")");
        }
    }

    @Test
    void jnasDispatchLibraryLoadsFromItsJarAndItsCAndJniSymbolsResolve() {
        String res = Layouts.jna().resources("jnidispatch", host).getFirst().value();
        Path jar = EmbeddedFixtures.realJarHolding(res);
        NativeLibrary lib = load("jnidispatch", Layouts.jna(), jar);
        assertLoadedFromTheCacheByTheEmbeddedStep(lib, tmp.resolve("cache"), "com/sun/jna/");
        // plain C exports (its bundled libffi, JNA's own helpers) and the JNI entry points
        assertTrue(lib.find("ffi_call").isPresent());
        assertTrue(lib.find("JNA_get_last_error").isPresent());
        assertTrue(lib.find("JNI_OnLoad").isPresent());
        assertTrue(lib.find("Java_com_sun_jna_Native_sizeof").isPresent());
        assertEquals(Optional.empty(), lib.find("no_such_symbol_in_jnidispatch"));
    }

    private static Host host(TargetOs os, Architecture arch, LibcFlavor libc) {
        return Host.of(os, arch, libc, Optional.empty(), 4096, false);
    }

    @Test
    void eachPresetNamesAResourceTheRealJarShipsForEveryPlatformItCovers() {
        List<Host> hosts = List.of(host(TargetOs.LINUX, Architecture.X86_64, LibcFlavor.GLIBC),
                host(TargetOs.LINUX, Architecture.AARCH64, LibcFlavor.GLIBC),
                host(TargetOs.MACOS, Architecture.AARCH64, LibcFlavor.UNKNOWN),
                host(TargetOs.MACOS, Architecture.X86_64, LibcFlavor.UNKNOWN),
                host(TargetOs.WINDOWS, Architecture.X86_64, LibcFlavor.UNKNOWN));
        ClassLoader system = ClassLoader.getSystemClassLoader();
        String zstd = "zstd-jni-" + zstdVersion();
        int found = 0;
        for (Host h : hosts) {
            for (var preset : List.of(new Object[] {Layouts.jna(), "jnidispatch"}, new Object[] {Layouts.sqliteJdbc(), "sqlitejdbc"},
                    new Object[] {Layouts.zstdJni(), zstd})) {
                List<ResourceName> names = ((ResourceLayout) preset[0]).resources((String) preset[1], h);
                boolean any = names.stream().anyMatch(n -> system.getResource(n.value()) != null);
                assertTrue(any, ((ResourceLayout) preset[0]).name() + " for " + h.platformId() + ": none of " + names + " is in the jar");
                found++;
            }
        }
        assertEquals(15, found);
        // musl: sqlite-jdbc ships Linux-Musl builds
        assertTrue(Layouts.sqliteJdbc().resources("sqlitejdbc", host(TargetOs.LINUX, Architecture.X86_64, LibcFlavor.MUSL))
                .stream().anyMatch(n -> system.getResource(n.value()) != null));
    }

    private static String zstdVersion() {
        try {
            return EmbeddedFixtures.manifestValue(EmbeddedFixtures.realJarHolding("com/github/luben/zstd/Zstd.class"),
                    "Implementation-Version");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
