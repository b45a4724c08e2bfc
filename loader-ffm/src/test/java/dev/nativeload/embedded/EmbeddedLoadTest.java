package dev.nativeload.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.report.Attempt;
import dev.nativeload.report.FailureKind;
import dev.nativeload.LibraryAccessException;
import dev.nativeload.NativeLibrary;
import dev.nativeload.NativeLoader;
import dev.nativeload.internal.chain.EmbeddedResourceStrategy;
import dev.nativeload.spi.Layouts;
import dev.nativeload.ffm.FfmNativeAccess;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real extraction and real dlopen: library sets, corruption, noexec, read-only and full filesystems, JNI. */
class EmbeddedLoadTest {
    private static final String X86_64 = EmbeddedFixtures.X86_64;

    @TempDir
    Path tmp;

    @BeforeAll
    static void linuxX86_64() {
        EmbeddedFixtures.assumeLinuxX86_64(FfmNativeAccess.provider().host());
    }

    private URLClassLoader solo() {
        return EmbeddedFixtures.loaderOf(EmbeddedFixtures.writeJar(tmp,
                Map.of(X86_64 + "libembedded_solo.so", EmbeddedFixtures.testdata("gcc-x86_64", "libembedded_solo.so"))));
    }

    /**
     * The library of the default builder's embedded step alone: every test here loads a library
     * with the soname libembedded_solo.so, and once one is loaded the system step's search by name
     * finds it, so the earlier steps are left out.
     */
    private static NativeLibrary loadEmbeddedOnly(NativeLoader.Builder configured, String name) {
        return loadEmbeddedOnly(configured, name, dev.nativeload.platform.Environment.system());
    }

    private static NativeLibrary loadEmbeddedOnly(NativeLoader.Builder configured, String name, dev.nativeload.platform.Environment env) {
        var step = configured.environment(env).build().strategies().getLast();
        assertTrue(step instanceof EmbeddedResourceStrategy, step::toString);
        return NativeLoader.builder(name).strategies(List.of(step)).environment(env).build().load();
    }

