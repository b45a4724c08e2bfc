package dev.nativeload.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.ffm.fixtures.Toolchain;
import dev.nativeload.platform.HostProbe;
import dev.nativeload.testsupport.ChildJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A library installed without its development symlink (only {@code libnlvers.so.1}, as a runtime package
 * installs it) is found by the directory search after the OS's search for {@code libnlvers.so} failed.
 * That first refusal is explained only when the report is read, and the found file is checked before its
 * {@code dlopen} without the noexec mount check, so the load itself builds no classifier, message table or
 * strerror index and binds no {@code strerror} or {@code statvfs} (and, on glibc, not the error path of
 * {@code dlopen}: the refusal's message is read through the open's own shape); the report read afterwards
 * is complete.
 * Counted in a child JVM's class-loading log, as {@link FirstLoadClassesTest} does.
 */
@EnabledOnOs(OS.LINUX)
class VersionedSonameFirstLoadTest {
    /** What the load of a file found after a refusal does not load: the refusal's explanation and the mount check. */
    private static final List<String> OFF_THE_LOAD = List.of(
            "dev.nativeload.internal.diagnose.FailureClassifier",
            "dev.nativeload.internal.diagnose.MessageTable",
            "dev.nativeload.internal.diagnose.LoaderMessage",
            "dev.nativeload.internal.diagnose.StrerrorIndex",
            "dev.nativeload.internal.diagnose.ErrnoTable",
            "dev.nativeload.ffm.generated.posix.string_h$strerror",
            "dev.nativeload.ffm.Statvfs");

    /** The error path of {@code dlopen}, which glibc's refusal no longer needs: its message is read through the open's own shape. */
    private static final List<String> ERROR_PATH = List.of(
            "dev.nativeload.ffm.Dlfcn$dlopen$",
            "dev.nativeload.ffm.Dlfcn$Errno",
            "dev.nativeload.ffm.generated.posix.dlfcn_h$dlerror");

    private static final String MARKER = VersionedSonameMain.ReportRead.class.getName();

    @TempDir
    static Path dir;

    @BeforeAll
    static void buildTheVersionedLibrary() throws IOException {
        boolean gcc = Toolchain.installed("gcc");
        if (!gcc && "true".equals(System.getenv("CI"))) {
            fail("gcc is not installed (CI=true: a missing tool fails the test)");
        }
        assumeTrue(gcc, "gcc is not installed; the fixture needs it");
        Path source = Files.writeString(dir.resolve("nlvers.c"), "int nlvers_answer(void) { return 42; }\n");
        Toolchain.check(dir, "gcc", "-shared", "-fPIC", "-Wl,-soname,libnlvers.so.1", "-o",
                dir.resolve("libnlvers.so.1").toString(), source.toString());
    }

    /** The child's output lines and the classes it loaded before and after the marker. */
    private record Child(List<String> out, List<String> duringLoad, List<String> afterLoad) {
    }

    private static Child run() throws IOException, InterruptedException {
        Path log = dir.resolve("classes.log");
        Process p = new ProcessBuilder(ChildJvm.java(), "--enable-native-access=ALL-UNNAMED",
                "-Xlog:class+load=info:file=" + log + ":none", "-cp", ChildJvm.classPath(VersionedSonameMain.class),
                VersionedSonameMain.class.getName(), dir.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child JVM ended");
        assertEquals(0, p.exitValue(), out);
        List<String> during = new ArrayList<>();
        List<String> after = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            int space = line.indexOf(' ');
            String c = space < 0 ? line : line.substring(0, space);
            (after.isEmpty() && !c.equals(MARKER) ? during : after).add(c);
        }
        assertTrue(during.contains("dev.nativeload.spi.NativeAccess"), "the log lists the loader's classes");
        assertTrue(after.contains(MARKER), "the log has the marker");
        return new Child(out.lines().toList(), during, after);
    }

    @Test
    void aLibraryWithOnlyItsVersionedSonameLoadsThroughTheDirectorySearchAfterTheSystemStepFailed() throws Exception {
        Child child = run();
        Path lib = dir.resolve("libnlvers.so.1").toRealPath();
        assertEquals("loaded " + lib, child.out().getFirst(), String.join("\n", child.out()));
        List<String> attempts = child.out().subList(2, child.out().size());
        assertTrue(attempts.getFirst().startsWith("system|libnlvers.so|failed|NOT_FOUND|libnlvers.so: cannot open shared object file"),
                String.join("\n", attempts));
        assertTrue(attempts.getLast().startsWith("directory-search|" + dir.resolve("libnlvers.so.1") + "|loaded||"),
                String.join("\n", attempts));
    }

    @Test
    void theRefusalBeforeTheSuccessIsExplainedWhenTheReportIsReadNotDuringTheLoad() throws Exception {
        Child child = run();
        assertEquals(List.of(), child.duringLoad().stream().filter(c -> OFF_THE_LOAD.stream().anyMatch(c::startsWith)).toList());
        assertTrue(child.afterLoad().contains("dev.nativeload.internal.diagnose.FailureClassifier"),
                "reading the report explains the refusal, so the check above can see the classifier");
    }

    @Test
    void onGlibcTheSystemStepsRefusalIsReadWithoutLinkingTheErrorPathOfDlopen() throws Exception {
        assumeTrue(HostProbe.fromFiles().libc() == LibcFlavor.GLIBC, "glibc only");
        Child child = run();
        assertEquals(List.of(), child.duringLoad().stream().filter(ERROR_PATH::contains).toList());
    }

    @Test
    void theFileFoundIsStillCheckedByItsHeadersAndCrashGuardBeforeItsOpen() throws Exception {
        Child child = run();
        for (String check : List.of("dev.nativeload.internal.diagnose.PreLoadCheck", "dev.nativeload.internal.diagnose.CrashGuard",
                "dev.nativeload.binary.elf.ElfFile")) {
            assertTrue(child.duringLoad().contains(check), check);
        }
    }
}
