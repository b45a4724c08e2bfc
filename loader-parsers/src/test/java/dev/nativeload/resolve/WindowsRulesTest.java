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
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Windows loader's search, on a Linux host asking about a mingw-built tree (testdata/resolve/windows). */
class WindowsRulesTest {
    static final Path WIN = TestData.path("resolve", "windows");
    static final String APP = WIN.resolve("app/app.exe").toString();
    static final String DELAYAPP = WIN.resolve("app/delayapp.exe").toString();

    static ResolveHost.Windows host() {
        return ResolveHost.windows(Architecture.X86_64, WIN.resolve("sys32")).withKnownDlls(Set.of("kernel32.dll"))
                .withEnv(Map.of("PATH", WIN.resolve("nowhere") + ";" + WIN.resolve("path")));
    }

    @Test
    void treeWithAnApiSetAndAKnownDll() throws Exception {
        DependencyNode tree = new DependencyResolver(host()).resolve(APP);
        assertEquals(List.of("api-ms-win-core-resolvedemo-l1-1-0.dll", "dep.dll", "pathdep.dll", "KERNEL32.dll", "msvcrt.dll"),
                tree.children().stream().map(DependencyNode::name).toList());
        DependencyNode api = tree.child("api-ms-win-core-resolvedemo-l1-1-0.dll").orElseThrow();
        assertEquals(How.API_SET, api.how());
        assertTrue(api.note().orElseThrow().contains("API set"));
        DependencyNode kernel32 = tree.child("KERNEL32.dll").orElseThrow();
        assertEquals(How.KNOWN_DLL, kernel32.how());
        assertEquals(Optional.of(WIN.resolve("sys32/kernel32.dll").toString()), kernel32.path(), "names match without case");
        assertEquals(List.of(), kernel32.tried(), "a KnownDLL never looks in the application directory");
        DependencyNode dep = tree.child("dep.dll").orElseThrow();
        assertEquals(How.APP_DIR, dep.how());
        DependencyNode msvcrt = tree.child("msvcrt.dll").orElseThrow();
        assertEquals(How.SYSTEM32, msvcrt.how());
        assertEquals(WIN.resolve("app/msvcrt.dll").toString(), msvcrt.tried().get(0).path());
    }

    @Test
    void wrongMachineDllInTheApplicationDirectoryIsSkippedAndPathIsSearchedLast() throws Exception {
        DependencyNode pathdep = new DependencyResolver(host()).resolve(APP).child("pathdep.dll").orElseThrow();
        assertEquals(How.PATH, pathdep.how());
        assertEquals(Optional.of(WIN.resolve("path/pathdep.dll").toString()), pathdep.path());
        Tried first = pathdep.tried().get(0);
        assertEquals(WIN.resolve("app/pathdep.dll").toString(), first.path());
        assertTrue(first.reason().startsWith("wrong machine: x86 (32-bit)"), first.reason());
        assertEquals(List.of("APP_DIR", "SYSTEM32", "CURRENT_DIR", "PATH"),
                pathdep.tried().stream().map(t -> t.step().name()).toList());
    }

    @Test
    void loadLibrarySearchModeUsesTheDllDirectoryAndSystem32ButNotPath() throws Exception {
        ResolveHost.Windows host = host().withWindowsMode(ResolveHost.WindowsSearchMode.DLL_LOAD_DIR_AND_DEFAULT_DIRS);
        DependencyNode tree = new DependencyResolver(host).resolve(APP);
        assertEquals(How.DLL_LOAD_DIR, tree.child("dep.dll").orElseThrow().how());
        DependencyNode pathdep = tree.child("pathdep.dll").orElseThrow();
        assertEquals(How.NOT_FOUND, pathdep.how());
        assertTrue(pathdep.tried().stream().noneMatch(t -> t.step() == How.Step.PATH), pathdep.tried().toString());
        MissingDependency missing = MissingDependency.first(tree).orElseThrow();
        assertEquals(APP + " → pathdep.dll", missing.describe());
    }

    @Test
    void apiSetNamesAreVirtualWhateverTheirCase() throws Exception {
        apiSetNamesAreVirtual("API-MS-WIN-CRT-RUNTIME-L1-1-0.DLL", "ext-ms-win-ntuser-window-l1-1-0.dll");
    }

    /**
     * The search and the symbol binder's schema lookup tell a contract by one rule ({@code api-} or
     * {@code ext-}, as the loader does): contracts outside {@code api-ms-win-*} and {@code ext-ms-*}
     * exist on real Windows, and the search used to look for them as files.
     */
    @Test
    void apiSetNamesOutsideTheMsWinFamilyAreVirtualToo() throws Exception {
        apiSetNamesAreVirtual("api-ms-onecoreuap-print-render-l1-1-0.dll", "ext-ms-onecore-appmodel-staterepository-cache-l1-1-0.dll");
    }

    private static void apiSetNamesAreVirtual(String... names) throws Exception {
        WindowsSearch search = new WindowsSearch(host(), new ObjectFiles());
        LoadedObject app = new LoadedObject(APP, APP, (dev.nativeload.binary.BinaryImage) dev.nativeload.binary.Binaries.read(Path.of(APP)),
                Optional.empty(), null, WIN.resolve("app").toString(), 0, null);
        for (String name : names) {
            assertEquals(How.API_SET, search.find(name, app).found().orElseThrow().how(), name);
        }
    }

