package dev.nativeload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.nativeload.platform.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nativeload scan} over real jars and the archives applications are shipped in. */
class ScanCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> NATIVE_FIELDS =
            List.of("archive", "entry", "format", "arch", "os", "libc", "glibc", "forTarget", "violations");

    @TempDir
    Path dir;

    private CliRun scan(String... args) {
        return RealJars.scan(dir, args);
    }

    private static List<JsonNode> lines(CliRun run) throws Exception {
        return RealJars.jsonLines(run);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A Spring Boot fat jar: BOOT-INF/lib/ holds the real jars STORED, BOOT-INF/classes/ nothing native. */
    private Path springBootJar(Path... jars) throws Exception {
        Map<String, Path> entries = new LinkedHashMap<>();
        Path manifest = Files.writeString(dir.resolve("MANIFEST.MF"), "Manifest-Version: 1.0\nMain-Class: x\n");
        entries.put("META-INF/MANIFEST.MF", manifest);
        for (Path jar : jars) {
            entries.put("BOOT-INF/lib/" + jar.getFileName(), jar);
        }
        Path fat = dir.resolve("app.jar");
        RealJars.write(fat, entries, true);
        return fat;
    }

    @Test
    void nestedJarNativesAreNamedWithBangSlashAndTheSummaryComesLast() throws Exception {
        Path zstd = RealJars.holding(RealJars.ZSTD);
        Path fat = springBootJar(zstd, RealJars.holding(RealJars.SQLITE));
        CliRun run = scan("--json", "--target", "linux-x86_64", fat.toString());
        List<JsonNode> lines = lines(run);
        JsonNode summary = lines.getLast().get("summary");
        assertEquals(List.of("natives", "archives", "archivesWithoutTargetNative", "violations"), fieldNames(summary));
        List<JsonNode> natives = lines.subList(0, lines.size() - 1);
        assertEquals(natives.size(), summary.get("natives").asInt());
        assertEquals(3, summary.get("archives").asInt(), "the fat jar and its two nested jars");
        String zstdNative = "BOOT-INF/lib/" + zstd.getFileName() + "!/linux/amd64/libzstd-jni-"
                + zstd.getFileName().toString().replace("zstd-jni-", "").replace(".jar", "") + ".so";
        JsonNode linux = natives.stream().filter(n -> n.get("entry").asText().equals(zstdNative)).findFirst().orElseThrow(
                () -> new AssertionError("no " + zstdNative + " in " + run.out()));
        assertEquals(NATIVE_FIELDS, fieldNames(linux));
        assertEquals(fat.toString(), linux.get("archive").asText());
        assertEquals("ELF", linux.get("format").asText());
        assertEquals("x86_64", linux.get("arch").asText());
        assertEquals("LINUX", linux.get("os").asText());
        assertEquals("GLIBC", linux.get("libc").asText());
        assertTrue(linux.get("glibc").asText().matches("2\\.[0-9]+"), linux.toString());
        assertTrue(linux.get("forTarget").asBoolean());
        for (JsonNode n : natives) {
            assertTrue(n.get("entry").asText().startsWith("BOOT-INF/lib/"), n.toString());
            assertTrue(List.of("ELF", "PE", "MACHO").contains(n.get("format").asText()), n.toString());
        }
        assertEquals(2, natives.stream().filter(n -> n.get("forTarget").asBoolean()).count(), run.out());
    }

    @Test
    void nestedJarsReadOnOtherThreadsAreReportedInTheArchivesOrderAsOneThreadReportsThem() throws Exception {
        Path zstd = RealJars.holding(RealJars.ZSTD);
        Path sqlite = RealJars.holding(RealJars.SQLITE);
        // sqlite-jdbc's natives take longest: first in the archive, its part finishes last on the threads.
        Path fat = springBootJar(sqlite, zstd, Files.copy(sqlite, dir.resolve("copy-" + sqlite.getFileName())));
        CliRun run = scan("--json", "--target", "linux-x86_64", fat.toString());
        List<String> entries = lines(run).stream().filter(n -> n.has("entry")).map(n -> n.get("entry").asText()).toList();

        ScanCollector oneThread = new ScanCollector();
        new ScanWalker(new ScanNativeReader(Platform.parse("linux-x86_64")), oneThread, null)
                .walk(fat.toString(), fat);
        assertEquals(oneThread.natives().stream().map(ScannedNative::entry).toList(), entries);
        assertEquals(List.copyOf(oneThread.units()), List.copyOf(unitsOnThreads(fat)));
        List<String> jars = entries.stream().map(e -> e.substring(0, e.indexOf("!/"))).distinct().toList();
        assertEquals(List.of("BOOT-INF/lib/" + sqlite.getFileName(), "BOOT-INF/lib/" + zstd.getFileName(),
                "BOOT-INF/lib/copy-" + sqlite.getFileName()), jars, "each nested jar's natives together, in order");
    }

    private static java.util.Set<String> unitsOnThreads(Path fat) throws Exception {
        ScanCollector found = new ScanCollector();
        try (java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            new ScanWalker(new ScanNativeReader(Platform.parse("linux-x86_64")), found, threads)
                    .walk(fat.toString(), fat);
        }
        return found.units();
    }

    @Test
    void aJarWithNativesButNoneForTheTargetIsListedAndExitsOne() throws Exception {
        Path zstd = RealJars.holding(RealJars.ZSTD);
        Path fat = springBootJar(zstd);
        CliRun run = scan("--json", "--target", "linux-aarch64-musl", fat.toString());
        assertEquals(1, run.status(), run.out() + run.err());
        JsonNode summary = lines(run).getLast().get("summary");
        assertEquals(List.of(fat + "!/BOOT-INF/lib/" + zstd.getFileName()),
                JSON.convertValue(summary.get("archivesWithoutTargetNative"), List.class));
        CliRun text = scan("--target", "linux-aarch64-musl", fat.toString());
        assertTrue(text.outLines().getFirst().startsWith(fat + "!/BOOT-INF/lib/" + zstd.getFileName()
                + ": no native for linux-aarch64-musl ("), text.out());
    }

    @Test
    void aWarsWebInfLibJarsAreScannedThoughDeflated() throws Exception {
        Path sqlite = RealJars.holding(RealJars.SQLITE);
        Path war = dir.resolve("app.war");
        RealJars.write(war, Map.of("WEB-INF/lib/" + sqlite.getFileName(), sqlite), false);
        CliRun run = scan("--json", "--target", "windows-x86_64", war.toString());
        assertEquals(0, run.status(), run.out() + run.err());
        assertTrue(lines(run).stream().anyMatch(n -> n.path("entry").asText().equals(
                "WEB-INF/lib/" + sqlite.getFileName() + "!/org/sqlite/native/Windows/x86_64/sqlitejdbc.dll")
                && n.get("forTarget").asBoolean() && n.get("format").asText().equals("PE")), run.out());
    }

    @Test
    void nativesAreFoundByTheirBytesNotTheirNames() throws Exception {
        Path tree = Files.createDirectories(dir.resolve("tree/sub"));
        RealJars.extract(RealJars.holding(RealJars.ZSTD), "linux/amd64/libzstd-jni-"
                + RealJars.holding(RealJars.ZSTD).getFileName().toString().replace("zstd-jni-", "").replace(".jar", "")
                + ".so", tree.resolve("README.txt"));
        Files.writeString(tree.resolve("libfake.so"), "not a library\n");
        Files.copy(RealJars.holding(RealJars.LZ4), tree.resolve("lz4.data"));
        CliRun run = scan("--json", "--target", "linux-x86_64", dir.resolve("tree").toString());
        List<String> entries = lines(run).stream().filter(n -> n.has("entry")).map(n -> n.get("entry").asText()).toList();
        assertTrue(entries.contains("sub/README.txt"), entries.toString());
        assertFalse(entries.contains("sub/libfake.so"), entries.toString());
        assertTrue(entries.stream().anyMatch(e -> e.startsWith("sub/lz4.data!/net/jpountz/util/linux/amd64/")), entries.toString());
    }

    @Test
    void aClassPathStringIsSplitAndMissingElementsAreSkipped() throws Exception {
        Path lz4 = RealJars.holding(RealJars.LZ4);
        Path snappy = RealJars.holding(RealJars.SNAPPY);
        String classPath = lz4 + File.pathSeparator + dir.resolve("missing-classes") + File.pathSeparator + snappy;
        CliRun run = scan("--json", "--target", "linux-x86_64", classPath);
        List<String> archives = lines(run).stream().filter(n -> n.has("archive")).map(n -> n.get("archive").asText())
                .distinct().toList();
        assertEquals(List.of(lz4.toString(), snappy.toString()), archives);
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, scan("--target", "plan9-x86_64", dir.toString()).status());
        assertEquals(2, scan(dir.resolve("no-such.jar").toString()).status());
        assertEquals(2, scan("--target", "windows-x86_64", "--max-glibc", "2.28", dir.toString()).status());
    }
}
