package dev.nativeload.resolve;

import dev.nativeload.platform.HostProbe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * glibc ld.so's search rules, one fixture tree each (testdata/resolve/build.sh), every answer also
 * checked against the real ldd of this machine where ldd can express the set-up.
 */
@EnabledOnOs(OS.LINUX)
@EnabledIfSystemProperty(named = "os.arch", matches = "amd64|x86_64", disabledReason = "fixtures and references are x86-64 Linux")
class GlibcRulesTest {
    static final Path ELF = TestData.path("resolve", "elf");

    /** This machine's glibc with ldd's rule for the main program's $ORIGIN (the path as given). */
    static ResolveHost.Glibc host(Map<String, String> env) {
        return ResolveHost.linuxGlibc(Architecture.X86_64).withHwcapsSubdirs(HostProbe.hwcapsSubdirs())
                .withMainOriginIsRealPath(false).withEnv(env).withCurrentDir(ELF);
    }

    static DependencyNode resolve(ResolveHost host, Path file) throws Exception {
        return new DependencyResolver(host).resolve(file.toString());
    }

    /** Asserts that our tree gives exactly the paths ldd prints, then returns the tree. */
    static DependencyNode resolveLikeLdd(Path file, Map<String, String> env, Path cwd) throws Exception {
        DependencyNode tree = resolve(host(env).withCurrentDir(cwd), file);
        Ldd.Answer ldd = Ldd.run(file, env, cwd);
        assertEquals(ldd.paths(), TreeFacts.loaded(tree), "ldd said:\n" + ldd.output());
        return tree;
    }

    @Test
    void rpathOverLdLibraryPathOverRunpath() throws Exception {
        Map<String, String> llp = Map.of("LD_LIBRARY_PATH", ELF.resolve("order/llp").toString());
        DependencyNode rpathWins = resolveLikeLdd(ELF.resolve("order/app_rpath"), llp, ELF);
        assertEquals(How.RPATH, TreeFacts.node(rpathWins, "libdep.so").how());
        assertEquals(Optional.of(ELF.resolve("order/rpath/libdep.so").toString()), TreeFacts.node(rpathWins, "libdep.so").path());

        DependencyNode llpWins = resolveLikeLdd(ELF.resolve("order/app_runpath"), llp, ELF);
        assertEquals(How.LD_LIBRARY_PATH, TreeFacts.node(llpWins, "libdep.so").how());
        assertEquals(Optional.of(ELF.resolve("order/llp/libdep.so").toString()), TreeFacts.node(llpWins, "libdep.so").path());

        DependencyNode runpath = resolveLikeLdd(ELF.resolve("order/app_runpath"), Map.of(), ELF);
        assertEquals(How.RUNPATH, TreeFacts.node(runpath, "libdep.so").how());
        assertEquals(Optional.of(ELF.resolve("order/runpath/libdep.so").toString()), TreeFacts.node(runpath, "libdep.so").path());
    }

    @Test
    void runpathIsIgnoredForRpathWhenBothArePresentAndLdLibraryPathIsTriedFirst() throws Exception {
        // app_runpath has only DT_RUNPATH, so its (absent) DT_RPATH step must not appear among the tries.
        DependencyNode tree = resolve(host(Map.of("LD_LIBRARY_PATH", "/nonexistent-dir")), ELF.resolve("order/app_runpath"));
        List<Tried> tried = TreeFacts.node(tree, "libdep.so").tried();
        assertEquals(List.of(new Tried("/nonexistent-dir/libdep.so", How.Step.LD_LIBRARY_PATH, "no such file")), tried);
    }

    @Test
    void runpathNotInheritedByGrandchildren() throws Exception {
        DependencyNode tree = resolveLikeLdd(ELF.resolve("inherit/app_runpath"), Map.of(), ELF);
        assertEquals(How.RUNPATH, TreeFacts.node(tree, "libchild.so").how());
        DependencyNode grand = TreeFacts.node(tree, "libgrand.so");
        assertEquals(How.NOT_FOUND, grand.how());
        assertTrue(grand.tried().stream().noneMatch(t -> t.path().startsWith(ELF.resolve("inherit/lib").toString())),
                "the app's RUNPATH must not be searched for the grandchild: " + grand.tried());
        assertTrue(grand.tried().stream().anyMatch(t -> t.step() == How.Step.DEFAULT), grand.tried().toString());
    }

    @Test
    void rpathInheritedWhenNoRunpath() throws Exception {
        DependencyNode tree = resolveLikeLdd(ELF.resolve("inherit/app_rpath"), Map.of(), ELF);
        DependencyNode grand = TreeFacts.node(tree, "libgrand.so");
        assertEquals(How.RPATH, grand.how());
        assertEquals(Optional.of(ELF.resolve("inherit/lib/libgrand.so").toString()), grand.path());
    }

