package dev.nativeload.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    static ResolveHost host() {
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
                pathdep.tried().stream().map(Tried::step).toList());
    }

    @Test
    void loadLibrarySearchModeUsesTheDllDirectoryAndSystem32ButNotPath() throws Exception {
        ResolveHost host = host().withWindowsMode(ResolveHost.WindowsSearchMode.DLL_LOAD_DIR_AND_DEFAULT_DIRS);
        DependencyNode tree = new DependencyResolver(host).resolve(APP);
        assertEquals(How.DLL_LOAD_DIR, tree.child("dep.dll").orElseThrow().how());
        DependencyNode pathdep = tree.child("pathdep.dll").orElseThrow();
        assertEquals(How.NOT_FOUND, pathdep.how());
        assertTrue(pathdep.tried().stream().noneMatch(t -> t.step().equals("PATH")), pathdep.tried().toString());
        MissingDependency missing = MissingDependency.first(tree).orElseThrow();
        assertEquals(APP + " → pathdep.dll", missing.describe());
    }

    @Test
    void apiSetNamesAreVirtualWhateverTheirCase() throws Exception {
        WindowsSearch search = new WindowsSearch(host(), new ObjectFiles());
        LoadedObject app = new LoadedObject(APP, APP, (dev.nativeload.binary.BinaryImage) dev.nativeload.binary.Binaries.read(Path.of(APP)),
                Optional.empty(), null, WIN.resolve("app").toString(), 0, null);
        assertEquals(How.API_SET, search.find("API-MS-WIN-CRT-RUNTIME-L1-1-0.DLL", app).found().orElseThrow().how());
        assertEquals(How.API_SET, search.find("ext-ms-win-ntuser-window-l1-1-0.dll", app).found().orElseThrow().how());
    }
}
