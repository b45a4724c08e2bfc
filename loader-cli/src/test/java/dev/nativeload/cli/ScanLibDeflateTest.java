package dev.nativeload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.platform.Platform;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scan} inflating DEFLATED natives with libdeflate says exactly what it says with zlib alone. */
class ScanLibDeflateTest {
    private static final Platform TARGET = Platform.parse("linux-x86_64");
    private static final List<String> REAL_JARS = List.of(RealJars.JNA, RealJars.SNAPPY, RealJars.ZSTD, RealJars.SQLITE,
            RealJars.LZ4);
    private static LibDeflate libdeflate;

    @TempDir
    Path dir;

    @BeforeAll
    static void libdeflateIsInstalled() {
        Optional<LibDeflate> loaded = LibDeflate.load();
        Assumptions.assumeTrue(loaded.isPresent(), "libdeflate is not installed (Debian: libdeflate0; "
                + "scripts/install-packages.sh)");
        libdeflate = loaded.get();
    }

    /** The JSON output and the problems of a scan of these paths, on two threads as the command reads. */
    private static String scan(WholeEntryInflater inflater, Path... paths) {
        ScanCollector found = new ScanCollector();
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            ScanWalker walker = new ScanWalker(new ScanNativeReader(TARGET, inflater), found, threads);
            for (Path p : paths) {
                walker.walk(p.toString(), p);
            }
        }
        return ScanOutput.json(ScanEvaluation.evaluate(found, TARGET, Optional.empty()))
                + ScanOutput.problems(found.problems());
    }

    private static Path[] realJars() {
        return REAL_JARS.stream().map(RealJars::holding).toArray(Path[]::new);
    }

    @Test
    void realJarsScanTheSameWithLibdeflateAsWithZlibAlone() {
        WholeEntryInflater withLibdeflate = WholeEntryInflater.with(Optional.of(libdeflate));
        WholeEntryInflater zlibAlone = WholeEntryInflater.with(Optional.empty());
        String fast = scan(withLibdeflate, realJars());
        String plain = scan(zlibAlone, realJars());
        assertEquals(plain, fast);
        assertTrue(withLibdeflate.inflated() > 0, "libdeflate inflated " + withLibdeflate.inflated() + " natives");
        assertEquals(0, zlibAlone.inflated());
    }

    @Test
    void aSpringBootJarOfRealJarsScansTheSameWithLibdeflateAsWithZlibAlone() throws Exception {
        Map<String, Path> nested = new LinkedHashMap<>();
        for (Path jar : realJars()) {
            nested.put("BOOT-INF/lib/" + jar.getFileName(), jar);
        }
        Path fat = dir.resolve("app.jar");
        RealJars.write(fat, nested, true);
        WholeEntryInflater withLibdeflate = WholeEntryInflater.with(Optional.of(libdeflate));
        assertEquals(scan(WholeEntryInflater.with(Optional.empty()), fat), scan(withLibdeflate, fat));
        assertTrue(withLibdeflate.inflated() > 0, "libdeflate inflated " + withLibdeflate.inflated() + " natives");
    }

    @Test
    void aCorruptDeflatedNativeIsReportedAsZlibReportsIt() throws Exception {
        Path so = dir.resolve("libzstd.so");
        Path zstd = RealJars.holding(RealJars.ZSTD);
        String soName = "linux/amd64/libzstd-jni-" + zstd.getFileName().toString().replace("zstd-jni-", "")
                .replace(".jar", "") + ".so";
        RealJars.extract(zstd, soName, so);
        Path jar = dir.resolve("broken.jar");
        RealJars.write(jar, Map.of("native/libzstd.so", so), false);
        // The first entry's data follows its local header: 30 bytes, the name, the extra field.
        byte[] bytes = Files.readAllBytes(jar);
        ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int data = 30 + header.getShort(26) + header.getShort(28);
        int compressed = header.getInt(18);
        Arrays.fill(bytes, data + compressed / 2, data + compressed / 2 + 64, (byte) 0xff);
        Files.write(jar, bytes);

        WholeEntryInflater withLibdeflate = WholeEntryInflater.with(Optional.of(libdeflate));
        String plain = scan(WholeEntryInflater.with(Optional.empty()), jar);
        assertEquals(plain, scan(withLibdeflate, jar));
        assertTrue(plain.contains("native/libzstd.so: cannot read: "), plain);
        assertEquals(0, withLibdeflate.inflated(), "libdeflate refused it, and zlib read it");
    }

    @Test
    void theDiagnosticSwitchGivesTheSameOutputWithoutLibdeflate() {
        List<String> args = new ArrayList<>(List.of("scan", "--json", "--target", "linux-x86_64"));
        for (Path jar : realJars()) {
            args.add(jar.toString());
        }
        CliRun fast = CliRun.run(Path.of(""), args.toArray(String[]::new));
        String before = System.setProperty(WholeEntryInflater.SWITCH, "off");
        CliRun plain;
        try {
            plain = CliRun.run(Path.of(""), args.toArray(String[]::new));
        } finally {
            if (before == null) {
                System.clearProperty(WholeEntryInflater.SWITCH);
            } else {
                System.setProperty(WholeEntryInflater.SWITCH, before);
            }
        }
        assertEquals(plain, fast);
    }

    @Test
    void withoutNativeAccessForTheCliModuleAScanFallsBackToZlibSilently() throws Exception {
        Path zstd = RealJars.holding(RealJars.ZSTD);
        Path jna = RealJars.holding(RealJars.JNA);
        String modulePath = System.getProperty("jdk.module.path");
        Assumptions.assumeTrue(modulePath != null, "the tests run on the module path (surefire)");
        String withAccess = child("--enable-native-access=dev.nativeload.ffm,dev.nativeload.cli", modulePath, zstd, jna);
        String withoutAccess = child("--enable-native-access=dev.nativeload.ffm", modulePath, zstd, jna);
        assertEquals(withAccess, withoutAccess);
    }

    /** A scan in a child JVM on the module path, as bin/nativeload runs it; its standard error must be empty. */
    private static String child(String nativeAccess, String modulePath, Path... jars) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                nativeAccess, "-p", modulePath, "-m", "dev.nativeload.cli/dev.nativeload.cli.Main", "scan", "--json",
                "--target", "linux-x86_64"));
        for (Path jar : jars) {
            command.add(jar.toString());
        }
        Path err = Files.createTempFile("scan-err", ".txt");
        try {
            Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "scan did not finish");
            String stderr = Files.readString(err);
            assertEquals("", stderr, "standard error of " + String.join(" ", command));
            assertTrue(p.exitValue() <= 1, out);
            assertFalse(out.isEmpty());
            return out;
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
