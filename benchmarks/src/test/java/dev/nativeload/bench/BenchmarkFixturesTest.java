package dev.nativeload.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nativeload.IncompatibleLibraryException;
import dev.nativeload.LibraryNotFoundException;
import dev.nativeload.NativeLibrary;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks time what their names say: each contender, called once outside JMH, gives the
 * answer its benchmark claims to measure (no benchmark times an error path by accident).
 */
class BenchmarkFixturesTest {

    @Test
    void everyLookupContenderFindsThePresentSymbolAtTheSameAddress() {
        SymbolLookupBenchmark b = new SymbolLookupBenchmark();
        b.symbol = "present";
        b.open();
        try {
            MemorySegment raw = b.rawDlsym();
            assertTrue(raw.address() != 0);
            assertEquals(Optional.of(raw.address()), b.nativeloadFindCached().map(MemorySegment::address));
            assertEquals(Optional.of(raw.address()), b.nativeloadSymbolUncached().map(MemorySegment::address));
            assertEquals(Optional.of(raw.address()), b.jdkLibraryLookupFind().map(MemorySegment::address));
            assertInstanceOf(com.sun.jna.Function.class, b.jnaGetFunction());
        } finally {
            b.close();
        }
    }

    @Test
    void everyLookupContenderMissesTheMissingSymbol() {
        SymbolLookupBenchmark b = new SymbolLookupBenchmark();
        b.symbol = "missing";
        b.open();
        try {
            assertEquals(0, b.rawDlsym().address());
            assertEquals(Optional.empty(), b.nativeloadFindCached());
            assertEquals(Optional.empty(), b.nativeloadSymbolUncached());
            assertEquals(Optional.empty(), b.jdkLibraryLookupFind());
            assertInstanceOf(UnsatisfiedLinkError.class, b.jnaGetFunction());
        } finally {
            b.close();
        }
    }

    @Test
    void alreadyLoadedBenchmarksHitTheCacheAndTheChainBenchmarkOpensAFreshLibrary() {
        LoadBenchmark b = new LoadBenchmark();
        LoadBenchmark.Loaded loaded = new LoadBenchmark.Loaded();
        loaded.load();
        assertSame(b.nativeloadLoadByNameAlreadyLoaded(loaded), b.nativeloadLoadByNameAlreadyLoaded(loaded));
        assertSame(b.nativeloadLoadByPathAlreadyLoaded(loaded), b.nativeloadLoadByPathAlreadyLoaded(loaded));
        assertSame(b.jnaGetInstanceCached(loaded), b.jnaGetInstanceCached(loaded));

        LoadBenchmark.Mapped mapped = new LoadBenchmark.Mapped();
        mapped.map();
        try {
            NativeLibrary first = b.nativeloadChainLoadThenClose(mapped);
            NativeLibrary second = b.nativeloadChainLoadThenClose(mapped);
            assertNotSame(first, second);
            assertTrue(!first.isOpen() && !second.isOpen());
            assertTrue(first.report().attempts().size() >= 1);
        } finally {
            mapped.release();
        }
    }

    @Test
    void failedLoadBenchmarksFailWithTheKindTheirNamesSay() throws Exception {
        assumeTrue(aarch64CompilerPresent(), "aarch64-linux-gnu-gcc (Debian's gcc-aarch64-linux-gnu) builds the wrong-architecture library");
        FailedLoadBenchmark b = new FailedLoadBenchmark();
        b.build();
        try {
            assertInstanceOf(LibraryNotFoundException.class, b.failedLoadByNameNotFound());
            assertInstanceOf(IncompatibleLibraryException.class, b.failedLoadWrongArchitecturePrechecked());
            assertInstanceOf(IncompatibleLibraryException.class, b.failedLoadWrongArchitectureByTheOs());
            assertInstanceOf(IllegalArgumentException.class, b.jdkLibraryLookupNotFound());
        } finally {
            b.clean();
        }
    }

    private static boolean aarch64CompilerPresent() throws InterruptedException {
        try {
            Process p = new ProcessBuilder("aarch64-linux-gnu-gcc", "--version")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor() == 0;
        } catch (IOException absent) {
            return false;
        }
    }

    @Test
    void parsingBenchmarksReadTheSameFactsFromEveryFileAndReadelfSucceeds() throws Exception {
        assumeTrue(java.nio.file.Files.isDirectory(java.nio.file.Path.of("/usr/lib/x86_64-linux-gnu")), "multiarch directory");
        ElfParsingBenchmark b = new ElfParsingBenchmark();
        b.directory = "/usr/lib/x86_64-linux-gnu";
        b.list();
        long paged = b.parseAllInProcess();
        assertTrue(paged > 0, "facts were read");
        assertEquals(paged, b.parseAllMapped(), "positional reads and the mapping give the same facts");
        assertEquals(0, b.readelfOneProcessForAllFiles(), "readelf -d read every file");
    }

    @Test
    void dependencyTreeBenchmarksResolveEveryDynamicExecutableThatLddResolves() throws Exception {
        assumeTrue(java.nio.file.Files.isDirectory(java.nio.file.Path.of("/usr/sbin")), "/usr/sbin");
        DependencyTreeBenchmark b = new DependencyTreeBenchmark();
        b.directories = "/usr/sbin";
        b.list();
        try {
            long found = b.resolveEveryExecutable();
            assertTrue(found > b.fileCount(), "dependencies found: " + found + " for " + b.fileCount() + " files");
            assertEquals(found, b.resolveEveryExecutableFirstPassInAFreshJvmLauncherFlags(), "every variant does the same work");
            int ldd = b.lddOncePerExecutable();
            // ldd also succeeds on a static-pie (ldconfig: "statically linked"), which has no dependency.
            assertTrue(ldd >= b.dynamicFileCount() && ldd <= b.fileCount(),
                    "ldd succeeded on " + ldd + " files; we resolved dependencies for " + b.dynamicFileCount());
            int status = b.treeCommand();
            assertTrue(status == 0 || status == 1, "bin/nativeload tree ran (0: all found, 1: some file static or incomplete): " + status);
        } finally {
            b.removeArgumentFile();
        }
    }

    @Test
    void coldStartProgramsPrintTheSameZlibVersionEveryWay() throws Exception {
        Map<String, String> printed = new LinkedHashMap<>();
        for (String way : List.of("none", "jdk", "jna", "nativeload")) {
            ColdStartBenchmark b = new ColdStartBenchmark();
            b.way = way;
            b.command();
            printed.put(way, b.firstLoadAndCallInANewJvm());
        }
        assertEquals("", printed.get("none"), "the baseline loads nothing");
        assertTrue(printed.get("jdk").matches("\\d+\\.\\d+.*"), "a zlib version: " + printed);
        assertEquals(printed.get("jdk"), printed.get("jna"), "JNA called the same zlib");
        assertEquals(printed.get("jdk"), printed.get("nativeload"), "nativeload called the same zlib");
    }
}