    static List<String> names(DependencyNode node) {
        return node.children().stream().map(DependencyNode::name).toList();
    }

    static List<Boolean> delayLoads(DependencyNode node) {
        return node.children().stream().map(DependencyNode::delayLoad).toList();
    }

    @Test
    void delayLoadImportsAreFollowedAfterStaticImports() throws Exception {
        DependencyNode tree = new DependencyResolver(host()).resolve(DELAYAPP);
        assertEquals(List.of("KERNEL32.dll", "msvcrt.dll", "middle.dll", "delaydep.dll", "delaymissing.dll"), names(tree),
                "static imports in file order, then delay-load imports in file order");
        assertEquals(List.of(false, false, false, true, true), delayLoads(tree));
        DependencyNode middle = tree.child("middle.dll").orElseThrow();
        assertEquals(List.of("KERNEL32.dll", "msvcrt.dll", "delaydep.dll", "dep.dll"), names(middle));
        assertEquals(List.of(false, false, false, true), delayLoads(middle));
        DependencyNode dep = middle.child("dep.dll").orElseThrow();
        assertEquals(How.APP_DIR, dep.how());
        assertEquals(Optional.of(WIN.resolve("app/dep.dll").toString()), dep.path());
        assertEquals(List.of("KERNEL32.dll", "msvcrt.dll"), names(dep), "a delay-loaded DLL is expanded like any other");
        assertTrue(dep.children().stream().allMatch(c -> c.how().is(How.ALREADY_LOADED) && !c.delayLoad()));
    }

    @Test
    void delayLoadOfADllStartupAlreadyLoadedIsAnAlreadyLoadedLeaf() throws Exception {
        DependencyNode tree = new DependencyResolver(host()).resolve(DELAYAPP);
        DependencyNode delayed = tree.child("delaydep.dll").orElseThrow();
        assertEquals(How.ALREADY_LOADED, delayed.how(), "middle.dll, a static import, loads it at startup");
        assertTrue(delayed.delayLoad());
        assertEquals(Optional.of(WIN.resolve("app/delaydep.dll").toString()), delayed.path());
        DependencyNode atStartup = tree.child("middle.dll").orElseThrow().child("delaydep.dll").orElseThrow();
        assertEquals(How.APP_DIR, atStartup.how(), "expanded where startup loads it, though the root names it first");
        assertFalse(atStartup.delayLoad());
    }

    @Test
    void missingDelayLoadDllIsReportedAsDelayLoad() throws Exception {
        DependencyNode tree = new DependencyResolver(host()).resolve(DELAYAPP);
        DependencyNode missing = tree.child("delaymissing.dll").orElseThrow();
        assertEquals(How.NOT_FOUND, missing.how());
        assertTrue(missing.delayLoad());
        assertEquals(List.of(WIN.resolve("app/delaymissing.dll").toString(), WIN.resolve("sys32/delaymissing.dll").toString(),
                "/delaymissing.dll", WIN.resolve("nowhere/delaymissing.dll").toString(),
                WIN.resolve("path/delaymissing.dll").toString()), missing.tried().stream().map(Tried::path).toList(),
                "searched as a static import would be");
        assertEquals(List.of("APP_DIR", "SYSTEM32", "CURRENT_DIR", "PATH", "PATH"), missing.tried().stream().map(t -> t.step().name()).toList());
        assertTrue(missing.note().orElseThrow().startsWith("delay-load: the program starts without it"), missing.note().toString());
        assertEquals(Optional.empty(), MissingDependency.first(tree), "the program starts: nothing it needs at startup is missing");
    }

    @Test
    void delayLoadIsSearchedInTheProcessOrderNotInTheDirectoryOfTheDllThatDelayLoadsIt() throws Exception {
        ResolveHost.Windows host = host().withWindowsMode(ResolveHost.WindowsSearchMode.DLL_LOAD_DIR_AND_DEFAULT_DIRS);
        String middle = WIN.resolve("app/middle.dll").toString();
        DependencyNode tree = new DependencyResolver(host).resolve(middle);
        assertEquals(How.DLL_LOAD_DIR, tree.child("delaydep.dll").orElseThrow().how(), "a static import: the DLL's directory");
        DependencyNode dep = tree.child("dep.dll").orElseThrow();
        assertEquals(How.NOT_FOUND, dep.how(), "dep.dll lies beside middle.dll, where LoadLibrary at the first call does not look");
        assertEquals(List.of("SYSTEM32", "CURRENT_DIR", "PATH", "PATH"), dep.tried().stream().map(t -> t.step().name()).toList());
        assertTrue(dep.note().orElseThrow().contains("not the directory of the DLL that delay-loads it"), dep.note().toString());
        assertEquals(Optional.empty(), MissingDependency.first(tree));

        ResolveHost withPath = host.withEnv(Map.of("PATH", WIN.resolve("app").toString()));
        DependencyNode viaPath = new DependencyResolver(withPath).resolve(middle).child("dep.dll").orElseThrow();
        assertEquals(How.PATH, viaPath.how(), "the usual remedy: its directory on PATH");
        assertEquals(Optional.of(WIN.resolve("app/dep.dll").toString()), viaPath.path());
    }
}
