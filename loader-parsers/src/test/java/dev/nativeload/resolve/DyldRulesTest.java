package dev.nativeload.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.Binaries;
import dev.nativeload.binary.macho.MachOFile;
import dev.nativeload.binary.testing.TestData;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** dyld's search, on a Linux host asking about an arm64 macOS tree (testdata/resolve/macho). */
class DyldRulesTest {
    static final Path MACHO = TestData.path("resolve", "macho");
    static final String APP = MACHO.resolve("bin/app").toString();
    static final Path FW = MACHO.resolve("fw");
    static final String FWAPP = FW.resolve("bin/fwapp").toString();
    static final String FOO = "@rpath/Foo.framework/Versions/A/Foo";
    static final String BAR = "@rpath/Bar.framework/Bar";
    static final String APP_FRAMEWORKS = FW.resolve("bin") + "/../Frameworks";

    static DependencyNode resolve(ResolveHost host) throws Exception {
        return new DependencyResolver(host).resolve(APP);
    }

    static DependencyNode resolveFrameworkApp(ResolveHost host) throws Exception {
        return new DependencyResolver(host).resolve(FWAPP);
    }

    static ResolveHost.Dyld macos(Map<String, String> env) {
        return ResolveHost.macos(Architecture.AARCH64).withEnv(env);
    }

    static List<String> paths(DependencyNode node) {
        return node.tried().stream().map(Tried::path).toList();
    }

    static List<String> steps(DependencyNode node) {
        return node.tried().stream().map(t -> t.step().name()).toList();
    }

    @Test
    void rpathStackOfThreeImagesIsSearchedFromTheRequesterBackToTheMainExecutable() throws Exception {
        DependencyNode tree = resolve(ResolveHost.macos(Architecture.AARCH64));
        DependencyNode one = tree.child("@rpath/libone.dylib").orElseThrow();
        assertEquals(How.rpathVia(APP), one.how());
        assertEquals(Optional.of(MACHO.resolve("bin/../lib/libone.dylib").toString()), one.path());

        DependencyNode two = one.child("@rpath/libtwo.dylib").orElseThrow();
        String oneDir = MACHO.resolve("bin/../lib").toString();
        assertEquals(How.rpathVia(one.path().orElseThrow()), two.how());
        assertEquals(Optional.of(oneDir + "/../deep/libtwo.dylib"), two.path());
        assertEquals(List.of(oneDir + "/../missing/libtwo.dylib"), two.tried().stream().map(Tried::path).toList(),
                "libone's first LC_RPATH entry is tried first");

        DependencyNode three = two.child("@rpath/libthree.dylib").orElseThrow();
        assertEquals(How.rpathVia(APP), three.how(), "libtwo and libone cannot reach it: the main executable's LC_RPATH does");
        assertEquals(Optional.of(MACHO.resolve("bin/../lib/libthree.dylib").toString()), three.path());
        assertEquals(List.of(oneDir + "/../missing/libthree.dylib", oneDir + "/../deep/libthree.dylib"),
                three.tried().stream().map(Tried::path).toList());
    }

    @Test
    void loaderPathAndExecutablePathAreTheRequesterAndMainDirectories() throws Exception {
        DependencyNode one = resolve(ResolveHost.macos(Architecture.AARCH64)).child("@rpath/libone.dylib").orElseThrow();
        DependencyNode ld = one.child("@loader_path/libld.dylib").orElseThrow();
        assertEquals(How.LOADER_PATH, ld.how());
        assertEquals(Optional.of(MACHO.resolve("bin/../lib").toString() + "/libld.dylib"), ld.path());
        DependencyNode exe = one.child("@executable_path/../lib/libexe.dylib").orElseThrow();
        assertEquals(How.EXECUTABLE_PATH, exe.how());
        assertEquals(Optional.of(MACHO.resolve("bin").toString() + "/../lib/libexe.dylib"), exe.path());
    }

