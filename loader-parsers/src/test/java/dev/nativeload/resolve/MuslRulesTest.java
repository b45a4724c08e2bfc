package dev.nativeload.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.testing.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** musl's search order; the musl dynamic linker's own {@code --list} is the reference where it applies. */
@EnabledOnOs(OS.LINUX)
@EnabledIfSystemProperty(named = "os.arch", matches = "amd64|x86_64", disabledReason = "fixtures and references are x86-64 Linux")
class MuslRulesTest {
    static final Path ELF = TestData.path("resolve", "elf");
    static final Path MUSL_LDSO = Path.of("/lib/ld-musl-x86_64.so.1");

    static ResolveHost.Musl host(Map<String, String> env, Optional<Path> pathFile) {
        return ResolveHost.linuxMusl(Architecture.X86_64).withEnv(env).withMuslPathFile(pathFile)
                .withMainOriginIsRealPath(false).withCurrentDir(ELF);
    }

    static Map<String, Optional<String>> muslList(Path file) throws Exception {
        Process p = new ProcessBuilder(MUSL_LDSO.toString(), "--list", file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return new LinkedHashMap<>(Ldd.parse(out).paths());
    }

    @Test
    void runpathOfTheWholeLoaderChainIsSearchedLikeMuslLdso() throws Exception {
        Path app = ELF.resolve("musl/app");
        DependencyNode tree = new DependencyResolver(host(Map.of(), Optional.empty())).resolve(app.toString());
        DependencyNode m2 = TreeFacts.node(tree, "libm2.so");
        assertEquals(How.RUNPATH, m2.how(), "libm1.so has no run path: the app's RUNPATH is inherited under musl");
        Map<String, Optional<String>> reference = muslList(app);
        assertEquals(Optional.of(MUSL_LDSO.toString()), reference.remove("libc.so"));
        assertEquals(reference, TreeFacts.loaded(tree));
        DependencyNode libc = TreeFacts.node(tree, "libc.so");
        assertEquals(How.ALREADY_LOADED, libc.how());
        assertEquals(Optional.of(MUSL_LDSO.toString()), libc.path());
    }

    @Test
    void muslRunpathIsInheritedByGrandchildrenUnlikeGlibc() throws Exception {
        DependencyNode tree = new DependencyResolver(host(Map.of(), Optional.empty()))
                .resolve(ELF.resolve("inherit/app_runpath").toString());
        assertEquals(Optional.of(ELF.resolve("inherit/lib/libgrand.so").toString()), TreeFacts.node(tree, "libgrand.so").path());
        assertEquals(How.RUNPATH, TreeFacts.node(tree, "libgrand.so").how());
    }

    @Test
    void muslSearchesLdLibraryPathBeforeRpath() throws Exception {
        Map<String, String> llp = Map.of("LD_LIBRARY_PATH", ELF.resolve("order/llp").toString());
        DependencyNode tree = new DependencyResolver(host(llp, Optional.empty())).resolve(ELF.resolve("order/app_rpath").toString());
        assertEquals(How.LD_LIBRARY_PATH, TreeFacts.node(tree, "libdep.so").how());
        assertEquals(Optional.of(ELF.resolve("order/llp/libdep.so").toString()), TreeFacts.node(tree, "libdep.so").path());
    }

    @Test
    void muslPathFileReplacesTheDefaultDirectories(@TempDir Path tmp) throws Exception {
        Path lib = ELF.resolve("musl/lib/libm1.so");
        DependencyNode without = new DependencyResolver(host(Map.of(), Optional.of(tmp.resolve("absent.path")))).resolve(lib.toString());
        DependencyNode m2 = TreeFacts.node(without, "libm2.so");
        assertEquals(How.NOT_FOUND, m2.how());
        assertEquals(List.of("/lib/libm2.so", "/usr/local/lib/libm2.so", "/usr/lib/libm2.so"),
                m2.tried().stream().map(Tried::path).toList());
        Path pathFile = tmp.resolve("ld-musl-x86_64.path");
        Files.writeString(pathFile, "/nonexistent\n" + ELF.resolve("musl/lib") + "\n");
        DependencyNode with = new DependencyResolver(host(Map.of(), Optional.of(pathFile))).resolve(lib.toString());
        assertEquals(How.MUSL_PATH_FILE, TreeFacts.node(with, "libm2.so").how());
        assertEquals(List.of("/nonexistent/libm2.so"), TreeFacts.node(with, "libm2.so").tried().stream().map(Tried::path).toList());
    }

    @Test
    void muslDoesNotSkipAWrongClassLibraryFoundFirst() throws Exception {
        DependencyNode tree = new DependencyResolver(host(Map.of(), Optional.empty())).resolve(ELF.resolve("wrongclass/app").toString());
        DependencyNode wc = TreeFacts.node(tree, "libwc.so");
        assertEquals(How.NOT_FOUND, wc.how());
        assertTrue(wc.note().orElseThrow().contains("wrongclass/i386/libwc.so"), wc.note().toString());
    }

    @Test
    void muslSecureModeIgnoresLdLibraryPathAndOriginRunpaths() throws Exception {
        Map<String, String> llp = Map.of("LD_LIBRARY_PATH", ELF.resolve("musl/lib").toString());
        DependencyNode tree = new DependencyResolver(host(llp, Optional.empty()).withSecure(true)).resolve(ELF.resolve("musl/app").toString());
        DependencyNode m1 = TreeFacts.node(tree, "libm1.so");
        assertEquals(How.NOT_FOUND, m1.how());
        assertTrue(m1.tried().stream().anyMatch(t -> t.reason().startsWith("secure mode")), m1.tried().toString());
        assertTrue(m1.tried().stream().noneMatch(t -> t.step() == How.Step.LD_LIBRARY_PATH), m1.tried().toString());
    }
}
