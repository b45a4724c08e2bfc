package dev.nativeload.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.platform.HostProbe;
import dev.nativeload.testsupport.ChildJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first load in a new JVM keeps the failure path off the success path: a successful load loads
 * none of the diagnosis (internal.diagnose: pre-check, classifier, message table), the resolver,
 * the binary readers or the per-CPU probe, which only a failure or a file to pre-check needs. It
 * counts classes, not time: the JVM's own class-loading log ({@code -Xlog:class+load}) of a child
 * that does nothing but the load. A failing load in the same harness does load them, so the check
 * can see what it looks for.
 */
@EnabledOnOs(OS.LINUX)
class FirstLoadClassesTest {
    /** Packages and classes only a failure, or a file to pre-check, may load. */
    private static final List<String> FAILURE_PATH = List.of(
            "dev.nativeload.internal.diagnose.",
            "dev.nativeload.resolve.",
            "dev.nativeload.binary.elf.",
            "dev.nativeload.binary.pe.",
            "dev.nativeload.binary.macho.",
            "dev.nativeload.platform.HostProbe$Cpu");

    /**
     * C functions a successful first load does not bind (each binding of a new shape costs
     * milliseconds in a new JVM): the generated {@code gnu_get_libc_version}, {@code dlopen} and
     * {@code dlsym} (all three go through one shape of their own, {@code Dlfcn$TwoWords}), closing (bound on the first close), the page size (read from the
     * auxiliary vector on Linux), error texts (bound on the first failure), the error path of
     * {@code dlopen} ({@code errno}'s address, {@code dlopen} with {@code errno} captured,
     * {@code dlerror}: linked only once a plain {@code dlopen} failed), and {@code dlinfo} (glibc's
     * handle is the {@code struct link_map}, read in place).
     */
    private static final List<String> NOT_BOUND_ON_SUCCESS = List.of(
            "dev.nativeload.ffm.generated.posix.libc_version_h$gnu_get_libc_version",
            "dev.nativeload.ffm.generated.posix.dlfcn_h$dlopen",
            "dev.nativeload.ffm.generated.posix.dlfcn_h$dlsym",
            "dev.nativeload.ffm.generated.posix.dlfcn_h$dlclose",
            "dev.nativeload.ffm.generated.posix.unistd_h$sysconf",
            "dev.nativeload.ffm.generated.posix.string_h$strerror",
            "dev.nativeload.ffm.generated.posix.errno_h$__errno_location",
            "dev.nativeload.ffm.generated.posix.dlfcn_h$dlerror",
            "dev.nativeload.ffm.generated.posix.dlfcn_h$dlinfo",
            "dev.nativeload.ffm.Dlfcn$dlopen$",
            "dev.nativeload.ffm.Dlfcn$Errno",
            // not even initialised: their symbol lookup spins two classes (the success path's constants are literals)
            "dev.nativeload.ffm.generated.posix.dlfcn_h",
            "dev.nativeload.ffm.generated.posix.posix_shared");

    /**
     * Classes of ours that a load the OS's search satisfies does not need, each once loaded there: the
     * default chain's later steps (made when first reached), the failure's types that an
     * {@code instanceof} or the verifier used to load, and small holders merged into the class they served.
     */
    private static final List<String> NOT_LOADED_ON_SUCCESS = List.of(
            "dev.nativeload.internal.chain.DirectorySearchStrategy",
            "dev.nativeload.internal.chain.EmbeddedResourceStrategy",
            "dev.nativeload.spi.Layouts",
            "dev.nativeload.spi.ResourceLayout",
            "dev.nativeload.internal.cache.ExtractionException",
            "dev.nativeload.spi.OpenResult$Failed",
            "dev.nativeload.internal.chain.ChainResult$Failed",
            "dev.nativeload.spi.Candidate$File",
            "dev.nativeload.spi.Candidate$Unavailable",
            "dev.nativeload.LoaderUnsupportedException",
            "dev.nativeload.SymbolNotFoundException",
            "dev.nativeload.report.Diagnosis$Culprit",
            "dev.nativeload.internal.os.FileOpenResult",
            "dev.nativeload.internal.os.LockFileResult",
            "dev.nativeload.binary.MalformedBinaryException",
            "dev.nativeload.LoadLog");