    @Test
    void originIsRelativeToSymlinkLocation() throws Exception {
        DependencyNode tree = resolveLikeLdd(ELF.resolve("origin/app"), Map.of(), ELF);
        DependencyNode side = TreeFacts.node(tree, "libside.so");
        assertEquals(How.RUNPATH, side.how());
        assertEquals(Optional.of(ELF.resolve("origin/linkdir/libside.so").toString()), side.path());
        assertTrue(Files.isSymbolicLink(ELF.resolve("origin/linkdir/liblink.so")));
    }

    @Test
    void mainProgramOriginIsItsRealDirectoryWhenTheKernelStartsItButThePathGivenUnderLdd(@TempDir Path tmp) throws Exception {
        Path link = tmp.resolve("app");
        Files.createSymbolicLink(link, ELF.resolve("inherit/app_runpath"));
        DependencyNode asLdd = resolveLikeLdd(link, Map.of(), tmp);
        assertEquals(How.NOT_FOUND, TreeFacts.node(asLdd, "libchild.so").how());
        DependencyNode asExec = resolve(host(Map.of()).withMainOriginIsRealPath(true), link);
        assertEquals(Optional.of(ELF.resolve("inherit/lib/libchild.so").toString()), TreeFacts.node(asExec, "libchild.so").path());
    }

    @Test
    void nodeflibSkipsDefaultDirs() throws Exception {
        DependencyNode tree = resolveLikeLdd(ELF.resolve("nodeflib/app"), Map.of(), ELF);
        DependencyNode libm = TreeFacts.node(tree, "libm.so.6");
        assertEquals(How.NOT_FOUND, libm.how());
        assertTrue(libm.tried().stream().anyMatch(t -> t.step() == How.Step.LD_SO_CACHE && t.reason().contains("DF_1_NODEFLIB")),
                libm.tried().toString());
        assertTrue(libm.tried().stream().anyMatch(t -> t.step() == How.Step.DEFAULT && t.reason().contains("DF_1_NODEFLIB")),
                libm.tried().toString());
        // LD_LIBRARY_PATH is not a default directory: NODEFLIB does not stop it.
        DependencyNode viaLlp = resolveLikeLdd(ELF.resolve("nodeflib/app"),
                Map.of("LD_LIBRARY_PATH", "/lib/x86_64-linux-gnu"), ELF);
        assertEquals(How.LD_LIBRARY_PATH, TreeFacts.node(viaLlp, "libm.so.6").how());
    }

    @Test
    void hwcapsSubdirectoryIsPreferred() throws Exception {
        assertTrue(HostProbe.hwcapsSubdirs().contains("glibc-hwcaps/x86-64-v2"), "this CPU lacks x86-64-v2");
        DependencyNode tree = resolveLikeLdd(ELF.resolve("hwcaps/app"), Map.of(), ELF);
        assertEquals(Optional.of(ELF.resolve("hwcaps/lib/glibc-hwcaps/x86-64-v2/libhw.so").toString()),
                TreeFacts.node(tree, "libhw.so").path());
        DependencyNode plain = resolve(host(Map.of()).withHwcapsSubdirs(List.of()), ELF.resolve("hwcaps/app"));
        assertEquals(Optional.of(ELF.resolve("hwcaps/lib/libhw.so").toString()), TreeFacts.node(plain, "libhw.so").path());
    }

    @Test
    void wrongClassCandidateIsSkippedAndRecorded() throws Exception {
        DependencyNode tree = resolveLikeLdd(ELF.resolve("wrongclass/app"), Map.of(), ELF);
        DependencyNode wc = TreeFacts.node(tree, "libwc.so");
        assertEquals(Optional.of(ELF.resolve("wrongclass/good/libwc.so").toString()), wc.path());
        assertEquals(How.RUNPATH, wc.how());
        assertEquals(ELF.resolve("wrongclass/i386/libwc.so").toString(), wc.tried().get(0).path());
        assertEquals("wrong ELF class: ELFCLASS32", wc.tried().get(0).reason());
        assertEquals(ELF.resolve("wrongclass/arm64/libwc.so").toString(), wc.tried().get(1).path());
        assertTrue(wc.tried().get(1).reason().startsWith("wrong machine"), wc.tried().get(1).reason());
    }

