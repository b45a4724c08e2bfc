package dev.nativeload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nativeload.testsupport.ChildJvm;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code nativeload explain} over log excerpts users posted publicly (each file under
 * {@code src/test/resources/explain} cites its source on its first line) and over failures these tests
 * build for real in a child JVM.
 */
class ExplainCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Path log(String name) {
        return Path.of("src", "test", "resources", "explain", name).toAbsolutePath();
    }

    private static List<JsonNode> explain(Path file) throws IOException {
        CliRun run = CliRun.run(file.getParent(), "explain", "--json", file.toString());
        List<JsonNode> found = new ArrayList<>();
        for (String line : run.outLines()) {
            found.add(JSON.readTree(line));
        }
        assertEquals(found.isEmpty() ? 0 : 1, run.status(), run.out() + run.err());
        return found;
    }

    private static JsonNode only(String name) throws IOException {
        List<JsonNode> found = explain(log(name));
        assertEquals(1, found.size(), found.toString());
        return found.get(0);
    }

    private static void assertFailure(JsonNode f, int line, String library, String kind) {
        assertEquals(line, f.get("line").asInt(), f.toString());
        assertEquals(library, f.get("library").asText(), f.toString());
        assertEquals(kind, f.get("kind").asText(), f.toString());
        assertFalse(f.get("cause").asText().isBlank() || f.get("hint").asText().isBlank(), f.toString());
    }

    @Test
    void jnaUnableToLoadNamesTheLibraryAskedForAndTakesTheKindFromTheLoadersWords() throws IOException {
        JsonNode f = only("jna-unable-hs.log");
        assertFailure(f, 3, "hs", "NOT_FOUND");
        assertFalse(f.has("dependency"), "libhs.so is the library itself, not a dependency: " + f);
        assertTrue(f.get("cause").asText().contains("No such file or directory"), f.toString());
    }

    @Test
    void glibcVersionNotFoundNamesTheTooOldDependencyTheVersionAndWhoNeedsIt() throws IOException {
        JsonNode f = only("glibc-version.log");
        assertFailure(f, 2, "/tmp/nativeutils879005385204760/libglide_rs.so", "VERSION_NOT_FOUND");
        assertEquals("/lib/x86_64-linux-gnu/libc.so.6", f.get("dependency").asText());
        assertEquals("/tmp/nativeutils879005385204760/libglide_rs.so", f.get("neededBy").asText());
        assertEquals("GLIBC_2.34", f.get("version").asText());
    }

    @Test
    void muslMissingGlibcsOwnLoaderIsAGlibcLibraryOnMuslNotAMissingFile() throws IOException {
        JsonNode f = only("musl-glibc-library.log");
        assertFailure(f, 3, "/opt/Pigeon-Server_APP/QQ_Bot/data/xyz.cssxsh.mirai.plugin.mirai-skia-plugin/lib/libskiko-linux-x64.so", "WRONG_LIBC");
        assertEquals("ld-linux-x86-64.so.2", f.get("dependency").asText());
        assertTrue(f.get("hint").asText().contains("musl"), f.toString());
    }

    @Test
    void muslErrorLoadingSharedLibraryNamesTheMissingDependencyAndWhoNeedsIt() throws IOException {
        JsonNode f = only("musl-dependency.log");
        String lib = "/usr/local/tomcat/.javacpp/cache/nd4j-native-1.0.0-beta3-linux-x86_64.jar/org/nd4j/nativeblas/linux-x86_64/libnd4jcpu.so";
        assertFailure(f, 3, lib, "MISSING_DEPENDENCY");
        assertEquals("libmkldnn.so.0", f.get("dependency").asText());
        assertEquals(lib, f.get("neededBy").asText());
    }

    @Test
    void nettysChainOfExceptionsIsOneFailureNamingTheTransport() throws IOException {
        JsonNode f = only("netty-epoll.log");
        assertFailure(f, 2, "netty_transport_native_epoll_x86_64", "NOT_FOUND");
        assertTrue(f.get("hint").asText().contains("classifier"), f.toString());
    }

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "sqlite-jdbc without a native for the OS and architecture is NOT_FOUND | sqlite-ppc64le.log | 2 | sqlitejdbc | NOT_FOUND",
        "snappy-java's FAILED_TO_LOAD_NATIVE_LIBRARY is NOT_FOUND | snappy-aarch64.log | 2 | snappyjava | NOT_FOUND",
        "LWJGL's Failed to locate library names the file | lwjgl.log | 6 | liblwjgl.so | NOT_FOUND",
        "JavaCPP's Could not find names the JNI library | javacpp-tensorflow.log | 3 | jnitensorflow | NOT_FOUND",
        "JNA's not found in resource path names the resource | jna-resource-path.log | 2 | com/sun/jna/sunos-x86/libjnidispatch.so | NOT_FOUND",
        "dyld's incompatible architecture names the file dlopen was given | dyld-arch.log | 2 | /private/var/folders/20/f4mbvpk51v154ghfw4dcdplh0000gn/T/libapriltag.dylib | WRONG_ARCHITECTURE",
        "Windows' Can't find dependent libraries is a missing dependency of the DLL | windows-dependent.log | 2 | C:\\Users\\xx\\Documents\\workspace\\libjitsi\\target\\classes\\win32-x86-64\\jnsctp.dll | MISSING_DEPENDENCY",
        "a message the JDK repeats in one stack trace is one failure at its first line | zstd-repeated.log | 2 | /linux/amd64/libzstd-jni.so | NOT_FOUND"
    })
    void aQuotedLogsOneFailureIsReadWithItsLineLibraryAndKind(String rule, String log, int line, String library, String kind) throws IOException {
        assertFailure(only(log), line, library, kind);
    }

    @Test
    void twoLibrariesFailingInOneStackTraceAreTwoFailures() throws IOException {
        List<JsonNode> found = explain(log("javacpp-opencv.log"));
        assertEquals(2, found.size(), found.toString());
        assertFailure(found.get(0), 2, "jniopencv_core", "NOT_FOUND");
        assertFailure(found.get(1), 6, "opencv_imgproc310", "NOT_FOUND");
    }

    @Test
    void oneFailureInARecordItsExceptionAndItsCauseIsReportedOnceAndAgainWhenALaterRecordLogsIt() throws IOException {
        List<JsonNode> found = explain(log("logged-twice.log"));
        assertEquals(2, found.size(), found.toString());
        assertEquals(2, found.get(0).get("line").asInt());
        assertEquals(9, found.get(1).get("line").asInt());
        assertEquals("GLIBC_2.11", found.get(1).get("version").asText());
    }

    @Test
    void aJsonLinesRecordIsReadFromItsFieldsAndReportedAtItsLine() throws IOException {
        JsonNode f = only("json-lines.log");
        assertFailure(f, 2, "/tmp/nativeutils879005385204760/libglide_rs.so", "VERSION_NOT_FOUND");
        assertEquals("GLIBC_2.34", f.get("version").asText());
    }

    @Test
    void ciTimeStampsBeforeEveryLineDoNotSplitTheMessageOrTheTrace() throws IOException {
        JsonNode f = only("ci-prefixed.log");
        assertFailure(f, 2, "/linux/aarch_64/libzstd-jni-1.5.6-3.so", "NOT_FOUND");
    }

    @Test
    void failuresThatAreNotNativeLoadsAreNotReported() throws IOException {
        CliRun run = CliRun.run(dir, "explain", "--json", log("not-native.log").toString());
        assertEquals(0, run.status(), run.out() + run.err());
        assertEquals("", run.out());
        CliRun text = CliRun.run(dir, "explain", log("not-native.log").toString());
        assertEquals(0, text.status());
        assertTrue(text.out().contains("no native-library load failure found"), text.out());
    }

    @Test
    void textOutputHasOneBlockPerFailureWithItsLineKindCauseAndHint() {
        CliRun run = CliRun.run(dir, "explain", log("javacpp-opencv.log").toString());
        assertEquals(1, run.status(), run.err());
        assertTrue(run.out().contains("line 2: jniopencv_core did not load (NOT_FOUND)"), run.out());
        assertTrue(run.out().contains("line 6: opencv_imgproc310 did not load (NOT_FOUND)"), run.out());
        assertEquals(2, run.out().split("\n  hint: ", -1).length - 1, run.out());
        assertTrue(run.out().contains("2 native-library load failure(s) found"), run.out());
    }

    @Test
    void aDashOrNoFileReadsStandardInput() throws IOException {
        String log = Files.readString(log("snappy-aarch64.log"));
        for (String[] args : List.of(new String[] {"explain", "--json", "-"}, new String[] {"explain", "--json"})) {
            CliRun run = CliRun.withStdin(dir, log, args);
            assertEquals(1, run.status(), run.err());
            assertEquals("snappyjava", JSON.readTree(run.outLines().get(0)).get("library").asText());
        }
    }

    @Test
    void aMissingFileOrADirectoryIsAUsageError() {
        CliRun missing = CliRun.run(dir, "explain", "no-such.log");
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("no such file: no-such.log"), missing.err());
        assertEquals(2, CliRun.run(dir, "explain", ".").status());
        assertEquals(2, CliRun.run(dir, "explain", "a.log", "b.log").status());
    }

    @Test
    void aGigabyteLineWithoutANewlineIsReadInBoundedMemoryAndTheFailureAfterItIsFound() {
        long gigabyte = 1L << 30;
        InputStream huge = new InputStream() {
            private long left = gigabyte;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                left -= n;
                return n;
            }
        };
        InputStream tail = new ByteArrayInputStream(("\njava.lang.UnsatisfiedLinkError: no zstd-jni in java.library.path\n")
                .getBytes(StandardCharsets.UTF_8));
        CliRun run = CliRun.withStdin(dir, new SequenceInputStream(huge, tail), "explain", "--json");
        assertEquals(1, run.status(), run.err());
        assertTrue(run.out().startsWith("{\"line\":2,\"library\":\"zstd-jni\""), run.out());
    }

    // Real failures: the JVM's own words, from System.load in a child JVM.

    private static String systemLoad(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(ChildJvm.command(SystemLoadMain.class, file.toString())).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child JVM did not finish");
        assertNotEquals(0, p.exitValue(), "the load was meant to fail: " + out);
        assertTrue(out.contains("UnsatisfiedLinkError"), out);
        return out;
    }

    /** The 1-based line of the child's output where the JVM's message starts (the JVM may warn first). */
    private static int messageLine(String output) {
        List<String> lines = output.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("UnsatisfiedLinkError")) {
                return i + 1;
            }
        }
        throw new AssertionError("no UnsatisfiedLinkError in " + output);
    }

    private List<JsonNode> explainText(String log) throws IOException {
        Path file = dir.resolve("child.log");
        Files.writeString(file, log);
        return explain(file);
    }

    private static Path fixture(String name) {
        Path root = Fixtures.root();
        assertTrue(root != null, "testdata/ is missing from this checkout");
        return root.resolve("elf").resolve(name);
    }

    @Test
    void aThirtyTwoBitLibraryLoadedForRealIsWrongArchitectureWithTheJvmsPossibleCause() throws Exception {
        Path lib = Files.copy(fixture("gcc-x86-libzoo.so"), dir.resolve("libzoo32.so"));
        String said = systemLoad(lib);
        List<JsonNode> found = explainText(said);
        assertEquals(1, found.size(), found.toString());
        assertFailure(found.get(0), messageLine(said), lib.toString(), "WRONG_ARCHITECTURE");
        assertTrue(found.get(0).get("cause").asText().contains("possible cause"), found.get(0).toString());
    }

    @Test
    void anExistingLibraryGlibcCallsNoSuchFileIsExaminedHereAndFoundBuiltForAnotherMachine() throws Exception {
        Path lib = Files.copy(fixture("gcc-aarch64-libzoo.so"), dir.resolve("libzoo-arm.so"));
        String said = systemLoad(lib);
        assertTrue(said.contains("No such file or directory"), "glibc's words for another machine's library: " + said);
        JsonNode f = explainText(said).get(0);
        assertFailure(f, messageLine(said), lib.toString(), "WRONG_ARCHITECTURE");
        assertTrue(f.get("cause").asText().contains("exists on this host"), f.toString());
    }

    @Test
    void aMissingDependencyOfALibraryThatExistsHereIsNamedWithTheChainTheResolverFollowed() throws Exception {
        CCompiler.require("gcc");
        CCompiler.compile(dir, "gcc", "dep", "int dep(void) { return 7; }\n", "-shared", "-fPIC", "-o", "libexplaindep.so");
        CCompiler.compile(dir, "gcc", "top", "int dep(void);\nint top(void) { return dep(); }\n",
                "-shared", "-fPIC", "-o", "libexplaintop.so", "-L.", "-lexplaindep");
        Files.delete(dir.resolve("libexplaindep.so"));
        Path top = dir.resolve("libexplaintop.so");
        String said = systemLoad(top);
        JsonNode f = explainText(said).get(0);
        assertFailure(f, messageLine(said), top.toString(), "MISSING_DEPENDENCY");
        assertEquals("libexplaindep.so", f.get("dependency").asText());
        assertEquals(top.toString(), f.get("neededBy").asText());
        assertTrue(f.get("cause").asText().contains("exists on this host"), f.toString());
    }
}
