package dev.nativeload.internal.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.FakeAccess;
import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.binary.TargetOs;
import dev.nativeload.platform.Host;
import dev.nativeload.report.Diagnosis;
import dev.nativeload.report.FailureKind;
import dev.nativeload.resolve.ResolveHost;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SymbolPreCheck} on libraries gcc builds here, with the process's global scope played by the test. */
class SymbolPreCheckTest {
    private static final Host GLIBC = FakeAccess.GLIBC_X86_64;
    private static final ResolveHost LOADER = ResolveHost.forHost(GLIBC).withEnv(Map.of()).withCurrentDir(Path.of("/"));

    @TempDir
    Path dir;

    private Path library(String name, String code, String... extra) throws Exception {
        require("gcc");
        Path c = Files.writeString(dir.resolve(name + ".c"), code);
        List<String> cmd = new ArrayList<>(List.of("gcc", "-shared", "-fPIC", "-o", dir.resolve(name).toString(), c.toString()));
        cmd.addAll(List.of(extra));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, out);
        return dir.resolve(name);
    }

    /** A missing tool skips the test; under CI=true, {@code CiRunsEveryTest} makes that skip a failure. */
    private static void require(String program) {
        String path = Objects.requireNonNullElse(System.getenv("PATH"), "");
        Assumptions.assumeTrue(Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, program))), program + " is not installed");
    }

    private static SymbolPreCheck check(Optional<Boolean> processAnswer) {
        return new SymbolPreCheck(GLIBC, LOADER, (name, version) -> processAnswer);
    }

    @Test
    void aCalledFunctionNothingDefinesIsUndefinedSymbolNamingItAndItsReferrerWhenTheProcessLacksItToo() throws Exception {
        Path lib = library("libcalls.so", "void nl_absent(void);\nvoid f(void) { nl_absent(); }\n");
        Diagnosis d = check(Optional.of(false)).check(lib).orElseThrow();
        assertEquals(FailureKind.UNDEFINED_SYMBOL, d.kind());
        assertEquals(Optional.of(new Diagnosis.Culprit.Symbol("nl_absent", Optional.empty(), Optional.of(lib.toString()))), d.culprit());
        assertTrue(d.cause().contains("the first call of nl_absent would end the JVM"), d.cause());
    }

    @Test
    void aDataReferenceNothingDefinesIsSaidToFailTheLoadNotTheFirstCall() throws Exception {
        Path lib = library("libreads.so", "extern int nl_absent_var;\nint f(void) { return nl_absent_var; }\n");
        Diagnosis d = check(Optional.of(false)).check(lib).orElseThrow();
        assertTrue(d.cause().contains("the loader would refuse the library"), d.cause());
    }

    @Test
    void aReferenceTheProcessDefinesOrCannotTellAboutIsNotReported() throws Exception {
        Path lib = library("libcalls2.so", "void nl_absent2(void);\nvoid f(void) { nl_absent2(); }\n");
        assertEquals(Optional.empty(), check(Optional.of(true)).check(lib));
        assertEquals(Optional.empty(), check(Optional.empty()).check(lib));
    }

    @Test
    void aReferenceADependencyDefinesIsResolvedOfflineWithoutAskingTheProcess() throws Exception {
        library("libdep.so", "int nl_dep_fn(void) { return 1; }\n", "-Wl,-soname,libdep.so");
        Path lib = library("libuser.so", "int nl_dep_fn(void);\nint g(void) { return nl_dep_fn(); }\n",
                "-L" + dir, "-ldep", "-Wl,-rpath," + dir);
        SymbolPreCheck asksNothing = new SymbolPreCheck(GLIBC, LOADER, (name, version) -> {
            throw new AssertionError("the process was asked about " + name + version.map(v -> "@" + v).orElse(""));
        });
        assertEquals(Optional.empty(), asksNothing.check(lib));
    }

    @Test
    void aTreeWithAMissingDependencyIsNotBoundSoTheLoadersOwnRefusalDecides() throws Exception {
        library("libgone.so", "int nl_gone_fn(void) { return 1; }\n", "-Wl,-soname,libgone.so");
        Path lib = library("libneedsgone.so", "int nl_gone_fn(void);\nint g(void) { return nl_gone_fn(); }\n",
                "-L" + dir, "-lgone");
        Files.delete(dir.resolve("libgone.so"));
        assertEquals(Optional.empty(), check(Optional.of(false)).check(lib));
    }

    @Test
    void aLibraryRewrittenInPlaceIsBoundAgainNotAnsweredFromTheCache() throws Exception {
        Path lib = library("libfixed.so", "void nl_later(void);\nvoid f(void) { nl_later(); }\n");
        assertTrue(check(Optional.of(false)).check(lib).isPresent());
        library("libfixed.so", "void nl_later(void) {}\nvoid f(void) { nl_later(); }\n");
        Files.setLastModifiedTime(lib, FileTime.from(Instant.now().plusSeconds(5)));
        assertEquals(Optional.empty(), check(Optional.of(false)).check(lib));
    }

    @Test
    void onAMuslHostNothingIsBound() throws Exception {
        Path lib = library("libcalls3.so", "void nl_absent3(void);\nvoid f(void) { nl_absent3(); }\n");
        Host musl = Host.of(TargetOs.LINUX, Architecture.X86_64, LibcFlavor.MUSL, Optional.of("1.2.3"), 4096, false);
        SymbolPreCheck onMusl = new SymbolPreCheck(musl, ResolveHost.forHost(musl), (name, version) -> Optional.of(false));
        assertEquals(Optional.empty(), onMusl.check(lib));
    }
}