    private static int callSolo(NativeLibrary lib, int x) throws Throwable {
        return (int) Linker.nativeLinker().downcallHandle(lib.lookup("embedded_solo"),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT)).invokeExact(x);
    }

    @Test
    void anEmbeddedLibrarySetLoadsWithItsDependenciesFirstAndItsFunctionCallsThroughThem() throws Throwable {
        URLClassLoader set = EmbeddedFixtures.loaderOf(EmbeddedFixtures.writeJar(tmp, Map.of(
                X86_64 + "libembedded.so", EmbeddedFixtures.testdata("gcc-x86_64", "libembedded.so"),
                X86_64 + "libembedded_mid.so", EmbeddedFixtures.testdata("gcc-x86_64", "libembedded_mid.so"),
                X86_64 + "libembedded_dep.so", EmbeddedFixtures.testdata("gcc-x86_64", "libembedded_dep.so"))));
        NativeLibrary lib = NativeLoader.builder("embedded").classLoader(set).cacheDirectory(tmp.resolve("cache")).build().load();
        int answer = (int) Linker.nativeLinker().downcallHandle(lib.lookup("embedded_answer"),
                FunctionDescriptor.of(ValueLayout.JAVA_INT)).invokeExact();
        assertEquals(42, answer);
        String origin = lib.report().attempts().getLast().origin().toString();
        assertTrue(origin.indexOf("libembedded_dep.so") < origin.indexOf("libembedded_mid.so") && origin.contains("loaded first"),
                origin);
    }

    @Test
    void withoutItsEmbeddedDependencyTheLibraryFailsAsAMissingDependencyNamingIt() {
        URLClassLoader partial = EmbeddedFixtures.loaderOf(EmbeddedFixtures.writeJar(tmp, Map.of(
                X86_64 + "libembedded.so", EmbeddedFixtures.testdata("gcc-x86_64", "libembedded.so"),
                X86_64 + "libembedded_mid.so", EmbeddedFixtures.testdata("gcc-x86_64", "libembedded_mid.so"))));
        var e = assertThrows(dev.nativeload.NativeLoadException.class,
                () -> NativeLoader.builder("embedded").classLoader(partial).cacheDirectory(tmp.resolve("cache")).build().load());
        assertEquals(FailureKind.MISSING_DEPENDENCY, e.kind());
        assertTrue(e.diagnosis().dependency().orElse("").equals("libembedded_dep.so"), e::getMessage);
    }

    @Test
    void aCacheFileCorruptedBetweenRunsIsReplacedByANewPathAndTheLibraryStillLoads() throws Throwable {
        Path cache = tmp.resolve("cache");
        Path jar = EmbeddedFixtures.writeJar(tmp,
                Map.of(X86_64 + "libembedded_solo.so", EmbeddedFixtures.testdata("gcc-x86_64", "libembedded_solo.so")));
        // the "first run" in a child JVM, so this JVM has never mapped the file it then corrupts
        Process first = new ProcessBuilder(EmbeddedFixtures.childJvm(LoadEmbeddedMain.class, cache.toString(), jar.toString(),
                jar.toString())).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line = new String(first.getInputStream().readAllBytes()).strip();
        assertEquals(0, first.waitFor());
        Path firstPath = Path.of(line.split(" ")[1]);
        Files.setPosixFilePermissions(firstPath, PosixFilePermissions.fromString("rw-------"));
        byte[] corrupt = Files.readAllBytes(firstPath);
        corrupt[corrupt.length / 2] ^= 0x5a;
        Files.write(firstPath, corrupt);

        NativeLibrary lib = loadEmbeddedOnly(NativeLoader.builder("embedded_solo").classLoader(EmbeddedFixtures.loaderOf(jar))
                .cacheDirectory(cache), "embedded_solo");
        assertEquals(Path.of(firstPath.getParent() + "-1", "libembedded_solo.so"), lib.path());
        assertEquals(42, callSolo(lib, 41));
        assertTrue(lib.report().attempts().getLast().origin().toString().contains("corrupted or replaced"), lib.report()::render);
    }

    @Test
    void aNoexecTmpfsCacheIsRefusedThroughStatvfsAndTheNextDirectoryLoads() throws Throwable {
        Path noexec = tmp.resolve("noexec");
        try (AutoCloseable m = EmbeddedFixtures.tmpfs(noexec, "noexec,size=8m,mode=0700")) {
            Path home = Files.createDirectories(tmp.resolve("home"));
            var props = new java.util.Properties();
            props.setProperty("java.library.path", "");
            props.setProperty("user.home", home.toString());
            props.setProperty("user.name", System.getProperty("user.name"));
            props.setProperty("java.io.tmpdir", tmp.toString());
            NativeLibrary lib = loadEmbeddedOnly(NativeLoader.builder("embedded_solo").classLoader(solo()).cacheDirectory(noexec),
                    "embedded_solo", dev.nativeload.platform.Environment.of(Map.of(), props));
            assertTrue(lib.path().startsWith(home.resolve(".cache").resolve("nativeload")), lib.path()::toString);
            assertEquals(42, callSolo(lib, 41));
            Attempt refused = refusal(lib, noexec);
            assertTrue(refused.diagnosis().orElseThrow().cause().contains("NOEXEC")
                    && refused.diagnosis().orElseThrow().cause().contains("statvfs"), refused.diagnosis().orElseThrow()::cause);
        }
    }

    @Test
    void aReadOnlyMountIsRefusedAndTheNextDirectoryLoads() throws Throwable {
        Path ro = tmp.resolve("ro");
        try (AutoCloseable m = EmbeddedFixtures.tmpfs(ro, "ro,size=1m,mode=0700")) {
            Path t = Files.createDirectories(tmp.resolve("t"));
            var props = new java.util.Properties();
            props.setProperty("java.library.path", "");
            props.setProperty("user.home", ro.toString()); // the per-user cache is on the read-only mount too
            props.setProperty("user.name", System.getProperty("user.name"));
            props.setProperty("java.io.tmpdir", t.toString());
            NativeLibrary lib = loadEmbeddedOnly(NativeLoader.builder("embedded_solo").classLoader(solo()).cacheDirectory(ro),
                    "embedded_solo", dev.nativeload.platform.Environment.of(Map.of(), props));
            assertTrue(lib.path().startsWith(t), lib.path()::toString);
            assertEquals(42, callSolo(lib, 41));
            assertTrue(refusal(lib, ro).diagnosis().orElseThrow().cause().contains("read-only"), lib.report()::render);
        }
    }

    private static Attempt refusal(NativeLibrary lib, Path dir) {
        return lib.report().attempts().stream()
                .filter(a -> a.origin().equals(EmbeddedResourceStrategy.CACHE_ORIGIN) && a.target().equals(dir.toString()))
                .findFirst().orElseThrow(() -> new AssertionError("no refusal of " + dir + " in\n" + lib.report().render()));
    }

    @Test
    void aFullTmpfsIsANoSpaceFailureThatSaysSo() throws Exception {
        String res = Layouts.sqliteJdbc().resources("sqlitejdbc", FfmNativeAccess.provider().host()).getFirst().value();
        Path sqliteJar = EmbeddedFixtures.realJarHolding(res);
        Path tiny = tmp.resolve("tiny");
        try (AutoCloseable m = EmbeddedFixtures.tmpfs(tiny, "size=64k,mode=0700")) {
            var props = new java.util.Properties();
            props.setProperty("java.library.path", "");
            props.setProperty("user.home", tiny.resolve("home").toString());
            props.setProperty("user.name", System.getProperty("user.name"));
            props.setProperty("java.io.tmpdir", tiny.toString());
            LibraryAccessException e = assertThrows(LibraryAccessException.class, () -> NativeLoader.builder("sqlitejdbc")
                    .classLoader(EmbeddedFixtures.loaderOf(sqliteJar)).layouts(Layouts.sqliteJdbc()).cacheDirectory(tiny)
                    .environment(dev.nativeload.platform.Environment.of(Map.of(), props)).build().load());
            assertEquals(FailureKind.NO_SPACE, e.kind());
            assertTrue(e.getMessage().contains("no space left"), e::getMessage);
            try (var files = Files.walk(tiny)) {
                assertEquals(List.of(), files.filter(p -> p.toString().endsWith(".tmp")).toList(), "no partial file is left");
            }
        }
    }

    @Test
    void theJniLoaderOptionBindsNativeMethodsInTheCallersClass() {
        URLClassLoader jar = EmbeddedFixtures.loaderOf(EmbeddedFixtures.writeJar(tmp,
                Map.of(X86_64 + "libjniprobe.so", EmbeddedFixtures.testdata("gcc-x86_64", "libjniprobe.so"))));
        assertThrows(UnsatisfiedLinkError.class, JniProbe::answer, "unbound before the load");
        NativeLibrary lib = JniProbe.load(jar, tmp.resolve("cache"));
        assertEquals(42, JniProbe.answer());
        Attempt handOff = lib.report().attempts().getLast();
        assertEquals("jni", handOff.strategy());
        assertEquals(lib.path().toString(), handOff.target());
        assertTrue(lib.path().isAbsolute());
        assertFalse(lib.report().attempts().stream().filter(a -> a.strategy().equals("embedded")).toList().isEmpty());
    }
}
