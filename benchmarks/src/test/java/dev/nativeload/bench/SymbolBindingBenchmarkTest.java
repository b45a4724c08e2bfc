package dev.nativeload.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@link SymbolBindingBenchmark}'s setup and one call of each contender, on a fixture directory with one undefined symbol. */
class SymbolBindingBenchmarkTest {
    @Test
    void everyContenderBindsTheFixtureDirectoryAndOursFindsItsOneUndefinedSymbol() throws Exception {
        Path dir = Path.of("..", "testdata", "symbols", "x86_64", "missing-function").toAbsolutePath().normalize();
        assumeTrue(Files.isDirectory(dir), "testdata/symbols");
        assumeTrue(System.getProperty("os.arch").equals("amd64"), "x86-64 fixtures");
        SymbolBindingBenchmark b = new SymbolBindingBenchmark();
        b.directory = dir.toString();
        b.list();
        assertEquals(2, b.fileCount(), "libuser.so and libdep.so");
        assertEquals(1, b.bindEveryLibrary(), "libuser.so's reference to dep_fn");
        long listing = b.bindEveryLibraryListingBindings();
        assertTrue(listing >= 2, "the finding plus the bindings listed, dep_fn's unbound one among them: " + listing);
        assertEquals(2, b.lddROncePerLibrary(), "ldd -r ran on both");
    }
}
