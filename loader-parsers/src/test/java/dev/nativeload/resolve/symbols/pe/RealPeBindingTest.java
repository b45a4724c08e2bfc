package dev.nativeload.resolve.symbols.pe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.pe.Machine;
import dev.nativeload.binary.pe.PeFile;
import dev.nativeload.binary.testing.JarNatives;
import dev.nativeload.binary.testing.WineDlls;
import dev.nativeload.resolve.DependencyNode;
import dev.nativeload.resolve.DependencyResolver;
import dev.nativeload.resolve.ResolveHost;
import dev.nativeload.resolve.symbols.SymbolReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Real Windows images bound against Wine's system directory: Wine loads every one of its own DLLs,
 * and the DLLs inside the third-party jars run on Windows, so every import of both must bind.
 */
class RealPeBindingTest {

    private record Outcome(int images, long imports, List<String> problems) {
    }

    private static Outcome bindAll(List<Path> files) throws Exception {
        DependencyResolver resolver = new DependencyResolver(ResolveHost.windows(Architecture.X86_64, WineDlls.requireOrSkip()));
        PeSymbolBinder binder = new PeSymbolBinder(resolver);
        List<String> problems = new ArrayList<>();
        long imports = 0;
        for (Path file : files) {
            PeFile pe = PeFile.read(file);
            imports += pe.imports().stream().mapToLong(d -> d.functions().size()).sum()
                    + pe.delayImports().stream().mapToLong(d -> d.functions().size()).sum();
            DependencyNode root = resolver.resolve(file.toString());
            SymbolReport report = binder.bind(root);
            report.unresolved().forEach(u -> problems.add(file.getFileName() + ": " + WindowsWords.message(u)));
            report.notes().forEach(n -> problems.add(file.getFileName() + ": note: " + n));
        }
        return new Outcome(files.size(), imports, problems);
    }

    @Test
    void everyWineImageBindsAgainstWinesOwnSystemDirectory() throws Exception {
        Outcome o = bindAll(WineDlls.images());
        System.out.println("Wine: " + o.images() + " images, " + o.imports() + " imports, " + o.problems().size() + " problems");
        o.problems().forEach(System.out::println);
        assertTrue(o.images() >= 500, "Wine's directory holds hundreds of PE files: " + o.images());
        assertTrue(o.imports() >= 20_000, "and tens of thousands of imports: " + o.imports());
        assertEquals(List.of(), o.problems());
    }

    @Test
    void everyX8664DllInTheThirdPartyJarsBindsAgainstWine() throws Exception {
        WineDlls.requireOrSkip();
        List<Path> dlls = new ArrayList<>();
        for (JarNatives.Entry e : JarNatives.all()) {
            if (e.entry().toLowerCase(Locale.ROOT).endsWith(".dll") && PeFile.read(e.file()).machine().equals(Machine.AMD64)) {
                dlls.add(e.file());
            }
        }
        Outcome o = bindAll(dlls);
        System.out.println("jar DLLs: " + o.images() + " images, " + o.imports() + " imports, " + o.problems().size() + " problems");
        o.problems().forEach(System.out::println);
        assertTrue(o.images() >= 3, "JNA, sqlite-jdbc and zstd-jni each ship a Windows x86-64 DLL: " + dlls);
        assertEquals(List.of(), o.problems());
    }

    @Test
    void apiSetImportBindsThroughTheSchemasHostAndAMissingOneNamesTheContract() throws Exception {
        // testdata/pe/bind/apiset.exe imports Sleep and NoSuchSynchFunction from api-ms-win-core-synch-l1-2-0.dll;
        // Wine's schema maps the contract to kernelbase.dll, which exports Sleep only.
        Path apiset = dev.nativeload.binary.testing.TestData.path("pe", "bind", "apiset.exe");
        DependencyResolver resolver = new DependencyResolver(ResolveHost.windows(Architecture.X86_64, WineDlls.requireOrSkip()));
        SymbolReport report = new PeSymbolBinder(resolver).bind(resolver.resolve(apiset.toString()));
        assertEquals(List.of(new dev.nativeload.resolve.symbols.UnresolvedSymbol("NoSuchSynchFunction", java.util.Optional.empty(),
                apiset.toString(), false, java.util.Optional.empty(), java.util.Optional.of("api-ms-win-core-synch-l1-2-0.dll"), false)),
                report.unresolved());
        assertEquals(List.of(), report.notes());
    }
}
