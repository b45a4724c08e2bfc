package dev.nativeload.resolve.symbols.macho;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.Binaries;
import dev.nativeload.binary.BinaryImage;
import dev.nativeload.binary.macho.MachOFile;
import dev.nativeload.binary.macho.MachOImport;
import dev.nativeload.binary.testing.JarNatives;
import dev.nativeload.binary.testing.TestData;
import dev.nativeload.resolve.DependencyNode;
import dev.nativeload.resolve.DependencyResolver;
import dev.nativeload.resolve.ResolveHost;
import dev.nativeload.resolve.symbols.SymbolBinding;
import dev.nativeload.resolve.symbols.SymbolReport;
import dev.nativeload.resolve.symbols.UnresolvedSymbol;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The binding fixtures (testdata/macho/binding, built by build.sh) bound as dyld would: in both
 * forms of the same libraries, chained fixups (arm64, macOS 12) and bind opcodes (x86_64, 10.15).
 */
class DyldBinderTest {
    private static Path dir(String form) {
        return TestData.path("macho").resolve("binding").resolve(form);
    }

    private static SymbolReport bind(String form, String file) throws Exception {
        Architecture arch = form.startsWith("arm64") ? Architecture.AARCH64 : Architecture.X86_64;
        ResolveHost host = ResolveHost.macos(arch);
        Path path = dir(form).resolve(file);
        DependencyNode root = new DependencyResolver(host).resolve(path.toString());
        return new DyldBinder(host.currentDir(), arch).bind(root);
    }

    @ParameterizedTest
    @CsvSource({"arm64-macos12", "x86_64-macos10.15"})
    void twoLevelImportMissingFromTheOrdinalsLibraryIsSymbolNotFoundExpectedInThatLibrary(String form) throws Exception {
        SymbolReport report = bind(form, "libuser.dylib");
        String user = dir(form).resolve("libuser.dylib").toString();
        String zoo = dir(form).resolve("libzoo.dylib").toString();
        assertEquals(List.of(new UnresolvedSymbol("_f2", Optional.empty(), user, false, Optional.empty(),
                Optional.of(zoo), false)), report.unresolved());
        assertEquals("Symbol not found: _f2\n  Referenced from: " + user + "\n  Expected in: " + zoo,
                DyldBinder.message(report.unresolved().get(0)));
    }

    @ParameterizedTest
    @CsvSource({"arm64-macos12", "x86_64-macos10.15"})
    void missingWeakImportIsNotAnError(String form) throws Exception {
        SymbolReport report = bind(form, "libuser.dylib");
        SymbolBinding f3 = report.bindings().stream().filter(b -> b.symbol().equals("_f3")).findFirst().orElseThrow();
        assertEquals(Optional.empty(), f3.definedIn(), "f3 is missing from libzoo version 1");
        assertTrue(report.unresolved().stream().noneMatch(u -> u.symbol().equals("_f3")), report.unresolved().toString());
    }

    @ParameterizedTest
    @CsvSource({"arm64-macos12", "x86_64-macos10.15"})
    void theLibraryVersionLinkedAgainstBindsEverything(String form) throws Exception {
        SymbolReport report = bind(form, "v2/libuser.dylib");
        assertEquals(List.of(), report.unresolved());
        String zoo2 = dir(form).resolve("v2/libzoo.dylib").toString();
        for (String s : List.of("_f1", "_f2", "_f3")) {
            assertEquals(Optional.of(zoo2), report.bindings().stream().filter(b -> b.symbol().equals(s)).findFirst()
                    .orElseThrow().definedIn(), s);
        }
    }

    @ParameterizedTest
    @CsvSource({"arm64-macos12", "x86_64-macos10.15"})
    void symbolOfAReexportedLibraryIsFoundThroughTheUmbrella(String form) throws Exception {
        SymbolReport report = bind(form, "libreuser.dylib");
        assertEquals(List.of(), report.unresolved());
        assertEquals(Optional.of(dir(form).resolve("libinner.dylib").toString()), report.bindings().stream()
                .filter(b -> b.symbol().equals("_g1")).findFirst().orElseThrow().definedIn());
        assertEquals(Optional.of(dir(form).resolve("libumbrella.dylib").toString()), report.bindings().stream()
                .filter(b -> b.symbol().equals("_u1")).findFirst().orElseThrow().definedIn());
    }

    @Test
    void flatNamespaceImportMissingFromEveryImageIsExpectedInTheFlatNamespace() throws Exception {
        SymbolReport report = bind("arm64-macos12", "libflat.dylib");
        String flat = dir("arm64-macos12").resolve("libflat.dylib").toString();
        assertEquals(List.of(new UnresolvedSymbol("_f2", Optional.empty(), flat, false, Optional.empty(),
                Optional.of(DyldBinder.FLAT_NAMESPACE), false)), report.unresolved());
    }

    /**
     * The Mach-O natives of the third-party jars import only from system libraries (libSystem, libc++),
     * which live in the dyld shared cache: nothing is reported unresolved, and the notes count every
     * import whose lookup would search them (by ordinal, flat or coalescing) as not checked.
     */
    @Test
    void realJarNativesImportOnlyFromTheSharedCacheSoEveryImportIsCountedAsNotChecked() throws Exception {
        int natives = 0;
        for (JarNatives.Entry e : JarNatives.withMore()) {
            if (!e.entry().endsWith(".dylib") && !e.entry().endsWith(".jnilib")) {
                continue;
            }
            for (BinaryImage image : Binaries.read(e.file()).images()) {
                MachOFile m = (MachOFile) image;
                Architecture arch = m.summary().architecture();
                if (!List.of(Architecture.AARCH64, Architecture.X86_64).contains(arch)) {
                    continue;
                }
                ResolveHost host = ResolveHost.macos(arch);
                SymbolReport report = new DyldBinder(host.currentDir(), arch)
                        .bind(new DependencyResolver(host).resolve(e.file().toString()));
                // Every import but those of the image itself: from a system library by ordinal, or by a flat or
                // weak (coalescing) lookup, which would search the unread system libraries too.
                long toSystem = m.imports().stream()
                        .filter(i -> i.libraryOrdinal() > 0 || i.libraryOrdinal() <= MachOImport.FLAT_LOOKUP)
                        .map(i -> List.of(i.name(), i.libraryOrdinal(), i.source() == MachOImport.Source.WEAK_BIND))
                        .distinct().count();
                long counted = report.notes().stream().filter(n -> n.contains(" not checked: "))
                        .mapToLong(n -> Long.parseLong(n.substring(e.file().toString().length() + 2).split(" ")[0])).sum();
                assertEquals(List.of(), report.unresolved(), e + " " + arch);
                assertEquals(toSystem, counted, e + " " + arch + ": " + report.notes());
                assertTrue(toSystem > 0, e + " " + arch + " imports something");
                natives++;
            }
        }
        assertTrue(natives >= 10, "natives bound: " + natives);
    }

    @Test
    void importsFromALibraryInTheSharedCacheAreNotCheckedAndANoteSaysSo() throws Exception {
        SymbolReport report = bind("x86_64-macos10.15", "libuser.dylib");
        String user = dir("x86_64-macos10.15").resolve("libuser.dylib").toString();
        assertTrue(report.notes().contains(user + ": 1 import not checked: /usr/lib/libSystem.B.dylib not read"),
                report.notes().toString());
        assertTrue(report.unresolved().stream().noneMatch(u -> u.symbol().equals("dyld_stub_binder")));
    }
}