    @Test
    void systemLibrariesOnlyInTheSharedCacheAreTreatedAsPresentAndSaidSo() throws Exception {
        DependencyNode system = resolve(ResolveHost.macos(Architecture.AARCH64)).child("/usr/lib/libSystem.B.dylib").orElseThrow();
        assertEquals(How.SHARED_CACHE, system.how());
        assertTrue(system.note().orElseThrow().contains("shared cache"));
        assertTrue(system.found());
    }

    @Test
    void dyldLibraryPathIsTriedFirstWithTheLeafName() throws Exception {
        ResolveHost.Dyld host = ResolveHost.macos(Architecture.AARCH64).withEnv(Map.of("DYLD_LIBRARY_PATH", MACHO.resolve("deep").toString()));
        DependencyNode one = resolve(host).child("@rpath/libone.dylib").orElseThrow();
        DependencyNode two = one.child("@rpath/libtwo.dylib").orElseThrow();
        assertEquals(How.DYLD_LIBRARY_PATH, two.how());
        assertEquals(Optional.of(MACHO.resolve("deep").toString() + "/libtwo.dylib"), two.path());
        assertEquals(How.rpathVia(APP), one.how(), "libone is not in the DYLD_LIBRARY_PATH directory");
        DependencyNode secure = resolve(host.withSecure(true)).child("@rpath/libone.dylib").orElseThrow()
                .child("@rpath/libtwo.dylib").orElseThrow();
        assertFalse(secure.how().is(How.DYLD_LIBRARY_PATH), "secure mode ignores DYLD_* variables");
    }

    @Test
    void wrongArchitectureCandidatesAreSkippedAndRecorded() throws Exception {
        DependencyNode tree = resolve(ResolveHost.macos(Architecture.X86_64));
        assertTrue(tree.note().orElseThrow().startsWith("built for aarch64, the host is x86_64"), tree.note().toString());
        DependencyNode oneOnX86 = tree.child("@rpath/libone.dylib").orElseThrow();
        assertEquals(How.NOT_FOUND, oneOnX86.how());
        assertTrue(oneOnX86.tried().get(0).reason().startsWith("incompatible: have [MACHO aarch64], need Mach-O x86_64"),
                oneOnX86.tried().toString());
        // The libraries themselves, asked for by an arm64 tree on an x86_64 host: resolve a library as root.
        DependencyNode one = new DependencyResolver(ResolveHost.macos(Architecture.AARCH64))
                .resolve(MACHO.resolve("deep/libtwo.dylib").toString());
        DependencyNode three = one.child("@rpath/libthree.dylib").orElseThrow();
        assertEquals(How.NOT_FOUND, three.how(), "libtwo alone has no LC_RPATH to reach libthree");
        assertEquals(List.of("/usr/local/lib/libthree.dylib", "/usr/lib/libthree.dylib"),
                three.tried().stream().map(Tried::path).toList(), "then the default fallback directories, by leaf name");
    }

    @Test
    void aFrameworkNameEndsInTheNameOfItsFrameworkDirectory() {
        assertEquals(Optional.of("Foo.framework/Versions/A/Foo"), DyldSearch.frameworkPartialPath(FOO));
        assertEquals(Optional.of("Bar.framework/Bar"), DyldSearch.frameworkPartialPath(BAR));
        assertEquals(Optional.of("Foo.framework/Foo"), DyldSearch.frameworkPartialPath("/opt/Foo.framework/Foo"));
        assertEquals(Optional.of("Inner.framework/Versions/B/Inner"),
                DyldSearch.frameworkPartialPath("/opt/Outer.framework/Frameworks/Inner.framework/Versions/B/Inner"),
                "the last .framework directory counts");
        assertEquals(Optional.empty(), DyldSearch.frameworkPartialPath("/opt/Foo.framework/Libraries/libfoo.dylib"));
        assertEquals(Optional.empty(), DyldSearch.frameworkPartialPath("/opt/Foo.framework/Bar"));
        assertEquals(Optional.empty(), DyldSearch.frameworkPartialPath("@rpath/libfoo.dylib"));
    }

