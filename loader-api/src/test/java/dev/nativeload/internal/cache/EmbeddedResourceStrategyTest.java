package dev.nativeload.internal.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.report.Attempt;
import dev.nativeload.report.FailureKind;
import dev.nativeload.FakeAccess;
import dev.nativeload.IncompatibleLibraryException;
import dev.nativeload.LibraryAccessException;
import dev.nativeload.LibraryNotFoundException;
import dev.nativeload.NativeLibrary;
import dev.nativeload.NativeLoadException;
import dev.nativeload.NativeLoader;
import dev.nativeload.UnresolvedSymbolException;
import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.binary.TargetOs;
import dev.nativeload.internal.chain.EmbeddedResourceStrategy;
import dev.nativeload.internal.diagnose.ErrnoTable;
import dev.nativeload.platform.Host;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded step inside the chain, with a scripted OS boundary that opens what it is told to. */
class EmbeddedResourceStrategyTest {
    @TempDir
    Path tmp;

    private Path home() {
        return tmp.resolve("home");
    }

    private NativeLoader.Builder builder(String name, FakeAccess access, URLClassLoader loader) throws Exception {
        Files.createDirectories(home());
        Path t = Files.createDirectories(tmp.resolve("tmp"));
        return NativeLoader.builder(name).access(access).classLoader(loader).environment(Fixtures.env(home(), t));
    }

    private Path expectedPath(Path cache, String toolchain, String file) {
        return cache.resolve(Fixtures.sha256(Fixtures.testdata(toolchain, file))).resolve(file).toAbsolutePath();
    }

    @Test
    void aLibraryUnderNativePlatformIdLoadsWithNoConfigurationLastInTheDefaultChain() throws Exception {
        FakeAccess access = new FakeAccess();
        Path perUserCache = home().resolve(".cache").resolve("nativeload");
        Path lib = expectedPath(perUserCache, "gcc-x86_64", "libembedded_solo.so");
        access.opens(lib.toString());
        NativeLoader loader = builder("embedded_solo", access, Fixtures.solo(tmp)).build();
        assertInstanceOf(EmbeddedResourceStrategy.class, loader.strategies().getLast());
        NativeLibrary library = loader.load();
        assertEquals(lib, library.path());
        Attempt loaded = library.report().attempts().getLast();
        assertEquals("embedded", loaded.strategy());
        assertTrue(loaded.origin().toString().contains("native/linux-x86_64/libembedded_solo.so")
                && loaded.origin().toString().contains("extracted") && loaded.origin().toString().contains(Fixtures.sha256(lib)), () -> loaded.origin().toString());
        // the explicit step proposes nothing without its property; the others were tried first
        assertEquals(List.of("system", "directory-search", "embedded"),
                library.report().attempts().stream().map(Attempt::strategy).distinct().toList());
    }

    @Test
    void nothingIsExtractedWhenAnEarlierStepLoadsTheLibrary() throws Exception {
        FakeAccess access = new FakeAccess().opens("libembedded_solo.so");
        NativeLibrary library = builder("embedded_solo", access, Fixtures.solo(tmp)).build().load();
        assertEquals("system", library.report().attempts().getLast().strategy());
        assertFalse(Files.exists(home().resolve(".cache"), LinkOption.NOFOLLOW_LINKS), "the embedded step never ran");
    }

    @Test
    void dependenciesShippedNextToTheLibraryAreOpenedFirstInDependencyOrder() throws Exception {
        FakeAccess access = new FakeAccess();
        Path cache = tmp.resolve("cache");
        Path dir = cache.resolve(Fixtures.sha256(Fixtures.testdata("gcc-x86_64", "libembedded.so")));
        for (String f : List.of("libembedded_dep.so", "libembedded_mid.so", "libembedded.so")) {
            access.opens(dir.resolve(f).toAbsolutePath().toString());
        }
        builder("embedded", access, Fixtures.librarySet(tmp, "gcc-x86_64")).cacheDirectory(cache).build().load();
        List<String> embeddedOpens = access.opened.stream().filter(t -> t.startsWith(cache.toAbsolutePath().toString())).toList();
        assertEquals(List.of("libembedded_dep.so", "libembedded_mid.so", "libembedded.so"),
                embeddedOpens.stream().map(t -> Path.of(t).getFileName().toString()).toList());
        assertEquals(2, access.closes.get(), "the chain's own handles of the dependencies are released once the library holds them");
    }

