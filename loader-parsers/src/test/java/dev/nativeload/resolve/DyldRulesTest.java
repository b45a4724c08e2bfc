package dev.nativeload.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.binary.Architecture;
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

    static DependencyNode resolve(ResolveHost host) throws Exception {
        return new DependencyResolver(host).resolve(APP);
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
        ResolveHost host = ResolveHost.macos(Architecture.AARCH64).withEnv(Map.of("DYLD_LIBRARY_PATH", MACHO.resolve("deep").toString()));
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
}
