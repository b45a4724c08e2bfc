package dev.nativeload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nativeload.report.FailureKind;
import dev.nativeload.NativeLoadException;
import dev.nativeload.NativeLoader;
import dev.nativeload.binary.elf.ElfLoadHeaders;
import dev.nativeload.internal.diagnose.CpuFlags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nativeload doctor --json} on libraries that kill, hang or fail the process loading them, built by
 * {@code testdata/zoo2/crash/build.sh} (each source cites the public report it rebuilds). The trial load
 * runs in a child JVM: every verdict here was printed by a doctor whose own JVM (this test's) lived on.
 */
class CrashZooTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private record Verdict(int status, JsonNode node) {
        JsonNode cause() {
            return node.get("cause");
        }

        String kind() {
            return cause().get("kind").asText();
        }

        String message() {
            return cause().get("message").asText();
        }

        String hint() {
            return cause().get("hint").asText();
        }
    }

    private Verdict doctor(String... args) throws Exception {
        String[] full = new String[args.length + 2];
        full[0] = "doctor";
        full[1] = "--json";
        System.arraycopy(args, 0, full, 2, args.length);
        CliRun run = CliRun.run(dir, full);
        List<String> lines = run.outLines();
        assertEquals(1, lines.size(), "one JSON object on one line:\n" + run.out() + "\nstderr:\n" + run.err());
        return new Verdict(run.status(), JSON.readTree(lines.get(0)));
    }

    private static Path zoo(String file) throws Exception {
        return CrashZoo.dir().resolve(file);
    }

    private static void assertInitFailedBySignal(Verdict v, String signal, String library, String faultingIn) {
        assertEquals(1, v.status(), v.node().toString());
        assertFalse(v.node().get("loaded").asBoolean());
        assertEquals("INIT_FAILED", v.kind(), v.cause().toString());
        assertTrue(v.message().contains("killed by " + signal), v.message());
        assertTrue(v.message().contains(library), v.message());
        assertTrue(v.message().contains("the faulting code is in " + faultingIn), v.message());
        assertFalse(v.hint().isBlank());
    }

    @Test
    void constructorRunningAnIllegalInstructionIsInitFailedNamingSigillAndTheLibrary() throws Exception {
        Verdict v = doctor(zoo("libctor_sigill.so").toString());
        assertInitFailedBySignal(v, "SIGILL", zoo("libctor_sigill.so").toString(), "libctor_sigill.so (zoo_init)");
        assertTrue(v.hint().contains("instruction this CPU does not have"), v.hint());
    }

    @Test
    void constructorWritingThroughNullIsInitFailedNamingSigsegv() throws Exception {
        Verdict v = doctor(zoo("libctor_sigsegv.so").toString());
        assertInitFailedBySignal(v, "SIGSEGV", zoo("libctor_sigsegv.so").toString(), "libctor_sigsegv.so (zoo_init)");
    }

    @Test
    void constructorReadingACutMappingIsInitFailedNamingSigbus() throws Exception {
        Verdict v = doctor(zoo("libctor_sigbus.so").toString());
        assertInitFailedBySignal(v, "SIGBUS", zoo("libctor_sigbus.so").toString(), "libctor_sigbus.so (zoo_init)");
    }

    @Test
    void constructorCallingAbortIsInitFailedNamingSigabrt() throws Exception {
        Verdict v = doctor(zoo("libctor_sigabrt.so").toString());
        assertEquals(1, v.status());
        assertEquals("INIT_FAILED", v.kind(), v.cause().toString());
        // abort() is not caught by the JVM: no crash log, so no faulting frame; the exit status names the signal.
        assertTrue(v.message().contains("killed by SIGABRT while loading " + zoo("libctor_sigabrt.so")), v.message());
        assertTrue(v.hint().contains("abort()"), v.hint());
        assertTrue(v.message().contains("before dying it wrote: zoo: static initializer failed: no configuration found"),
                v.message());
    }

    @Test
    void dependencyConstructorCrashNamesTheDependencyAsTheFaultingCode() throws Exception {
        Verdict v = doctor(zoo("crashdep/libuser.so").toString());
        assertInitFailedBySignal(v, "SIGSEGV", zoo("crashdep/libuser.so").toString(), "libdep.so (dep_init)");
    }

    @Test
    void constructorThatNeverReturnsIsABoundedTimeoutVerdict() throws Exception {
        long t0 = System.nanoTime();
        Verdict v = doctor("--timeout", "20", zoo("libctor_hang.so").toString());
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
        assertEquals(1, v.status());
        assertEquals("INIT_FAILED", v.kind(), v.cause().toString());
        assertTrue(v.message().contains("did not finish within 20 s"), v.message());
        assertTrue(v.message().contains(zoo("libctor_hang.so").toString()), v.message());
        assertTrue(seconds < 60, "the doctor returned after " + seconds + " s");
        assertTrue(ProcessHandle.current().descendants().noneMatch(p -> p.info().commandLine().orElse("").contains("TrialLoad")),
                "the hung child was killed");
    }

    @Test
    void jniOnLoadReturningJniErrIsInitFailedNamingJniOnLoadWithTheJvmsWords() throws Exception {
        Verdict v = doctor(zoo("libjni_err.so").toString());
        assertEquals(1, v.status());
        assertEquals("INIT_FAILED", v.kind());
        assertTrue(v.message().startsWith("JNI_OnLoad of libjni_err.so returned JNI_ERR"), v.message());
        assertEquals("JNI_OnLoad", v.cause().get("symbol").asText());
        assertTrue(v.cause().get("osMessage").asText().contains("unsupported JNI version 0xFFFFFFFF"), v.cause().toString());
        JsonNode attempts = v.node().get("attempts");
        assertEquals("LOADED", attempts.get(attempts.size() - 2).get("outcome").asText(), "dlopen itself worked: " + attempts);
        assertEquals("jni", attempts.get(attempts.size() - 1).get("strategy").asText());
    }

    @Test
    void jniOnLoadAskingForAnUnknownVersionIsInitFailedQuotingIt() throws Exception {
        Verdict v = doctor(zoo("libjni_badversion.so").toString());
        assertEquals(1, v.status());
        assertEquals("INIT_FAILED", v.kind());
        assertTrue(v.cause().get("osMessage").asText().contains("unsupported JNI version 0x00010007"), v.cause().toString());
    }

    @Test
    void jniOnLoadThrowingIsInitFailedNamingTheException() throws Exception {
        Verdict v = doctor(zoo("libjni_throws.so").toString());
        assertEquals(1, v.status());
        assertEquals("INIT_FAILED", v.kind());
        assertTrue(v.message().contains("JNI_OnLoad of libjni_throws.so threw java.lang.NoClassDefFoundError"), v.message());
        assertTrue(v.hint().contains("shading"), v.hint());
    }

    @Test
    void jniOnLoadRunningAnIllegalInstructionIsSigillInJniOnLoad() throws Exception {
        Verdict v = doctor(zoo("libjni_sigill.so").toString());
        assertInitFailedBySignal(v, "SIGILL", "JNI_OnLoad of " + zoo("libjni_sigill.so"), "libjni_sigill.so (JNI_OnLoad)");
        assertEquals("JNI_OnLoad", v.cause().get("symbol").asText());
    }

    @Test
    void workingJniOnLoadLoadsAndTheJniStepIsReported() throws Exception {
        Verdict v = doctor(zoo("libjni_ok.so").toString());
        assertEquals(0, v.status(), v.node().toString());
        JsonNode last = v.node().get("attempts").get(v.node().get("attempts").size() - 1);
        assertEquals("jni", last.get("strategy").asText());
        assertEquals("LOADED", last.get("outcome").asText());
    }

    @Test
    void trialLoadHappensInAChildJvmAndLeavesTheDoctorsProcessWithoutTheLibrary() throws Exception {
        Path lib = Files.copy(zoo("libjni_ok.so"), dir.resolve("libchildonly.so"));
        Verdict v = doctor(lib.toString());
        assertEquals(0, v.status(), v.node().toString());
        assertEquals(lib.toString(), v.node().get("path").asText());
        String maps = Files.readString(Path.of("/proc/self/maps"));
        assertFalse(maps.contains(lib.toString()), "the doctor's own JVM mapped " + lib);
    }

    @Test
    void jniStepRunsOnlyWhenAskedForALibraryWithoutJniOnLoad() throws Exception {
        Verdict auto = doctor(zoo("plain/libplain.so").toString());
        assertEquals(0, auto.status());
        auto.node().get("attempts").forEach(a -> assertFalse(a.get("strategy").asText().equals("jni"), a.toString()));
        Verdict always = doctor("--jni", "always", zoo("plain/libplain.so").toString());
        assertEquals(0, always.status());
        JsonNode attempts = always.node().get("attempts");
        assertEquals("jni", attempts.get(attempts.size() - 1).get("strategy").asText());
        Verdict never = doctor("--jni", "never", zoo("libjni_err.so").toString());
        assertEquals(0, never.status(), "without the JNI step the library loads: " + never.node());
    }

    @Test
    void libraryCutShortIsTruncatedNamingBothSizesBeforeDlopen() throws Exception {
        Path lib = zoo("libtrunc.so");
        long whole = ElfLoadHeaders.read(lib).extent();
        Verdict v = doctor(lib.toString());
        assertEquals(1, v.status());
        assertEquals("TRUNCATED", v.kind(), v.cause().toString());
        assertTrue(v.message().startsWith("libtrunc.so is " + Files.size(lib) + " bytes, but its program headers need " + whole),
                v.message());
        assertTrue(whole > Files.size(lib));
        assertEquals("SKIPPED", v.node().get("attempts").get(0).get("outcome").asText(), "refused before dlopen");
        assertTrue(v.hint().contains("complete copy"), v.hint());
    }

    @Test
    void dependencyCutShortIsTruncatedNamingTheDependencyAndWhoNeedsIt() throws Exception {
        Verdict v = doctor(zoo("truncdep/libuser.so").toString());
        assertEquals(1, v.status());
        assertEquals("TRUNCATED", v.kind(), v.cause().toString());
        assertEquals("libdep.so", v.cause().get("dependency").asText());
        assertEquals(zoo("truncdep/libuser.so").toString(), v.cause().get("neededBy").asText());
        assertTrue(v.message().contains(zoo("truncdep/libdep.so").toString()), v.message());
    }

    @Test
    void nativeLoaderInThisJvmRefusesCutShortLibrariesInsteadOfDyingOfSigbus() throws Exception {
        for (String file : List.of("libtrunc.so", "truncdep/libuser.so")) {
            NativeLoadException e = assertThrows(NativeLoadException.class, () -> NativeLoader.load(zoo(file)));
            assertEquals(FailureKind.TRUNCATED, e.kind(), file + ": " + e.getMessage());
        }
    }

    @Test
    void fifoAsTheLibraryIsNotAFileWithoutOpeningIt() throws Exception {
        Path fifo = mkfifo(dir.resolve("libpipe.so"));
        Verdict v = doctor("--timeout", "60", fifo.toString());
        assertEquals(1, v.status());
        assertEquals("NOT_A_FILE", v.kind(), v.cause().toString());
        assertTrue(v.message().contains(fifo.toString()), v.message());
    }

    @Test
    void fifoWhereADependencyIsSearchedIsNotAFileNamingTheDependency() throws Exception {
        Files.copy(zoo("fifodep/libuser.so"), dir.resolve("libuser.so"), StandardCopyOption.REPLACE_EXISTING);
        Path fifo = mkfifo(dir.resolve("libdep.so"));
        Verdict v = doctor("--timeout", "60", dir.resolve("libuser.so").toString());
        assertEquals(1, v.status());
        assertEquals("NOT_A_FILE", v.kind(), v.cause().toString());
        assertEquals("libdep.so", v.cause().get("dependency").asText());
        assertTrue(v.message().startsWith(fifo + ", where the loader looks for the dependency libdep.so"), v.message());
        assertTrue(v.message().contains("block the load forever"), v.message());
    }

    @Test
    void isaLevelMarkIsCheckedAgainstThisCpusFlags() throws Exception {
        CpuFlags cpu = CpuFlags.thisCpu().orElseThrow(() -> new AssertionError("/proc/cpuinfo has no flags line"));
        for (int level = 2; level <= 4; level++) {
            Path lib = zoo("libisa_v" + level + ".so");
            long bits = ElfLoadHeaders.read(lib).x86IsaNeeded().orElseThrow();
            List<String> missing = cpu.missingFor(bits);
            Verdict v = doctor(lib.toString());
            if (missing.isEmpty()) {
                assertEquals(0, v.status(), "this CPU has every x86-64-v" + level + " flag: " + v.node());
            } else {
                assertEquals(1, v.status());
                assertEquals("WRONG_ARCHITECTURE", v.kind(), v.cause().toString());
                assertTrue(v.message().contains("needing x86-64-v" + level) && v.message().contains(missing.getFirst()), v.message());
            }
        }
    }

    private static Path mkfifo(Path path) throws Exception {
        CrashZoo.require(CrashZoo.onPath("mkfifo"), "mkfifo is not installed");
        Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo " + path);
        return path;
    }
}