    @Test
    void aDependencyTheOsRefusesFailsTheAttemptNamingTheDependency() throws Exception {
        FakeAccess access = new FakeAccess();
        Path cache = tmp.resolve("cache");
        Path dir = cache.resolve(Fixtures.sha256(Fixtures.testdata("gcc-x86_64", "libembedded.so")));
        access.opens(dir.resolve("libembedded_dep.so").toAbsolutePath().toString());
        access.fails(dir.resolve("libembedded_mid.so").toAbsolutePath().toString(),
                dir.resolve("libembedded_mid.so").toAbsolutePath() + ": failed to map segment from shared object", 0);
        NativeLoadException e = assertThrows(NativeLoadException.class,
                () -> builder("embedded", access, Fixtures.librarySet(tmp, "gcc-x86_64")).cacheDirectory(cache).build().load());
        assertFalse(access.opened.contains(dir.resolve("libembedded.so").toAbsolutePath().toString()), "the library itself is not opened");
        Attempt last = e.report().attempts().getLast();
        assertEquals(Optional.of("libembedded_mid.so"), last.diagnosis().orElseThrow().dependency());
    }

    @Test
    void anEmbeddedLibraryForAnotherArchitectureIsATypedFailureWithoutOpeningIt() throws Exception {
        FakeAccess access = new FakeAccess();
        URLClassLoader wrong = Fixtures.jar(tmp, Map.of(Fixtures.X86_64 + "libembedded_solo.so",
                Fixtures.testdata("gcc-aarch64", "libembedded_solo.so")));
        IncompatibleLibraryException e = assertThrows(IncompatibleLibraryException.class,
                () -> builder("embedded_solo", access, wrong).cacheDirectory(tmp.resolve("cache")).build().load());
        assertEquals(FailureKind.WRONG_ARCHITECTURE, e.kind());
        assertTrue(access.opened.stream().noneMatch(t -> t.contains("cache")), "never handed to the OS: " + access.opened);
    }

    @Test
    void aMuslBuildEmbeddedForAGlibcHostIsWrongLibcWithoutOpeningIt() throws Exception {
        FakeAccess access = new FakeAccess();
        URLClassLoader musl = Fixtures.jar(tmp, Map.of(Fixtures.X86_64 + "libembedded_solo.so",
                Fixtures.testdata("musl-x86_64", "libembedded_solo.so")));
        IncompatibleLibraryException e = assertThrows(IncompatibleLibraryException.class,
                () -> builder("embedded_solo", access, musl).cacheDirectory(tmp.resolve("cache")).build().load());
        assertEquals(FailureKind.WRONG_LIBC, e.kind());
        assertTrue(access.opened.stream().noneMatch(t -> t.contains("cache")), access.opened::toString);
    }

    @Test
    void aGlibcVersionNewerThanTheHostsIsVersionNotFoundNamingBothVersions() throws Exception {
        Host old = Host.of(TargetOs.LINUX, Architecture.X86_64, LibcFlavor.GLIBC, Optional.of("2.1"), 4096, false);
        FakeAccess access = new FakeAccess(old, n -> ErrnoTable.LINUX.name(n).map(x -> x.glibcText()).orElse("?"));
        UnresolvedSymbolException e = assertThrows(UnresolvedSymbolException.class,
                () -> builder("embedded_solo", access, Fixtures.solo(tmp)).cacheDirectory(tmp.resolve("cache")).build().load());
        assertEquals(FailureKind.VERSION_NOT_FOUND, e.kind());
        String cause = e.diagnosis().cause();
        assertTrue(cause.contains("GLIBC_2.2.5") && cause.contains("2.1"), cause);
        assertTrue(access.opened.stream().noneMatch(t -> t.contains("cache")), access.opened::toString);
    }

