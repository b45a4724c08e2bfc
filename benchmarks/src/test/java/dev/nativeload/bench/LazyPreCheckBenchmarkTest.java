package dev.nativeload.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.resolve.symbols.SymbolReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link LazyPreCheckBenchmark}'s setup and one call of each benchmark, for each library it measures. */
class LazyPreCheckBenchmarkTest {
    @Test
    void bothLazyLoadsSucceedAndTheOfflineBindingFindsNothingUnresolvedInZlibOrLibstdcxx() throws Exception {
        for (String library : List.of("libz.so.1", "libstdc++.so.6")) {
            LazyPreCheckBenchmark b = new LazyPreCheckBenchmark();
            b.library = library;
            b.map();
            try {
                assertEquals(b.file, b.lazyLoadWithSymbolsBound().path().toRealPath());
                assertEquals(b.file, b.lazyLoadWithoutSymbolsBound().path().toRealPath());
                SymbolReport report = b.offlineBindUncached();
                assertEquals(List.of(), report.unresolved(), library);
                assertTrue(report.bindings().size() > 10, library + " has references to bind");
            } finally {
                b.release();
            }
        }
    }
}
