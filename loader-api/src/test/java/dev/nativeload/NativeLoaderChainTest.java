package dev.nativeload;

import dev.nativeload.report.FailureKind;
import dev.nativeload.report.Outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.report.Errno;
import dev.nativeload.platform.Environment;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLoaderChainTest {
    @TempDir
    Path dir;

    private static Environment env(Map<String, String> vars, String... props) {
        Properties p = new Properties();
        p.setProperty("java.library.path", "");
        for (int i = 0; i + 1 < props.length; i += 2) {
            p.setProperty(props[i], props[i + 1]);
        }
        return Environment.of(vars, p);
    }

    /** This test's own registry of loads: a fresh one for each test, so no name has to dodge another test's. */
    private final LoadRegistry registry = new LoadRegistry();

    private NativeLoader.Builder builder(String name) {
        return NativeLoader.builder(name).registry(registry);
    }

    @Test
    void explicitPropertyIsTriedBeforeTheSystemSearch() throws IOException {
        String name = "ex";
        Path file = Files.writeString(dir.resolve("lib" + name + ".so"), "x");
        FakeAccess access = new FakeAccess().opens(file.toString()).opens("lib" + name + ".so");
        NativeLibrary lib = builder(name).access(access).precheck(false)
                .environment(env(Map.of(), "nativeload." + name + ".path", file.toString())).build().load();
        assertEquals(List.of(file.toString()), access.opened);
        assertEquals(file, lib.path());
        assertEquals("explicit", lib.report().attempts().getFirst().strategy());
    }

    @Test
    void environmentVariableNamingADirectoryOffersTheLibraryInIt() throws IOException {
        String name = "envdir";
        Path file = Files.writeString(dir.resolve("lib" + name + ".so.2"), "x");
        FakeAccess access = new FakeAccess().opens(file.toString());
        NativeLibrary lib = builder(name).access(access).precheck(false).environmentVariable("MY_LIB_DIR")
                .environment(env(Map.of("MY_LIB_DIR", dir.toString()))).build().load();
        assertEquals(file, lib.path());
        assertEquals("environment variable MY_LIB_DIR", lib.report().attempts().getFirst().origin().toString());
    }

    @Test
    void directorySearchFindsAVersionedFileWhenTheBareNameIsNotFound() throws IOException {
        String name = "ver";
        Path v1 = Files.writeString(dir.resolve("lib" + name + ".so.1"), "x");
        Files.writeString(dir.resolve("lib" + name + ".so.1.2.3"), "x");
        FakeAccess access = new FakeAccess().opens(v1.toString());
        NativeLibrary lib = builder(name).access(access).precheck(false).directories(dir)
                .environment(env(Map.of())).build().load();
        assertEquals(v1, lib.path());
        assertEquals(List.of("lib" + name + ".so", v1.toString()), access.opened,
                "the OS search by name first, then the SONAME-style link before the full version");
        assertEquals("directory-search", lib.report().attempts().getLast().strategy());
    }

    @Test
    void aFailedLoadThrowsTheMostSpecificCauseAndTheMessageListsEveryAttempt() {
        String name = "spec";
        String soname = "lib" + name + ".so";
        FakeAccess access = new FakeAccess().fails(soname, soname + ": wrong ELF class: ELFCLASS32", 0);
        NativeLoadException e = assertThrows(NativeLoadException.class, () -> builder(name).access(access)
                .directories(dir).environment(env(Map.of())).build().load());
        assertInstanceOf(IncompatibleLibraryException.class, e);
        assertEquals(FailureKind.WRONG_ARCHITECTURE, e.kind());
        assertTrue(e.getMessage().contains("lib" + name + ".so"), e.getMessage());
        assertTrue(e.getMessage().contains("OS loader search"), e.getMessage());
        assertTrue(e.getMessage().contains("wrong ELF class"), "the OS's own words are kept: " + e.getMessage());
        assertTrue(e.report().attempts().size() >= 2);
        assertFalse(e.report().loaded());
    }

    @Test
    void nothingFoundAnywhereIsLibraryNotFound() {
        String name = "none";
        NativeLoadException e = assertThrows(NativeLoadException.class, () -> builder(name).access(new FakeAccess())
                .environment(env(Map.of())).build().load());
        assertInstanceOf(LibraryNotFoundException.class, e);
        assertEquals(FailureKind.NOT_FOUND, e.kind());
        assertTrue(e.getMessage().contains("could not load library \"" + name + "\""), e.getMessage());
    }

    @Test
    void enosysInjectedAtTheBoundaryIsSyscallUnavailableWithItsErrnoName() {
        String name = "nosys";
        FakeAccess access = new FakeAccess().fails("lib" + name + ".so", "lib" + name + ".so: cannot map: Function not implemented", 38);
        NativeLoadException e = assertThrows(NativeLoadException.class, () -> builder(name).access(access)
                .environment(env(Map.of())).build().load());
        assertInstanceOf(LoaderUnsupportedException.class, e);
        assertEquals(FailureKind.SYSCALL_UNAVAILABLE, e.kind());
        assertEquals(OptionalInt.of(38), e.errno());
        assertEquals(Optional.of(Errno.ENOSYS), e.diagnosis().errno());
    }

    @Test
    void eopnotsuppInjectedWithoutErrnoIsClassifiedFromTheStrerrorText() {
        String name = "notsup";
        FakeAccess access = new FakeAccess().fails("lib" + name + ".so", "lib" + name + ".so: cannot open shared object file: Operation not supported", 0);
        NativeLoadException e = assertThrows(NativeLoadException.class, () -> builder(name).access(access)
                .environment(env(Map.of())).build().load());
        assertEquals(FailureKind.OPERATION_NOT_SUPPORTED, e.kind());
        assertEquals(Optional.of(Errno.EOPNOTSUPP), e.diagnosis().errno());
        assertEquals(OptionalInt.of(95), e.errno(), "the number comes from the host's table when the OS left none");
    }

    @Test
    void concurrentFirstLoadsOfOneLibraryOpenItOnceAndShareTheInstance() throws Exception {
        String name = "conc";
        FakeAccess access = new FakeAccess().opens("lib" + name + ".so");
        Environment sharedEnv = env(Map.of());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<NativeLibrary>> results = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return builder(name).access(access).environment(sharedEnv).build().load();
            }));
        }
        start.countDown();
        NativeLibrary first = results.getFirst().get(10, TimeUnit.SECONDS);
        for (Future<NativeLibrary> f : results) {
            assertSame(first, f.get(10, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertEquals(1, access.opened.size(), "one dlopen for 16 threads");
    }

    @Test
    void concurrentFailedLoadsEachThrowAndLeaveNoRunningLoadBehind() throws Exception {
        int before = registry.running();
        String base = "failing";
        Environment sharedEnv = env(Map.of());
        // Daemon threads: a load that never ends fails the get below and does not keep the JVM alive.
        ExecutorService pool = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        });
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                // Eight threads on each of eight names that exist nowhere.
                String name = base + "n" + (i % 8);
                results.add(pool.submit(() -> {
                    start.await();
                    return assertThrows(LibraryNotFoundException.class,
                            () -> builder(name).access(new FakeAccess()).environment(sharedEnv).build().load());
                }));
            }
            start.countDown();
            for (Future<?> f : results) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(before, registry.running(), "a failed load keeps nothing once it has thrown");
        String name = "closed";
        builder(name).access(new FakeAccess().opens("lib" + name + ".so")).environment(sharedEnv).build().load().close();
        assertEquals(before, registry.running(), "nor does a loaded and closed one");
    }

    @Test
    void repeatedFindIsCachedAndAsksTheOsOnce() {
        String name = "sym";
        FakeAccess access = new FakeAccess().opens("lib" + name + ".so").symbol("f", 0x1234);
        NativeLibrary lib = builder(name).access(access).environment(env(Map.of())).build().load();
        Optional<MemorySegment> a = lib.find("f");
        Optional<MemorySegment> b = lib.find("f");
        assertSame(a, b);
        assertEquals(0x1234, a.orElseThrow().address());
        assertTrue(lib.find("absent").isEmpty());
        assertTrue(lib.find("absent").isEmpty());
        assertEquals(2, access.symbolCalls.get(), "one OS lookup per distinct name, found or not");
        assertEquals(0x1234, lib.symbolLookup().find("f").orElseThrow().address());
    }

    @Test
    void lookupOfAMissingSymbolThrowsSymbolNotFoundNamingSymbolAndLibrary() {
        String name = "miss";
        FakeAccess access = new FakeAccess().opens("lib" + name + ".so");
        NativeLibrary lib = builder(name).access(access).environment(env(Map.of())).build().load();
        SymbolNotFoundException e = assertThrows(SymbolNotFoundException.class, () -> lib.lookup("nope"));
        assertEquals("nope", e.symbol());
        assertEquals(FailureKind.SYMBOL_NOT_FOUND, e.kind());
        assertTrue(e.getMessage().contains("nope") && e.getMessage().contains(name), e.getMessage());
    }

    @Test
    void closingALibraryReleasesTheHandleOnceAndTheNextLoadOpensAgain() {
        String name = "close";
        FakeAccess access = new FakeAccess().opens("lib" + name + ".so");
        NativeLoader loader = builder(name).access(access).environment(env(Map.of())).build();
        NativeLibrary lib = loader.load();
        assertEquals(1, registry.loaded());
        lib.close();
        lib.close();
        assertEquals(1, access.closes.get());
        assertEquals(0, registry.loaded(), "a released library leaves no entry (nor its strategies' class loaders)");
        assertThrows(IllegalStateException.class, () -> lib.find("f"));
        NativeLibrary again = loader.load();
        assertTrue(again.isOpen());
        assertEquals(2, access.opened.size());
    }

    @Test
    void theFileItselfOutranksTheOsWordsWhenTheyDisagree() throws IOException {
        String name = "short";
        Path lib = Files.writeString(dir.resolve("lib" + name + ".so"), "x");
        FakeAccess access = new FakeAccess().fails(lib.toString(), lib + ": cannot open shared object file: No such file or directory", 0);
        NativeLoadException e = assertThrows(NativeLoadException.class, () -> builder(name).access(access)
                .precheck(false).directories(dir).environment(env(Map.of())).build().load());
        assertEquals(FailureKind.TRUNCATED, e.kind(), "a 1-byte file is truncated, whatever the loader's text says");
        assertTrue(e.diagnosis().cause().startsWith("the loader said the file is missing, but it exists"), e.diagnosis().cause());
    }

    @Test
    void aCandidateTheHeadersRejectIsSkippedWithoutCallingTheOs() throws IOException {
        String name = "skip";
        Path text = Files.writeString(dir.resolve("lib" + name + ".so"), "this is a linker script, not a library\n".repeat(4));
        FakeAccess access = new FakeAccess();
        NativeLoadException e = assertThrows(NativeLoadException.class, () -> builder(name).access(access)
                .directories(dir).environment(env(Map.of())).build().load());
        assertFalse(access.opened.contains(text.toString()), "pre-check must not hand the text file to dlopen");
        assertEquals(FailureKind.WRONG_FORMAT, e.kind());
        assertInstanceOf(Outcome.Skipped.class, e.report().mostSpecificFailure().orElseThrow().outcome());
    }
}