    @Test
    void anIncompatibleEmbeddedDependencyIsReportedNamingTheDependency() throws Exception {
        FakeAccess access = new FakeAccess();
        URLClassLoader mixed = Fixtures.jar(tmp, Map.of(
                Fixtures.X86_64 + "libembedded.so", Fixtures.testdata("gcc-x86_64", "libembedded.so"),
                Fixtures.X86_64 + "libembedded_mid.so", Fixtures.testdata("gcc-aarch64", "libembedded_mid.so")));
        NativeLoadException e = assertThrows(NativeLoadException.class,
                () -> builder("embedded", access, mixed).cacheDirectory(tmp.resolve("cache")).build().load());
        assertEquals(FailureKind.WRONG_ARCHITECTURE, e.kind());
        assertEquals(Optional.of("libembedded_mid.so"), e.diagnosis().dependency());
        assertEquals(Optional.of("libembedded.so"), e.diagnosis().neededBy());
    }

    @Test
    void refusedCacheDirectoriesAreInTheReportWithTheirReasons() throws Exception {
        FakeAccess access = new FakeAccess();
        Path open = Files.createDirectories(tmp.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path perUserCache = home().resolve(".cache").resolve("nativeload");
        access.opens(expectedPath(perUserCache, "gcc-x86_64", "libembedded_solo.so").toString());
        NativeLibrary library = builder("embedded_solo", access, Fixtures.solo(tmp)).cacheDirectory(open).build().load();
        Attempt refused = library.report().attempts().stream()
                .filter(a -> a.origin().equals(EmbeddedResourceStrategy.CACHE_ORIGIN)).findFirst().orElseThrow();
        assertEquals(open.toString(), refused.target());
        assertTrue(refused.diagnosis().orElseThrow().cause().contains("WRITABLE_BY_OTHERS"), refused.diagnosis().orElseThrow()::cause);
        assertTrue(library.report().render().contains(open.toString()), library.report()::render);
    }

    @Test
    void theCacheDirectoryPropertyIsTriedBeforeTheDefaults() throws Exception {
        FakeAccess access = new FakeAccess();
        Path chosen = tmp.resolve("chosen");
        access.opens(expectedPath(chosen, "gcc-x86_64", "libembedded_solo.so").toString());
        var props = new java.util.Properties();
        props.setProperty("java.library.path", "");
        props.setProperty("user.home", home().toString());
        props.setProperty("user.name", System.getProperty("user.name"));
        props.setProperty(CacheLocations.PROPERTY, chosen.toString());
        NativeLibrary library = NativeLoader.builder("embedded_solo").access(access).classLoader(Fixtures.solo(tmp))
                .environment(dev.nativeload.platform.Environment.of(Map.of(), props)).build().load();
        assertTrue(library.path().startsWith(chosen), library.path()::toString);
    }

    @Test
    void aFullCacheFilesystemIsALibraryAccessExceptionOfKindNoSpace() throws Exception {
        Path mnt = tmp.resolve("tiny");
        Path big = tmp.resolve("libbig.so");
        byte[] content = new byte[256 * 1024];
        new SecureRandom().nextBytes(content);
        System.arraycopy(new byte[] {0x7f, 'E', 'L', 'F'}, 0, content, 0, 4); // past the header check, to the space check
        Files.write(big, content);
        try (AutoCloseable m = Fixtures.tmpfs(mnt, "size=64k,mode=0700")) {
            URLClassLoader loader = Fixtures.jar(tmp, Map.of(Fixtures.X86_64 + "libbig.so", big));
            Path t = Files.createDirectories(tmp.resolve("tmp"));
            // every default location is on the full filesystem: per-user cache under home, tmpdir
            var props = new java.util.Properties();
            props.setProperty("java.library.path", "");
            props.setProperty("user.home", mnt.resolve("home").toString());
            props.setProperty("java.io.tmpdir", mnt.toString());
            props.setProperty("user.name", System.getProperty("user.name"));
            LibraryAccessException e = assertThrows(LibraryAccessException.class, () -> NativeLoader.builder("big")
                    .access(new FakeAccess()).classLoader(loader).cacheDirectory(mnt.resolve("cache"))
                    .environment(dev.nativeload.platform.Environment.of(Map.of(), props)).build().load());
            assertEquals(FailureKind.NO_SPACE, e.kind());
            assertTrue(e.getMessage().contains("no space left"), e::getMessage);
            assertTrue(Files.exists(t));
        }
    }

    @Test
    void theResourcePrefixSelectsTheShadedCopy() throws Exception {
        FakeAccess access = new FakeAccess();
        Path cache = tmp.resolve("cache");
        URLClassLoader shaded = Fixtures.jar(tmp, Map.of(
                "myapp/natives/linux-x86_64/libembedded_solo.so", Fixtures.testdata("gcc-x86_64", "libembedded_solo.so"),
                Fixtures.X86_64 + "libembedded_solo.so", Fixtures.testdata("gcc-x86_64", "libembedded_dep.so")));
        access.opens(expectedPath(cache, "gcc-x86_64", "libembedded_solo.so").toString());
        NativeLibrary library = builder("embedded_solo", access, shaded).cacheDirectory(cache).resourcePrefix("myapp/natives")
                .build().load();
        assertTrue(library.report().attempts().getLast().origin().toString().contains("myapp/natives/linux-x86_64/"));
    }

    @Test
    void aLibraryNotEmbeddedAnywhereIsNotFoundListingTheResourcesTried() throws Exception {
        LibraryNotFoundException e = assertThrows(LibraryNotFoundException.class,
                () -> builder("absent", new FakeAccess(), Fixtures.solo(tmp)).build().load());
        Attempt embedded = e.report().attempts().getLast();
        assertEquals("embedded", embedded.strategy());
        assertTrue(embedded.target().contains("native/linux-x86_64/libabsent.so"), embedded::target);
    }

    @Test
    void theJniLoaderReceivesTheAbsolutePathAndTheReportRecordsTheHandOff() throws Exception {
        FakeAccess access = new FakeAccess();
        Path cache = tmp.resolve("cache");
        Path lib = expectedPath(cache, "gcc-x86_64", "libembedded_solo.so");
        access.opens(lib.toString());
        List<Path> handed = new ArrayList<>();
        NativeLibrary library = builder("embedded_solo", access, Fixtures.solo(tmp)).cacheDirectory(cache)
                .jniLoader(handed::add).build().load();
        assertEquals(List.of(lib), handed);
        assertTrue(handed.getFirst().isAbsolute());
        Attempt last = library.report().attempts().getLast();
        assertEquals("jni", last.strategy());
        assertTrue(last.loaded());
    }

    @Test
    void aJniLoaderThatThrowsIsAnInitFailureAndTheHandleIsReleased() throws Exception {
        FakeAccess access = new FakeAccess();
        Path cache = tmp.resolve("cache");
        access.opens(expectedPath(cache, "gcc-x86_64", "libembedded_solo.so").toString());
        NativeLoadException e = assertThrows(NativeLoadException.class, () -> builder("embedded_solo", access, Fixtures.solo(tmp))
                .cacheDirectory(cache).jniLoader(p -> {
                    throw new UnsatisfiedLinkError("Native Library " + p + " already loaded in another classloader");
                }).build().load());
        assertEquals(FailureKind.INIT_FAILED, e.kind());
        assertTrue(e.getMessage().contains("already loaded in another classloader"), e::getMessage);
        assertEquals(1, access.closes.get());
    }
}
