package dev.nativeload.resolve.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.GlibcVersion;
import dev.nativeload.binary.elf.ElfFile;
import dev.nativeload.binary.elf.ElfSymbol;
import dev.nativeload.binary.testing.TestData;
import dev.nativeload.platform.HostProbe;
import dev.nativeload.resolve.DependencyResolver;
import dev.nativeload.resolve.ResolveHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The fixtures of testdata/symbols (built by its build.sh), one per binding rule: each binds as
 * testdata/symbols/expected.txt says, and on this machine's architecture expected.txt is what
 * {@code ldd -r} reports. The aarch64 cases bind against the Debian cross sysroot's C library.
 */
class SymbolFixturesTest {
    private static final Path AARCH64_SYSROOT = Path.of("/usr/aarch64-linux-gnu/lib");

    /** One case: its root object, and the findings expected.txt lists, as "U symbol version object" / "V version file object". */
    private record Case(String dir, String root, Set<String> findings) {
    }

    private static Map<String, Case> cases() throws IOException {
        Map<String, Case> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(TestData.path("symbols", "expected.txt"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(" ", 3);
            Case c = out.computeIfAbsent(f[0], d -> new Case(d, f[1], new TreeSet<>()));
            if (!f[2].equals("clean")) {
                c.findings().add(f[2]);
            }
        }
        return out;
    }

    private static Path caseDir(String dir) {
        return TestData.path("symbols", dir);
    }

    private static SymbolReport bind(Case c) throws Exception {
        return bind(c, SymbolBinder.Recorded.ALL);
    }

    private static SymbolReport bind(Case c, SymbolBinder.Recorded recorded) throws Exception {
        Path dir = caseDir(c.dir());
        ResolveHost host;
        if (c.dir().startsWith("aarch64/")) {
            requireAarch64Sysroot();
            host = ResolveHost.linuxGlibc(Architecture.AARCH64).withEnv(Map.of()).withLdSoCache(Optional.empty())
                    .withDefaultDirs(List.of(AARCH64_SYSROOT)).withCurrentDir(Path.of("/"));
        } else {
            host = ResolveHost.linuxGlibc(Architecture.fromJvm(System.getProperty("os.arch")))
                    .withHwcapsSubdirs(HostProbe.hwcapsSubdirs()).withEnv(Map.of()).withMainOriginIsRealPath(false).withCurrentDir(Path.of("/"));
        }
        return new SymbolBinder(Path.of("/"), recorded).bind(new DependencyResolver(host).resolve(dir.resolve(c.root()).toString()));
    }

    private static void requireAarch64Sysroot() {
        if (Files.isDirectory(AARCH64_SYSROOT)) {
            return;
        }
        if ("true".equals(System.getenv("CI"))) {
            fail(AARCH64_SYSROOT + " is missing; CI installs libc6-dev-arm64-cross (scripts/install-packages.sh)");
        }
        assumeTrue(false, AARCH64_SYSROOT + " is missing (libc6-dev-arm64-cross)");
    }

    /** Our findings in expected.txt's words, objects relative to the case directory. */
    private static Set<String> findings(Case c, SymbolReport r) {
        String prefix = caseDir(c.dir()) + "/";
        Set<String> out = new TreeSet<>();
        for (UnresolvedSymbol u : r.unresolved()) {
            out.add("U " + u.symbol() + " " + u.version().orElse("-") + " " + u.object().replace(prefix, ""));
        }
        for (VersionError v : r.versionErrors()) {
            out.add("V " + v.version() + " " + v.file() + " " + v.object().replace(prefix, ""));
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureBindsAsExpectedTxtSays() throws IOException {
        return cases().values().stream().map(c -> DynamicTest.dynamicTest(c.dir(), () -> {
            SymbolReport r = bind(c);
            assertEquals(c.findings(), findings(c, r), "notes: " + r.notes());
        }));
    }

    @TestFactory
    Stream<DynamicTest> listingFewerBindingsChangesNothingElseAndUnboundOnesAreExactlyTheUndefined() throws IOException {
        return cases().values().stream().map(c -> DynamicTest.dynamicTest(c.dir(), () -> {
            SymbolReport all = bind(c, SymbolBinder.Recorded.ALL);
            SymbolReport unbound = bind(c, SymbolBinder.Recorded.UNBOUND);
            SymbolReport none = bind(c, SymbolBinder.Recorded.NONE);
            for (SymbolReport r : List.of(unbound, none)) {
                assertEquals(all.unresolved(), r.unresolved());
                assertEquals(all.versionErrors(), r.versionErrors());
                assertEquals(all.notes(), r.notes());
            }
            assertEquals(all.bindings().stream().filter(b -> b.definedIn().isEmpty()).toList(), unbound.bindings());
            assertEquals(List.of(), none.bindings());
            assertTrue(!all.bindings().isEmpty() || all.notes().stream().anyMatch(n -> n.contains("not bound")),
                    "every fixture binds something: " + all.notes());
        }));
    }

    @TestFactory
    @EnabledOnOs(OS.LINUX)
    @EnabledIfSystemProperty(named = "os.arch", matches = "amd64|x86_64", disabledReason = "ldd -r runs x86-64 fixtures only")
    Stream<DynamicTest> expectedTxtIsWhatLddRReportsForTheHostArchitecture() throws IOException {
        return cases().values().stream().filter(c -> c.dir().startsWith("x86_64/")).map(c -> DynamicTest.dynamicTest(c.dir(), () -> {
            Tools.requireOrSkip("ldd");
            Path dir = caseDir(c.dir());
            LddSymbols.Answer ldd = LddSymbols.run(dir.resolve(c.root()));
            Set<String> theirs = new TreeSet<>();
            String prefix = dir + "/";
            for (String u : ldd.unresolved()) {
                String[] f = u.split("\\|");
                theirs.add("U " + f[0] + " " + f[1] + " " + f[2].replace(prefix, ""));
            }
            for (String v : ldd.versionErrors()) {
                String[] f = v.split("\\|");
                theirs.add("V " + f[0] + " " + Path.of(f[1]).getFileName() + " " + f[2].replace(prefix, ""));
            }
            assertEquals(c.findings(), theirs, ldd.output());
        }));
    }

    @Test
    void everyFixtureDirectoryHasExpectations() throws IOException {
        Set<String> dirs = new TreeSet<>();
        for (String arch : List.of("x86_64", "aarch64")) {
            try (Stream<Path> s = Files.list(TestData.path("symbols", arch))) {
                s.forEach(p -> dirs.add(arch + "/" + p.getFileName()));
            }
        }
        assertEquals(dirs, cases().keySet().stream().collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
    }

    private static SymbolBinding bindingOf(SymbolReport r, String objectSuffix, String symbol) {
        List<SymbolBinding> found = new ArrayList<>();
        for (SymbolBinding b : r.bindings()) {
            if (b.object().endsWith(objectSuffix) && b.symbol().equals(symbol)) {
                found.add(b);
            }
        }
        assertEquals(1, found.size(), "bindings of " + symbol + " by " + objectSuffix + ": " + found);
        return found.get(0);
    }

    private static SymbolReport bindCase(String dir) throws Exception {
        return bind(cases().get(dir));
    }

    @Test
    void weakUndefinedReferenceLeftUnresolvedIsNotReported() throws Exception {
        SymbolReport r = bindCase("x86_64/clean");
        assertEquals(Optional.empty(), bindingOf(r, "/libuser.so", "dep_weak").definedIn());
        assertEquals(List.of(), r.unresolved());
    }

    @Test
    void threadLocalDefinitionAtOffsetZeroIsStillADefinition() throws Exception {
        ElfSymbol tls = ElfFile.read(caseDir("x86_64/clean").resolve("libdep.so")).findSymbol("dep_tls").orElseThrow();
        assertEquals(0, tls.value(), "the fixture's only TLS variable sits at offset 0");
        SymbolBinding b = bindingOf(bindCase("x86_64/clean"), "/libuser.so", "dep_tls");
        assertEquals(RelocationKind.TLS, b.kind());
        assertTrue(b.definedIn().orElseThrow().endsWith("/clean/libdep.so"), b.toString());
    }

    @Test
    void ifuncAndProtectedDefinitionsBindLikeOrdinaryOnes() throws Exception {
        SymbolReport r = bindCase("x86_64/clean");
        ElfFile dep = ElfFile.read(caseDir("x86_64/clean").resolve("libdep.so"));
        assertEquals(ElfSymbol.STT_GNU_IFUNC, dep.findSymbol("dep_ifunc").orElseThrow().type());
        assertEquals(3, dep.findSymbol("dep_protected").orElseThrow().visibility());
        assertTrue(bindingOf(r, "/libuser.so", "dep_ifunc").definedIn().orElseThrow().endsWith("/clean/libdep.so"));
        assertTrue(bindingOf(r, "/libuser.so", "dep_protected").definedIn().orElseThrow().endsWith("/clean/libdep.so"));
    }

    @Test
    void hiddenDefinitionIsSkipped() throws Exception {
        ElfFile dep = ElfFile.read(caseDir("x86_64/hidden-definition").resolve("libdep.so"));
        assertEquals(2, dep.symbolsNamed("dep_fn").get(0).visibility(), "the fixture's dep_fn is patched to STV_HIDDEN");
        assertEquals(Optional.empty(), bindingOf(bindCase("x86_64/hidden-definition"), "/libuser.so", "dep_fn").definedIn());
    }

    @Test
    void sysvHashTableFindsWhatItHolds() throws Exception {
        ElfFile dep = ElfFile.read(caseDir("x86_64/sysv-hash").resolve("libdep.so"));
        assertEquals("sysv", dep.symbolHashStyle());
        SymbolReport r = bindCase("x86_64/sysv-hash");
        assertTrue(bindingOf(r, "/libuser.so", "dep_var").definedIn().orElseThrow().endsWith("/sysv-hash/libdep.so"));
        assertEquals(Optional.empty(), bindingOf(r, "/libuser.so", "dep_fn").definedIn());
    }

    @Test
    void copyRelocationLookupSkipsTheExecutable() throws Exception {
        ElfFile app = ElfFile.read(caseDir("x86_64/copy-relocation").resolve("app"));
        assertTrue(app.findSymbol("dep_var").isPresent(), "the executable defines its copy of dep_var");
        SymbolBinding b = bindingOf(bindCase("x86_64/copy-relocation"), "/app", "dep_var");
        assertEquals(RelocationKind.COPY, b.kind());
        assertEquals(Optional.empty(), b.definedIn());
    }

    @Test
    void canonicalPltEntryServesAddressReferencesNotCalls() throws Exception {
        SymbolReport r = bindCase("x86_64/canonical-plt");
        SymbolBinding viaGot = bindingOf(r, "/libcallgot.so", "dep_fn");
        assertEquals(RelocationKind.DATA, viaGot.kind());
        assertTrue(viaGot.definedIn().orElseThrow().endsWith("/canonical-plt/app"), viaGot.toString());
        SymbolBinding viaPlt = bindingOf(r, "/libcallplt.so", "dep_fn");
        assertEquals(RelocationKind.PLT, viaPlt.kind());
        assertEquals(Optional.empty(), viaPlt.definedIn());
    }

    @Test
    void gnuUniqueDefinitionBinds() throws Exception {
        ElfFile lib = ElfFile.read(caseDir("x86_64/gnu-unique").resolve("libunique.so"));
        assertEquals(10, lib.findSymbol("_ZN7CounterIiE5valueE").orElseThrow().binding(), "STB_GNU_UNIQUE");
        SymbolBinding b = bindingOf(bindCase("x86_64/gnu-unique"), "/libuniqueuser.so", "_ZN7CounterIiE5valueE");
        assertTrue(b.definedIn().orElseThrow().endsWith("/gnu-unique/libunique.so"), b.toString());
    }

    @Test
    void symbolOnlyUnderAnotherVersionIsUndefinedWithItsVersion() throws Exception {
        SymbolReport r = bindCase("x86_64/symbol-under-other-version");
        assertEquals(List.of(), r.versionErrors(), "ZOO_2.0 exists, so the version check passes");
        assertEquals("undefined symbol: f2, version ZOO_2.0", r.unresolved().get(0).message());
    }

    @Test
    void beforeGlibc230AVersionedReferenceItsVersionFileLacksIsWordedAsNotDefinedWithLinkTimeReference() throws Exception {
        UnresolvedSymbol u = bindCase("x86_64/symbol-under-other-version").unresolved().get(0);
        assertEquals(Optional.of("libzoo.so"), u.versionFile(), "vn_file of ZOO_2.0, loaded in the scope");
        assertEquals("symbol f2, version ZOO_2.0 not defined in file libzoo.so with link time reference",
                u.message(GlibcVersion.parse("2.29")));
        assertEquals("undefined symbol: f2, version ZOO_2.0", u.message(GlibcVersion.parse("2.30")), "BZ #24741");
        assertEquals(u.message(), u.message(Optional.empty()));
    }

    @Test
    void aarch64DefinitionsInTheCrossSysrootBindAndTheDynamicLoaderIsNotRelocated() throws Exception {
        SymbolReport r = bindCase("aarch64/missing-function");
        assertTrue(r.bindings().stream().anyMatch(b -> b.definedIn().filter(d -> d.endsWith("/libc.so.6")).isPresent()),
                "some reference binds to the aarch64 libc: " + r.notes());
        assertTrue(r.bindings().stream().noneMatch(b -> b.object().contains("ld-linux-aarch64")));
        assertEquals(RelocationKind.PLT, bindingOf(r, "/libuser.so", "dep_fn").kind());
    }
}