    @Test
    void emptyLdLibraryPathElementMeansCurrentDirectory() throws Exception {
        Map<String, String> env = Map.of("LD_LIBRARY_PATH", "/nonexistent-dir::/also-nonexistent");
        DependencyNode here = resolveLikeLdd(ELF.resolve("cwd/app"), env, ELF.resolve("cwd"));
        DependencyNode cwd = TreeFacts.node(here, "libcwd.so");
        assertEquals(How.LD_LIBRARY_PATH, cwd.how());
        assertEquals(Optional.of("libcwd.so"), cwd.path());
        DependencyNode elsewhere = resolveLikeLdd(ELF.resolve("cwd/app"), env, ELF);
        assertEquals(How.NOT_FOUND, TreeFacts.node(elsewhere, "libcwd.so").how());
    }

    @Test
    void ldLibraryPathIsSplitOnSemicolonsToo() throws Exception {
        Map<String, String> env = Map.of("LD_LIBRARY_PATH", "/nonexistent-dir;" + ELF.resolve("cwd"));
        DependencyNode tree = resolveLikeLdd(ELF.resolve("cwd/app"), env, ELF);
        assertEquals(How.LD_LIBRARY_PATH, TreeFacts.node(tree, "libcwd.so").how());
    }

    @Test
    void secureModeIgnoresLdLibraryPathAndUntrustedOriginOfTheProgram() throws Exception {
        ResolveHost.Glibc secure = host(Map.of("LD_LIBRARY_PATH", ELF.resolve("secure/lib").toString())).withSecure(true);
        DependencyNode tree = resolve(secure, ELF.resolve("secure/app"));
        DependencyNode sec = TreeFacts.node(tree, "libsec.so");
        assertEquals(How.NOT_FOUND, sec.how());
        assertTrue(sec.tried().stream().anyMatch(t -> t.step() == How.Step.RPATH && t.reason().startsWith("secure mode")),
                sec.tried().toString());
        assertTrue(sec.tried().stream().noneMatch(t -> t.step() == How.Step.LD_LIBRARY_PATH), sec.tried().toString());
        // The same program outside secure mode finds it through its DT_RPATH.
        assertEquals(How.RPATH, TreeFacts.node(resolve(secure.withSecure(false), ELF.resolve("secure/app")), "libsec.so").how());
    }

    @Test
    void secureModeKeepsOriginAtTheStartOfALibrarysRunpath() throws Exception {
        ResolveHost.Glibc secure = host(Map.of()).withSecure(true);
        DependencyNode tree = resolve(secure, ELF.resolve("secure/lib/libsec.so"));
        DependencyNode dep = TreeFacts.node(tree, "libsecdep.so");
        assertEquals(How.RUNPATH, dep.how());
        assertEquals(Optional.of(ELF.resolve("secure/lib/libsecdep.so").toString()), dep.path());
    }

    @Test
    void secureModeHonoursOriginOnlyAtTheStartOfAnElement() {
        ResolveHost.Glibc secure = host(Map.of()).withSecure(true);
        assertEquals(Optional.of("secure mode: $ORIGIN is honoured only as the start of a path element"),
                Dst.expand("/opt/$ORIGIN/lib", "/x", secure, false).dropped());
        assertEquals("/x/lib", Dst.expand("$ORIGIN/lib", "/x", secure, false).path());
        assertEquals("/x/lib", Dst.expand("${ORIGIN}/lib", "/x", host(Map.of()), false).path());
        assertEquals("/usr/lib/x86_64-linux-gnu/x86_64", Dst.expand("/usr/$LIB/$PLATFORM", "/x", host(Map.of()), false).path());
        assertEquals("/a/$ORIGINAL", Dst.expand("/a/$ORIGINAL", "/x", host(Map.of()), false).path());
    }

    @Test
    void cyclesAndDiamondsAreExpandedOnce() throws Exception {
        DependencyNode tree = resolveLikeLdd(ELF.resolve("cycle/app"), Map.of(), ELF);
        DependencyNode liba = tree.child("liba.so").orElseThrow();
        DependencyNode libb = liba.child("libb.so").orElseThrow();
        DependencyNode back = libb.child("liba.so").orElseThrow();
        assertEquals(How.ALREADY_LOADED, back.how());
        assertEquals(liba.path(), back.path());
        assertTrue(back.children().isEmpty());
        long libcExpanded = countExpanded(tree, "libc.so.6");
        assertEquals(1, libcExpanded, "libc.so.6 is needed by app, liba and libb but loaded once");
    }

    @Test
    void alreadyLoadedCheckMatchesTheSonameOfTheDynamicLinker() throws Exception {
        DependencyNode tree = resolve(host(Map.of()), ELF.resolve("order/app_runpath"));
        DependencyNode libc = TreeFacts.node(tree, "libc.so.6");
        DependencyNode ldso = libc.child("ld-linux-x86-64.so.2").orElseThrow();
        assertEquals(How.ALREADY_LOADED, ldso.how());
        assertEquals(Optional.of("/lib64/ld-linux-x86-64.so.2"), ldso.path());
    }

