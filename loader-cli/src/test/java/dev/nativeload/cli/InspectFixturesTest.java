package dev.nativeload.cli;

import static dev.nativeload.cli.InspectSchema.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nativeload.binary.Binaries;
import dev.nativeload.binary.BinaryImage;
import dev.nativeload.binary.BinarySummary;
import dev.nativeload.binary.NativeBinary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code inspect --json} over the committed fixtures of every format, checked against the schema and reference tools. */
class InspectFixturesTest {
    private static final String NO_FIXTURES = "no fixtures under testdata/ on this branch yet (they come with the parsers)";

    @TempDir
    Path tmp;

    static List<Path> allFixtures() {
        List<Path> all = new ArrayList<>(Fixtures.binaries("elf"));
        all.addAll(Fixtures.binaries("pe"));
        all.addAll(Fixtures.binaries("macho"));
        return all;
    }

    static CliRun inspectJson(Path workingDirectory, List<Path> files) {
        List<String> args = new ArrayList<>(List.of("inspect", "--json"));
        files.forEach(f -> args.add(f.toString()));
        return CliRun.run(workingDirectory, args.toArray(String[]::new));
    }

    @Test
    void everyFixtureIsReadAndPrintedAsOneSchemaValidObjectInArgumentOrder() {
        List<Path> fixtures = allFixtures();
        assumeFalse(fixtures.isEmpty(), NO_FIXTURES);
        CliRun run = inspectJson(tmp, fixtures);
        List<String> lines = run.outLines();
        assertEquals(fixtures.size(), lines.size());
        for (int i = 0; i < fixtures.size(); i++) {
            JsonNode node = InspectSchema.assertFileObject(lines.get(i));
            assertEquals(fixtures.get(i).toString(), node.get("path").asText());
            assertFalse(node.has("error"), "a committed fixture is readable: " + lines.get(i));
        }
        assertEquals(0, run.status(), run.err());
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"format\":\"FAT_MACHO\"")) || Fixtures.binaries("macho").isEmpty(),
                "the Mach-O fixtures include a fat file");
    }

    @Test
    void mixedGoodAndBadFilesAreAllReportedInOrderAndTheStatusIsOne() throws Exception {
        List<Path> fixtures = allFixtures();
        assumeFalse(fixtures.isEmpty(), NO_FIXTURES);
        Path good = fixtures.getFirst();
        Path empty = Files.createFile(tmp.resolve("empty"));
        Path text = Files.writeString(tmp.resolve("text"), "plain text\n");
        Path cut = Files.write(tmp.resolve("cut"), Arrays.copyOf(Files.readAllBytes(good), 300));
        Path last = fixtures.getLast();
        CliRun run = inspectJson(tmp, List.of(good, empty, text, tmp.resolve("missing"), cut, last));
        assertEquals(1, run.status());
        List<String> lines = run.outLines();
        assertEquals(6, lines.size(), run.out());
        List<String> outcome = lines.stream().map(InspectSchema::assertFileObject)
                .map(n -> n.has("error") ? n.get("error").get("kind").asText() : n.get("format").asText()).toList();
        assertFalse(outcome.get(0).equals("MALFORMED") || outcome.get(0).equals("IO"), outcome.toString());
        assertEquals(List.of("NOT_A_BINARY", "NOT_A_BINARY", "IO", "MALFORMED"), outcome.subList(1, 5));
        assertTrue(InspectSchema.FORMATS.contains(outcome.get(5)), outcome.toString());

        CliRun human = CliRun.run(tmp, "inspect", good.toString(), empty.toString(), last.toString());
        assertEquals(1, human.status());
        assertTrue(human.out().startsWith(good + "\n") && human.out().contains("\n\n" + last + "\n"), human.out());
        assertEquals(1, human.err().lines().count(), human.err());
    }

    @Test
    void oneThousandRealFilesInOneRunAreAllReadWithinSeconds() {
        List<Path> fixtures = allFixtures();
        assumeFalse(fixtures.isEmpty(), NO_FIXTURES);
        List<Path> thousand = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            thousand.add(fixtures.get(i % fixtures.size()));
        }
        long start = System.nanoTime();
        CliRun run = inspectJson(tmp, thousand);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(0, run.status(), run.out().lines().filter(l -> l.contains("\"error\"")).findFirst().orElse(""));
        assertEquals(1000, run.outLines().size());
        // Generous for a loaded build machine; a JVM per file would take minutes.
        assertTrue(millis < 30_000, "1,000 files took " + millis + " ms");
    }

    @Test
    void jsonCarriesExactlyWhatTheParsersSummarySaysForEveryFixtureAndSlice() throws Exception {
        List<Path> fixtures = allFixtures();
        assumeFalse(fixtures.isEmpty(), NO_FIXTURES);
        List<String> lines = inspectJson(tmp, fixtures).outLines();
        for (int i = 0; i < fixtures.size(); i++) {
            NativeBinary binary = Binaries.read(fixtures.get(i));
            JsonNode node = InspectSchema.parse(lines.get(i));
            assertEquals(binary.format().name(), node.get("format").asText());
            List<JsonNode> images = new ArrayList<>();
            if (node.has("slices")) {
                node.get("slices").forEach(images::add);
            } else {
                images.add(node);
            }
            assertEquals(binary.images().size(), images.size(), fixtures.get(i).toString());
            for (int k = 0; k < images.size(); k++) {
                assertImageMatches(binary.images().get(k), images.get(k));
            }
        }
    }

    private static void assertImageMatches(BinaryImage image, JsonNode json) {
        BinarySummary s = image.summary();
        String where = json.toString();
        assertEquals(s.format().name(), json.get("format").asText(), where);
        assertEquals(s.architecture().name(), json.get("arch").asText(), where);
        assertEquals(s.bits(), json.get("bits").asInt(), where);
        assertEquals(InspectJson.endian(s.byteOrder()), json.get("endian").asText(), where);
        assertEquals(s.fileType(), json.get("type").asText(), where);
        assertEquals(s.os().name(), json.get("os").asText(), where);
        assertEquals(s.libc().name(), json.get("libc").asText(), where);
        assertEquals(s.soname().orElse(null), json.get("soname").isNull() ? null : json.get("soname").asText(), where);
        assertEquals(s.needed(), strings(json.get("needed")), where);
        assertEquals(s.rpath(), strings(json.get("rpath")), where);
        assertEquals(s.runpath(), strings(json.get("runpath")), where);
        assertEquals(s.interpreter().orElse(null), json.get("interpreter").isNull() ? null : json.get("interpreter").asText(), where);
        assertEquals(s.delayImports(), strings(json.get("delayImports")), where);
        assertEquals(s.versionNeeds().size(), json.get("versionNeeds").size(), where);
        for (int i = 0; i < s.versionNeeds().size(); i++) {
            assertEquals(s.versionNeeds().get(i).file(), json.get("versionNeeds").get(i).get("file").asText(), where);
            assertEquals(s.versionNeeds().get(i).versions(), strings(json.get("versionNeeds").get(i).get("versions")), where);
        }
    }

    @Test
    void elfNeededSonamePathsInterpreterAndVersionNeedsMatchReadelf() {
        List<Path> elves = Fixtures.binaries("elf");
        assumeFalse(elves.isEmpty(), NO_FIXTURES);
        assumeTrue(ReferenceTool.available("readelf"), "readelf (binutils) is not installed");
        List<String> lines = inspectJson(tmp, elves).outLines();
        int compared = 0;
        for (int i = 0; i < elves.size(); i++) {
            String file = elves.get(i).toString();
            JsonNode json = InspectSchema.parse(lines.get(i));
            String dynamic = ReferenceTool.run("readelf", "-d", "-W", file);
            assertEquals(ReferenceTool.bracketed(dynamic, "(NEEDED)"), strings(json.get("needed")), file + " needed, in file order");
            List<String> soname = ReferenceTool.bracketed(dynamic, "(SONAME)");
            assertEquals(soname.isEmpty() ? null : soname.getFirst(), json.get("soname").isNull() ? null : json.get("soname").asText(), file);
            assertEquals(searchPath(dynamic, "(RPATH)"), strings(json.get("rpath")), file + " rpath");
            assertEquals(searchPath(dynamic, "(RUNPATH)"), strings(json.get("runpath")), file + " runpath");
            String interpreter = ReferenceTool.run("readelf", "-l", "-W", file).lines()
                    .filter(l -> l.contains("[Requesting program interpreter: "))
                    .map(l -> l.substring(l.indexOf(": ") + 2, l.lastIndexOf(']')))
                    .findFirst().orElse(null);
            assertEquals(interpreter, json.get("interpreter").isNull() ? null : json.get("interpreter").asText(), file);
            String versions = ReferenceTool.run("readelf", "-V", "-W", file);
            if (versions.contains(".gnu.version_r")) { // readelf finds it through section headers only
                assertEquals(versionNeeds(versions), versionNeeds(json.get("versionNeeds")), file + " version needs");
            }
            compared++;
        }
        assertEquals(elves.size(), compared);
    }

    private static List<String> searchPath(String readelfDynamic, String tag) {
        List<String> raw = ReferenceTool.bracketed(readelfDynamic, tag);
        return raw.isEmpty() ? List.of() : Arrays.asList(raw.getFirst().split(":", -1));
    }

    /** readelf -V's "File: X" lines followed by their "Name: V" lines, as "X V1 V2". */
    private static List<String> versionNeeds(String readelfVersions) {
        String section = readelfVersions.substring(readelfVersions.indexOf(".gnu.version_r"));
        List<String> needs = new ArrayList<>();
        for (String line : section.lines().skip(1).toList()) {
            if (line.isBlank() || line.startsWith("Version")) {
                break;
            }
            if (line.contains("File: ")) {
                needs.add(line.substring(line.indexOf("File: ") + 6, line.indexOf("  Cnt:")));
            } else if (line.contains("Name: ")) {
                int last = needs.size() - 1;
                needs.set(last, needs.get(last) + " " + line.substring(line.indexOf("Name: ") + 6, line.indexOf("  Flags:")));
            }
        }
        return needs;
    }

    private static List<String> versionNeeds(JsonNode json) {
        List<String> needs = new ArrayList<>();
        for (JsonNode need : json) {
            List<String> words = new ArrayList<>();
            words.add(need.get("file").asText());
            words.addAll(strings(need.get("versions")));
            needs.add(String.join(" ", words));
        }
        return needs;
    }

    @Test
    void peImportsAndDelayImportsMatchLlvmReadobjInOrder() {
        List<Path> pes = Fixtures.binaries("pe");
        assumeFalse(pes.isEmpty(), NO_FIXTURES);
        assumeTrue(ReferenceTool.available("llvm-readobj"), "llvm-readobj is not installed");
        List<String> lines = inspectJson(tmp, pes).outLines();
        for (int i = 0; i < pes.size(); i++) {
            String file = pes.get(i).toString();
            JsonNode json = InspectSchema.parse(lines.get(i));
            String imports = ReferenceTool.run("llvm-readobj", "--coff-imports", file);
            assertEquals(namesAfter(imports, "Import {"), strings(json.get("needed")), file + " imports");
            assertEquals(namesAfter(imports, "DelayImport {"), strings(json.get("delayImports")), file + " delay imports");
        }
    }

    /** The "Name: X" line following each line that is exactly the given block opener. */
    private static List<String> namesAfter(String readobj, String opener) {
        List<String> names = new ArrayList<>();
        List<String> lines = readobj.lines().map(String::strip).toList();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).equals(opener) && lines.get(i + 1).startsWith("Name: ")) {
                names.add(lines.get(i + 1).substring("Name: ".length()));
            }
        }
        return names;
    }

    @Test
    void machODylibsInstallNameRpathsAndDylinkerMatchLlvmObjdumpForEverySlice() {
        List<Path> machos = Fixtures.binaries("macho");
        assumeFalse(machos.isEmpty(), NO_FIXTURES);
        assumeTrue(ReferenceTool.available("llvm-objdump"), "llvm-objdump is not installed");
        List<String> lines = inspectJson(tmp, machos).outLines();
        int slices = 0;
        for (int i = 0; i < machos.size(); i++) {
            String file = machos.get(i).toString();
            JsonNode json = InspectSchema.parse(lines.get(i));
            List<JsonNode> images = new ArrayList<>();
            if (json.has("slices")) {
                json.get("slices").forEach(images::add);
            } else {
                images.add(json);
            }
            List<MachOLoadCommands> reference = MachOLoadCommands.parse(
                    ReferenceTool.run("llvm-objdump", "--macho", "--private-headers", "--arch=all", file));
            assertEquals(reference.size(), images.size(), file + " slice count");
            for (int k = 0; k < images.size(); k++) {
                JsonNode image = images.get(k);
                MachOLoadCommands expected = reference.get(k);
                assertEquals(expected.dylibs(), strings(image.get("needed")), file + " slice " + k + " dylibs, in order");
                assertEquals(expected.rpaths(), strings(image.get("rpath")), file + " slice " + k + " LC_RPATH");
                assertEquals(expected.installName(), image.get("soname").isNull() ? null : image.get("soname").asText(), file);
                assertEquals(expected.dylinker(), image.get("interpreter").isNull() ? null : image.get("interpreter").asText(), file);
                assertEquals(List.of(), strings(image.get("runpath")), file);
                slices++;
            }
        }
        assertTrue(slices > machos.size() || machos.isEmpty(), "the fixtures include a fat file with several slices");
    }

    @Test
    void everyTruncationOfARealElfIsReportedAsReadOrMalformedWithAnOffset() throws Exception {
        List<Path> elves = Fixtures.binaries("elf");
        assumeFalse(elves.isEmpty(), NO_FIXTURES);
        Path source = elves.stream().filter(p -> p.getFileName().toString().contains("libzoo.so")).findFirst().orElse(elves.getFirst());
        byte[] bytes = Files.readAllBytes(source);
        List<Path> cuts = new ArrayList<>();
        int step = Math.max(1, bytes.length / 400);
        for (int length = 0; length < bytes.length; length += step) {
            cuts.add(Files.write(tmp.resolve("cut-" + length), Arrays.copyOf(bytes, length)));
        }
        CliRun run = inspectJson(tmp, cuts);
        List<String> lines = run.outLines();
        assertEquals(cuts.size(), lines.size());
        int malformed = 0;
        for (int i = 0; i < cuts.size(); i++) {
            JsonNode node = InspectSchema.assertFileObject(lines.get(i));
            long length = Files.size(cuts.get(i));
            if (node.has("error")) {
                String kind = node.get("error").get("kind").asText();
                if (length < 4) {
                    assertEquals("NOT_A_BINARY", kind, lines.get(i));
                    assertNull(node.get("error").get("offset").numberValue());
                } else {
                    assertEquals("MALFORMED", kind, lines.get(i));
                    assertTrue(node.get("error").get("offset").canConvertToLong(), "offset known: " + lines.get(i));
                    malformed++;
                }
            }
        }
        assertTrue(malformed > 0, "cutting the headers off must be noticed");
        assertEquals(1, run.status());
    }
}