    @Test
    void frameworkInstallNameIsFoundThroughTheRpathStack() throws Exception {
        DependencyNode tree = resolveFrameworkApp(macos(Map.of()));
        assertEquals(List.of(FOO, BAR, "/System/Library/Frameworks/CoreFoundation.framework/Versions/A/CoreFoundation",
                "/usr/lib/libSystem.B.dylib"), tree.children().stream().map(DependencyNode::name).toList());
        DependencyNode foo = tree.child(FOO).orElseThrow();
        assertEquals(How.rpathVia(FWAPP), foo.how());
        assertEquals(Optional.of(APP_FRAMEWORKS + "/Foo.framework/Versions/A/Foo"), foo.path());
        assertEquals(List.of(), foo.tried());
    }

    @Test
    void frameworkPathIsSearchedBeforeTheInstallName() throws Exception {
        ResolveHost.Dyld host = macos(Map.of("DYLD_FRAMEWORK_PATH", FW.resolve("nowhere") + ":" + FW.resolve("override")));
        DependencyNode tree = resolveFrameworkApp(host);
        DependencyNode foo = tree.child(FOO).orElseThrow();
        assertEquals(How.DYLD_FRAMEWORK_PATH, foo.how());
        assertEquals(Optional.of(FW.resolve("override") + "/Foo.framework/Versions/A/Foo"), foo.path(),
                "each directory joined with the framework-relative part of the name");
        assertEquals(List.of(FW.resolve("nowhere") + "/Foo.framework/Versions/A/Foo"), paths(foo));
        assertEquals(List.of("DYLD_FRAMEWORK_PATH"), steps(foo));

        DependencyNode bar = tree.child(BAR).orElseThrow();
        assertEquals(List.of(FW.resolve("nowhere") + "/Bar.framework/Bar", FW.resolve("override") + "/Bar.framework/Bar",
                APP_FRAMEWORKS + "/Bar.framework/Bar"), paths(bar).subList(0, 3), "then the name itself, through @rpath");
        assertEquals(List.of("DYLD_FRAMEWORK_PATH", "DYLD_FRAMEWORK_PATH", "RPATH_VIA"), steps(bar).subList(0, 3));

        DependencyNode secure = resolveFrameworkApp(host.withSecure(true)).child(FOO).orElseThrow();
        assertEquals(How.rpathVia(FWAPP), secure.how(), "secure mode ignores DYLD_FRAMEWORK_PATH");
        assertEquals(List.of(), secure.tried());
    }

    @Test
    void dyldLibraryPathIsNotSearchedForAFrameworkName() throws Exception {
        String fooDir = FW.resolve("override/Foo.framework/Versions/A").toString(); // holds a file named Foo
        DependencyNode foo = resolveFrameworkApp(macos(Map.of("DYLD_LIBRARY_PATH", fooDir))).child(FOO).orElseThrow();
        assertEquals(How.rpathVia(FWAPP), foo.how());
        assertEquals(List.of(), foo.tried(), "dyld 3 and 4 look a framework name up in DYLD_FRAMEWORK_PATH only");
    }

    @Test
    void fallbackFrameworkPathIsUsedWhenTheInstallNameIsMissing() throws Exception {
        ResolveHost.Dyld host = macos(Map.of("DYLD_FALLBACK_FRAMEWORK_PATH", FW.resolve("nowhere") + ":" + FW.resolve("Fallback")));
        DependencyNode bar = resolveFrameworkApp(host).child(BAR).orElseThrow();
        assertEquals(How.FALLBACK_FRAMEWORK, bar.how());
        assertEquals(Optional.of(FW.resolve("Fallback") + "/Bar.framework/Bar"), bar.path());
        assertEquals(List.of(APP_FRAMEWORKS + "/Bar.framework/Bar", FW.resolve("nowhere") + "/Bar.framework/Bar"), paths(bar));
        assertEquals(List.of("RPATH_VIA", "FALLBACK_FRAMEWORK"), steps(bar));
        assertEquals(How.rpathVia(FWAPP), resolveFrameworkApp(host).child(FOO).orElseThrow().how(),
                "the fallback is only for what the name itself does not reach");
    }