    @Test
    void missingDependencyNamesTheWholeChain() throws Exception {
        String app = ELF.resolve("inherit/app_runpath").toString();
        MissingDependency missing = new DependencyResolver(host(Map.of())).firstMissing(app).orElseThrow();
        assertEquals(app + " → libchild.so → libgrand.so", missing.describe());
        assertEquals("libchild.so", missing.neededBy().name());
        assertFalse(new DependencyResolver(host(Map.of())).firstMissing(ELF.resolve("inherit/app_rpath").toString()).isPresent());
    }

    @Test
    void nonElfCandidateStopsTheSearchAsLdSoDoes(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("libdep.so"), "INPUT(-lc) /* a linker script, not a library */\n".repeat(4));
        Map<String, String> env = Map.of("LD_LIBRARY_PATH", tmp.toString());
        DependencyNode dep = TreeFacts.node(resolve(host(env), ELF.resolve("order/app_runpath")), "libdep.so");
        assertEquals(How.NOT_FOUND, dep.how(), "ld.so gives up instead of trying the RUNPATH copy");
        assertTrue(dep.note().orElseThrow().startsWith("ld.so fails at " + tmp.resolve("libdep.so")), dep.note().toString());
        assertTrue(dep.tried().stream().noneMatch(t -> t.step() == How.Step.RUNPATH), dep.tried().toString());
        String ldd = Ldd.run(ELF.resolve("order/app_runpath"), env, ELF).output();
        assertTrue(ldd.contains(tmp.resolve("libdep.so") + ": invalid ELF header"), ldd);
    }

    @Test
    void directoryCandidateStopsTheSearchAsLdSoDoes(@TempDir Path tmp) throws Exception {
        Files.createDirectory(tmp.resolve("libdep.so"));
        Map<String, String> env = Map.of("LD_LIBRARY_PATH", tmp.toString());
        DependencyNode dep = TreeFacts.node(resolve(host(env), ELF.resolve("order/app_runpath")), "libdep.so");
        assertEquals(How.NOT_FOUND, dep.how());
        assertTrue(dep.note().orElseThrow().contains("cannot read file data: Is a directory"), dep.note().toString());
        String ldd = Ldd.run(ELF.resolve("order/app_runpath"), env, ELF).output();
        assertTrue(ldd.contains(tmp.resolve("libdep.so") + ": cannot read file data: Error 21"), ldd); // 21 = EISDIR
    }

    @Test
    void nameWithASlashIsOpenedAsGivenWithoutSearch(@TempDir Path tmp) throws Exception {
        LoadedObject app = new LoadedObject("app", ELF.resolve("order/app_runpath").toString(),
                dev.nativeload.binary.elf.ElfFile.read(ELF.resolve("order/app_runpath")), Optional.empty(), null,
                ELF.resolve("order").toString(), 0, null);
        GlibcSearch search = new GlibcSearch(host(Map.of()), new ObjectFiles());
        Lookup direct = search.find("$ORIGIN/runpath/libdep.so", app);
        assertEquals(How.DIRECT, direct.found().orElseThrow().how());
        assertEquals(ELF.resolve("order/runpath/libdep.so").toString(), direct.found().orElseThrow().path());
        Lookup missing = search.find(tmp.resolve("nope.so").toString(), app);
        assertEquals(List.of(new Tried(tmp.resolve("nope.so").toString(), How.Step.DIRECT, "no such file")), missing.tried());
    }

    @Test
    void depthAndNodeLimitsStopExpansionAndSaySo() throws Exception {
        DependencyNode shallow = new DependencyResolver(host(Map.of()), 1, 1000).resolve(ELF.resolve("inherit/app_rpath").toString());
        DependencyNode child = shallow.child("libchild.so").orElseThrow();
        assertTrue(child.children().isEmpty());
        assertEquals(Optional.of("not expanded: deeper than 1"), child.note());
        DependencyNode small = new DependencyResolver(host(Map.of()), 64, 2).resolve(ELF.resolve("inherit/app_rpath").toString());
        assertEquals(1, small.children().size());
        assertTrue(small.note().orElseThrow().contains("more than 2 nodes"), small.note().toString());
    }

    private static long countExpanded(DependencyNode node, String name) {
        long here = node.name().equals(name) && !node.how().is(How.ALREADY_LOADED) ? 1 : 0;
        return here + node.children().stream().mapToLong(c -> countExpanded(c, name)).sum();
    }
}
