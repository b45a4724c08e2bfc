package dev.nativeload.resolve.symbols.pe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.testing.TestData;
import dev.nativeload.resolve.DependencyNode;
import dev.nativeload.resolve.DependencyResolver;
import dev.nativeload.resolve.ResolveHost;
import dev.nativeload.resolve.symbols.SymbolReport;
import dev.nativeload.resolve.symbols.UnresolvedSymbol;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Windows loader's import snapping, on the mingw-built tree of testdata/pe/bind (build.sh): the
 * consumers were linked against import libraries that promise more than the shipped DLLs export.
 */
class PeSymbolFixturesTest {
    static final Path BIND = TestData.path("pe", "bind");

    @TempDir
    Path systemDir;

    private SymbolReport bind(String file) throws Exception {
        DependencyResolver resolver = new DependencyResolver(ResolveHost.windows(Architecture.X86_64, systemDir));
        DependencyNode root = resolver.resolve(BIND.resolve(file).toString());
        return new PeSymbolBinder(resolver).bind(root);
    }

    private static UnresolvedSymbol pe(String symbol, String file, String library, boolean delay) {
        return new UnresolvedSymbol(symbol, Optional.empty(), BIND.resolve(file).toString(), false, Optional.empty(),
                Optional.of(library), delay);
    }

    @Test
    void everyImportTheShippedDllsLackIsUnresolvedUnderTheDllItIsImportedFrom() throws Exception {
        SymbolReport report = bind("useall.exe");
        assertEquals(List.of(pe("f2", "useall.exe", "foo.dll", false), pe("h", "useall.exe", "fwda.dll", false),
                pe("l", "useall.exe", "fwda.dll", false), pe("#7", "useall.exe", "ords.dll", false)), report.unresolved());
        assertEquals(List.of(), report.versionErrors());
    }

    @Test
    void importsThatExistBindWhateverTheirHintAndThroughForwardersIntoDllsOutsideTheTree() throws Exception {
        // clean.exe's hints come from the v2 import library (f1 at 1), the shipped foo.dll has f1 at 0; g goes
        // through fwda.dll's forwarder to fwdb.dll, which no image imports.
        SymbolReport report = bind("clean.exe");
        assertEquals(List.of(), report.unresolved());
        assertEquals(List.of(), report.notes());
        assertTrue(report.clean());
    }

    @Test
    void forwarderToAnExportTheTargetLacksNamesTheChainInANote() throws Exception {
        List<String> notes = bind("useall.exe").notes();
        String useall = BIND.resolve("useall.exe").toString();
        assertTrue(notes.contains(useall + ": h from fwda.dll is forwarded to fwdb.h: fwdb.dll does not export h"), notes.toString());
    }

    @Test
    void forwarderLoopEndsUnresolvedWithTheLoopInANote() throws Exception {
        List<String> notes = bind("useall.exe").notes();
        String useall = BIND.resolve("useall.exe").toString();
        assertTrue(notes.contains(useall + ": l from fwda.dll is forwarded in a loop: loopb.l → fwda.l → loopb.l"), notes.toString());
    }

    @Test
    void missingDelayLoadImportIsReportedAsDelayLoad() throws Exception {
        SymbolReport report = bind("lazy.exe");
        assertEquals(List.of(pe("f2", "lazy.exe", "foo.dll", true)), report.unresolved());
        assertEquals("The procedure entry point f2 could not be located in the dynamic link library foo.dll"
                        + " (delay-load: the image loads; the first call fails with 0xC06D007F)",
                WindowsWords.message(report.unresolved().get(0)));
    }

    @Test
    void windowsWordsNameTheEntryPointOrTheOrdinalAndTheDll() {
        assertEquals("The procedure entry point f2 could not be located in the dynamic link library foo.dll",
                WindowsWords.message(pe("f2", "useall.exe", "foo.dll", false)));
        assertEquals("The ordinal 7 could not be located in the dynamic link library ords.dll",
                WindowsWords.message(pe("#7", "useall.exe", "ords.dll", false)));
    }

    @Test
    void importsFromADllNotFoundAreNotCheckedAndANoteSaysSo() throws Exception {
        // api.dll imports KERNEL32.dll and msvcrt.dll, which the empty system directory lacks.
        Path api = TestData.path("pe", "mingw-x86_64", "api.dll");
        DependencyResolver resolver = new DependencyResolver(ResolveHost.windows(Architecture.X86_64, systemDir));
        SymbolReport report = new PeSymbolBinder(resolver).bind(resolver.resolve(api.toString()));
        assertEquals(List.of(), report.unresolved());
        assertTrue(report.notes().contains(api + ": imports from KERNEL32.dll not checked: KERNEL32.dll is not found"),
                report.notes().toString());
    }

    @Test
    void apiSetContractWithoutASchemaInTheSystemDirectoryIsANoteNeverASilentPass() throws Exception {
        // testdata/resolve/windows/app/app.exe imports api-ms-win-core-resolvedemo-l1-1-0.dll.
        Path app = TestData.path("resolve", "windows", "app", "app.exe");
        Files.createDirectories(systemDir);
        DependencyResolver resolver = new DependencyResolver(ResolveHost.windows(Architecture.X86_64, systemDir));
        SymbolReport report = new PeSymbolBinder(resolver).bind(resolver.resolve(app.toString()));
        assertTrue(report.notes().stream().anyMatch(n -> n.startsWith(app + ": imports from api-ms-win-core-resolvedemo-l1-1-0.dll"
                + " not checked: API set contract api-ms-win-core-resolvedemo-l1-1-0.dll not mapped: no apisetschema.dll")),
                report.notes().toString());
    }
}