    @Test
    void defaultFallbackFrameworkPathIsLibraryThenSystemFrameworks() throws Exception {
        DependencyNode tree = resolveFrameworkApp(macos(Map.of()));
        DependencyNode bar = tree.child(BAR).orElseThrow();
        assertEquals(How.NOT_FOUND, bar.how());
        assertEquals(List.of(APP_FRAMEWORKS + "/Bar.framework/Bar", "/Library/Frameworks/Bar.framework/Bar",
                "/System/Library/Frameworks/Bar.framework/Bar"), paths(bar), "no ~/Library/Frameworks: dyld dropped it");
        assertEquals(List.of("RPATH_VIA", "FALLBACK_FRAMEWORK", "FALLBACK_FRAMEWORK"), steps(bar));
        assertEquals(FWAPP + " → " + BAR, MissingDependency.first(tree).orElseThrow().describe());
    }

    @Test
    void secureModeKeepsOnlyTheSystemFallbackDirectories() throws Exception {
        ResolveHost.Dyld secure = macos(Map.of("DYLD_FALLBACK_FRAMEWORK_PATH", FW.resolve("Fallback").toString(),
                "DYLD_FALLBACK_LIBRARY_PATH", MACHO.resolve("lib").toString())).withSecure(true);
        DependencyNode bar = resolveFrameworkApp(secure).child(BAR).orElseThrow();
        assertEquals(How.NOT_FOUND, bar.how(), "DYLD_FALLBACK_FRAMEWORK_PATH is ignored");
        assertEquals(List.of(APP_FRAMEWORKS + "/Bar.framework/Bar", "/System/Library/Frameworks/Bar.framework/Bar"), paths(bar));
        DependencyNode three = new DependencyResolver(secure).resolve(MACHO.resolve("deep/libtwo.dylib").toString())
                .child("@rpath/libthree.dylib").orElseThrow();
        assertEquals(How.NOT_FOUND, three.how(), "DYLD_FALLBACK_LIBRARY_PATH is ignored");
        assertEquals(List.of("/usr/lib/libthree.dylib"), paths(three), "no /usr/local/lib in a restricted process");
    }

    @Test
    void systemFrameworkMissingOnDiskIsInTheSharedCache() throws Exception {
        String coreFoundation = "/System/Library/Frameworks/CoreFoundation.framework/Versions/A/CoreFoundation";
        DependencyNode cf = resolveFrameworkApp(macos(Map.of())).child(coreFoundation).orElseThrow();
        assertEquals(How.SHARED_CACHE, cf.how());
        assertEquals(Optional.of(coreFoundation), cf.path());
        assertEquals(List.of(coreFoundation), paths(cf));
        assertTrue(cf.note().orElseThrow().contains("shared cache"), cf.note().toString());
    }

    @Test
    void fallbackDoesNotTryTheInstallNameAgain() throws Exception {
        DyldSearch search = new DyldSearch(macos(Map.of()), new ObjectFiles());
        LoadedObject app = new LoadedObject(FWAPP, FWAPP, (MachOFile) Binaries.read(Path.of(FWAPP)), Optional.empty(), null,
                FW.resolve("bin").toString(), 0, null);
        Lookup lookup = search.find("/Library/Frameworks/Baz.framework/Versions/A/Baz", app);
        assertEquals(Optional.empty(), lookup.found());
        assertEquals(List.of("/Library/Frameworks/Baz.framework/Versions/A/Baz", "/System/Library/Frameworks/Baz.framework/Versions/A/Baz"),
                lookup.tried().stream().map(Tried::path).toList());
        assertEquals(List.of("DIRECT", "FALLBACK_FRAMEWORK"), lookup.tried().stream().map(Tried::step).toList());
    }
}