    /**
     * How many classes of ours a load by name and a call may load: 54 when this was written (96, then
     * 85, before), each about a third of a millisecond of a new JVM's first load. A budget with a
     * little room, so a new class on the path is a decision, not an accident.
     */
    private static final int CLASS_BUDGET = 60;

    /**
     * JDK machinery a successful first load does not start (each costs milliseconds in a new JVM):
     * a record's generated {@code hashCode} ({@code ObjectMethods}), an indy string concatenation,
     * a regular expression, a {@code Formatter}, captured call state, the generated
     * {@code struct link_map} and its var handles, a service lookup (SLF4J's providers: a success is
     * not logged) and any class of SLF4J.
     */
    private static final List<String> NOT_STARTED_ON_SUCCESS = List.of(
            "java.lang.runtime.ObjectMethods",
            "java.lang.invoke.StringConcatFactory",
            "java.util.regex.Pattern",
            "java.util.Formatter",
            "jdk.internal.foreign.abi.CapturableState",
            "dev.nativeload.ffm.generated.posix.lp64.link_map",
            "java.util.ServiceLoader",
            "org.slf4j.Logger",
            "org.slf4j.LoggerFactory");

    @TempDir
    Path dir;

    /** {@return the classes a child JVM running {@link FirstLoadMain} with {@code way} (its arguments, space-separated) loaded, after checking what it printed} */
    private List<String> classesLoaded(String way, String expectedOutputStart) throws IOException, InterruptedException {
        String[] args = way.split(" ");
        Path log = dir.resolve(args[0] + ".log");
        List<String> command = new ArrayList<>(List.of(ChildJvm.java(), "--enable-native-access=ALL-UNNAMED",
                "-Xlog:class+load=info:file=" + log + ":none", "-cp", ChildJvm.classPath(FirstLoadMain.class),
                FirstLoadMain.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child JVM ended");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.startsWith(expectedOutputStart), out);
        List<String> classes = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            int space = line.indexOf(' ');
            classes.add(space < 0 ? line : line.substring(0, space));
        }
        assertTrue(classes.contains("dev.nativeload.spi.NativeAccess"), "the log lists the loader's classes: " + classes.size());
        return classes;
    }

    /** Loads each class by name: a check that a name is absent from the log can fail only if it names a real class. */
    private static void requireRealClasses(List<String> names) throws ClassNotFoundException {
        for (String c : names) {
            Class.forName(c, false, FirstLoadClassesTest.class.getClassLoader());
        }
    }

    private static List<String> onTheFailurePath(List<String> classes) {
        return classes.stream().filter(c -> FAILURE_PATH.stream().anyMatch(c::startsWith)).toList();
    }

    @Test
    void aSuccessfulFirstLoadLoadsNoDiagnosisResolverOrBinaryReader() throws Exception {
        List<String> classes = classesLoaded("ok", "zlib 1.");
        assertEquals(List.of(), onTheFailurePath(classes));
    }

    @Test
    void aSuccessfulFirstLoadBindsNeitherCloseNorPageSizeNorErrorTexts() throws Exception {
        List<String> classes = classesLoaded("ok", "zlib 1.");
        assertTrue(classes.contains("dev.nativeload.ffm.Dlfcn$TwoWords"), "the log names the bound shape");
        assertEquals(List.of(), classes.stream().filter(NOT_BOUND_ON_SUCCESS::contains).toList());
    }

    @Test
    void aSuccessfulFirstLoadMakesNoLaterStepNorLoadsTheFailuresTypesAndStaysWithinItsClassBudget() throws Exception {
        requireRealClasses(NOT_LOADED_ON_SUCCESS);
        List<String> classes = classesLoaded("ok", "zlib 1.");
        assertEquals(List.of(), classes.stream().filter(NOT_LOADED_ON_SUCCESS::contains).toList());
        List<String> ours = classes.stream().filter(c -> c.startsWith("dev.nativeload.") && !c.startsWith("dev.nativeload.startup.")).toList();
        assertTrue(ours.size() <= CLASS_BUDGET, ours.size() + " classes of ours: " + ours);
    }

    /**
     * Each downcall shape is a class the JDK spins ({@code DowncallStub}) and costs milliseconds in a
     * new JVM. A load and a lookup make one, which {@code gnu_get_libc_version} (the host's glibc),
     * {@code dlopen} and {@code dlsym} share. The caller's own call then makes the second.
     */
    @Test
    void aFirstLoadAndLookupSpinOneDowncallShapeAndTheCallersOwnCallMakesTheSecond() throws Exception {
        assertEquals(1, downcallStubs(classesLoaded("find", "found true")));
        assertEquals(2, downcallStubs(classesLoaded("ok", "zlib 1.")));
    }

    private static long downcallStubs(List<String> classes) {
        return classes.stream().filter(c -> c.startsWith("jdk.internal.foreign.abi.DowncallStub")).count();
    }

    @Test
    void aSuccessfulFirstLoadStartsNoRecordHashStringConcatRegexFormatterCallStateLinkMapLayoutServiceLookupOrSlf4j() throws Exception {
        List<String> classes = classesLoaded("ok", "zlib 1.");
        assertTrue(classes.contains("java.lang.foreign.Linker"), "the log names JDK classes");
        assertEquals(List.of(), classes.stream().filter(NOT_STARTED_ON_SUCCESS::contains).toList());
    }

    /**
     * On glibc, whose {@code dlopen} restores {@code errno}, a failed plain {@code dlopen}'s message is read
     * at once through the shape {@code dlopen} used, so even a failing first load links none of the error
     * path (musl and macOS still link it: there {@code errno} may tell). The names checked are real classes
     * (loaded here by name), so the check cannot pass by misspelling them.
     */
    @Test
    void aFailedFirstLoadOnGlibcReadsDlerrorThroughTheOpenShapeAndLinksNoErrorPath() throws Exception {
        // dlopen with errno captured, errno's reader and the generated dlerror (the explanation of the failure
        // that follows may capture call state of its own, so the JDK's call-state class is not among them)
        List<String> errorPath = List.of("dev.nativeload.ffm.Dlfcn$dlopen$", "dev.nativeload.ffm.Dlfcn$Errno",
                "dev.nativeload.ffm.generated.posix.dlfcn_h$dlerror");
        requireRealClasses(errorPath);
        assumeTrue(HostProbe.fromFiles().libc() == LibcFlavor.GLIBC, "glibc only");
        List<String> classes = classesLoaded("fail", "failed NOT_FOUND");
        assertEquals(List.of(), classes.stream().filter(errorPath::contains).toList());
    }

    @Test
    void theFirstFailedOpenOfANewJvmReportsItsOwnFilesDlerrorText() throws Exception {
        Path missing = dir.resolve("libnativeload_absent.so");
        classesLoaded("raw-fail " + missing, "dlopen: " + missing + ": cannot open shared object file: No such file or directory");
    }

    @Test
    void aFailedFirstLoadDoesLoadTheDiagnosisSoTheCheckAboveCanSeeIt() throws Exception {
        List<String> classes = classesLoaded("fail", "failed NOT_FOUND");
        List<String> failurePath = onTheFailurePath(classes);
        assertTrue(failurePath.stream().anyMatch(c -> c.startsWith("dev.nativeload.internal.diagnose.")), String.valueOf(failurePath));
        assertTrue(failurePath.stream().anyMatch(c -> c.startsWith("dev.nativeload.resolve.")), String.valueOf(failurePath));
        assertFalse(failurePath.isEmpty());
    }
}
