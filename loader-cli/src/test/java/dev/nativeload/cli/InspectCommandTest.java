package dev.nativeload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Writer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {
    @TempDir
    Path dir;

    /** The first 20 bytes of a 64-bit little-endian ELF header: magic, class, data, version, then nothing. */
    static byte[] truncatedElf() {
        byte[] b = new byte[20];
        b[0] = 0x7F;
        b[1] = 'E';
        b[2] = 'L';
        b[3] = 'F';
        b[4] = 2; // ELFCLASS64
        b[5] = 1; // ELFDATA2LSB
        b[6] = 1; // EV_CURRENT
        b[16] = 3; // e_type ET_DYN
        b[18] = 62; // e_machine EM_X86_64
        return b;
    }

    private JsonNode error(CliRun run, int line) {
        return InspectSchema.assertFileObject(run.outLines().get(line)).get("error");
    }

    @Test
    void emptyFileIsNotABinaryWithNullOffset() throws IOException {
        Files.createFile(dir.resolve("empty"));
        CliRun run = CliRun.run(dir, "inspect", "--json", "empty");
        assertEquals(1, run.status());
        JsonNode error = error(run, 0);
        assertEquals("NOT_A_BINARY", error.get("kind").asText());
        assertTrue(error.get("offset").isNull());
    }

    @Test
    void textFileIsNotABinary() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "hello, this is text\n");
        CliRun run = CliRun.run(dir, "inspect", "--json", "notes.txt");
        assertEquals(1, run.status());
        assertEquals("NOT_A_BINARY", error(run, 0).get("kind").asText());
        assertEquals("notes.txt", InspectSchema.parse(run.outLines().get(0)).get("path").asText());
    }

    @Test
    void truncatedElfHeaderIsMalformedWithAnOffsetInsideTheHeader() throws IOException {
        Files.write(dir.resolve("short.so"), truncatedElf());
        CliRun run = CliRun.run(dir, "inspect", "--json", "short.so");
        assertEquals(1, run.status());
        JsonNode error = error(run, 0);
        assertEquals("MALFORMED", error.get("kind").asText());
        assertTrue(error.get("offset").canConvertToLong(), "a malformed file names its offset: " + error);
        long offset = error.get("offset").asLong();
        assertTrue(offset >= 0 && offset < 64, "offset within the 64-byte ELF header: " + offset);
        assertTrue(!error.get("message").asText().isBlank());
    }

    @Test
    void missingFileAndDirectoryAreIoErrors() throws IOException {
        Files.createDirectory(dir.resolve("sub"));
        CliRun run = CliRun.run(dir, "inspect", "--json", "nothing-here.so", "sub");
        assertEquals(1, run.status());
        assertEquals("IO", error(run, 0).get("kind").asText());
        assertEquals("no such file", error(run, 0).get("message").asText());
        assertEquals("IO", error(run, 1).get("kind").asText());
        assertEquals("is a directory", error(run, 1).get("message").asText());
    }

    @Test
    void everyFailingFileIsReportedInArgumentOrderAndTheStatusIsOne() throws IOException {
        Files.createFile(dir.resolve("a"));
        Files.write(dir.resolve("b"), truncatedElf());
        Files.writeString(dir.resolve("c"), "#!/bin/sh\n");
        CliRun run = CliRun.run(dir, "inspect", "--json", "a", "missing", "b", "c");
        assertEquals(1, run.status());
        List<String> kinds = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        for (String line : run.outLines()) {
            JsonNode node = InspectSchema.assertFileObject(line);
            paths.add(node.get("path").asText());
            kinds.add(node.get("error").get("kind").asText());
        }
        assertEquals(List.of("a", "missing", "b", "c"), paths);
        assertEquals(List.of("NOT_A_BINARY", "IO", "MALFORMED", "NOT_A_BINARY"), kinds);
        assertEquals("", run.err(), "JSON mode reports failures on standard output only");
    }

    @Test
    void pathIsTheArgumentAsGivenNotTheResolvedPath() throws IOException {
        Files.createDirectories(dir.resolve("x/y"));
        Files.createFile(dir.resolve("x/y/z"));
        CliRun run = CliRun.run(dir, "inspect", "--json", "x/../x/y/z", dir.resolve("x/y/z").toString());
        assertEquals("x/../x/y/z", InspectSchema.parse(run.outLines().get(0)).get("path").asText());
        assertEquals(dir.resolve("x/y/z").toString(), InspectSchema.parse(run.outLines().get(1)).get("path").asText());
    }

    @Test
    void textModePrintsFailuresOnStandardErrorOnePerLine() throws IOException {
        Files.createFile(dir.resolve("empty"));
        Files.write(dir.resolve("short.so"), truncatedElf());
        CliRun run = CliRun.run(dir, "inspect", "empty", "short.so");
        assertEquals(1, run.status());
        assertEquals("", run.out());
        List<String> lines = run.err().lines().toList();
        assertEquals(2, lines.size(), run.err());
        assertTrue(lines.get(0).startsWith("empty: NOT_A_BINARY: "), lines.get(0));
        assertTrue(lines.get(1).matches("short\\.so: MALFORMED: .* at offset 0x[0-9a-f]+"), lines.get(1));
    }

    @Test
    void dashReadsFileNamesFromStandardInputOnePerLine() throws IOException {
        Files.createFile(dir.resolve("one"));
        Files.createFile(dir.resolve("two words"));
        CliRun run = CliRun.withStdin(dir, "one\n\ntwo words\r\nthree\n", "inspect", "--json", "first", "-", "last");
        List<String> paths = run.outLines().stream().map(l -> InspectSchema.parse(l).get("path").asText()).toList();
        assertEquals(List.of("first", "one", "two words", "three", "last"), paths);
        assertEquals("NOT_A_BINARY", error(run, 2).get("kind").asText(), "a name with a space is one name");
    }

    @Test
    void atListReadsFileNamesFromAFileOnePerLine() throws IOException {
        Files.createFile(dir.resolve("a b"));
        Files.writeString(dir.resolve("list.txt"), "a b\n\nmissing\n");
        CliRun run = CliRun.run(dir, "inspect", "--json", "@list.txt", "./@odd");
        List<String> paths = run.outLines().stream().map(l -> InspectSchema.parse(l).get("path").asText()).toList();
        assertEquals(List.of("a b", "missing", "./@odd"), paths);
        assertEquals("NOT_A_BINARY", error(run, 0).get("kind").asText());
        assertEquals("IO", error(run, 1).get("kind").asText());
    }

    @Test
    void unreadableListFileIsAnIoErrorAndTheRunGoesOn() throws IOException {
        Files.createFile(dir.resolve("after"));
        CliRun run = CliRun.run(dir, "inspect", "--json", "@no-such-list", "after");
        assertEquals(1, run.status());
        assertEquals("@no-such-list", InspectSchema.parse(run.outLines().get(0)).get("path").asText());
        assertEquals("IO", error(run, 0).get("kind").asText());
        assertEquals("after", InspectSchema.parse(run.outLines().get(1)).get("path").asText());
    }

    @Test
    void doubleDashEndsOptionsSoAFileNameMayStartWithADash() throws IOException {
        Files.createFile(dir.resolve("--json"));
        Files.createFile(dir.resolve("-x"));
        CliRun run = CliRun.run(dir, "inspect", "--json", "--", "--json", "-x");
        List<String> paths = run.outLines().stream().map(l -> InspectSchema.parse(l).get("path").asText()).toList();
        assertEquals(List.of("--json", "-x"), paths);
        assertEquals(2, CliRun.run(dir, "inspect", "-x").status(), "without --, -x is an unknown option");
    }

    @Test
    void emptyNameListInspectsNothingAndSucceeds() {
        CliRun run = CliRun.withStdin(dir, "\n\n", "inspect", "--json", "-");
        assertEquals(0, run.status());
        assertEquals("", run.out());
    }

    @Test
    void oneThousandFileArgumentsAreAllReportedInOneRunWithinSeconds() throws IOException {
        List<String> args = new ArrayList<>(List.of("inspect", "--json"));
        byte[] elf = truncatedElf();
        for (int i = 0; i < 1000; i++) {
            String name = "f" + i;
            switch (i % 3) {
                case 0 -> Files.createFile(dir.resolve(name));
                case 1 -> Files.write(dir.resolve(name), elf);
                default -> Files.writeString(dir.resolve(name), "text " + i);
            }
            args.add(name);
        }
        long start = System.nanoTime();
        CliRun run = CliRun.run(dir, args.toArray(String[]::new));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(1, run.status());
        List<String> lines = run.outLines();
        assertEquals(1000, lines.size());
        for (int i = 0; i < 1000; i++) {
            assertEquals("f" + i, InspectSchema.assertFileObject(lines.get(i)).get("path").asText());
        }
        // Generous for a loaded build machine; a JVM per file would take minutes.
        assertTrue(millis < 30_000, "1,000 files took " + millis + " ms");
    }

    @Test
    void noFileIsAUsageErrorWithStatusTwo() {
        CliRun run = CliRun.run(dir, "inspect", "--json");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("FILE"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void unknownOptionIsAUsageErrorWithStatusTwo() {
        assertEquals(2, CliRun.run(dir, "inspect", "--frobnicate", "x").status());
    }

    @Test
    void missingSubcommandIsAUsageErrorWithStatusTwo() {
        CliRun run = CliRun.run(dir);
        assertEquals(2, run.status());
        assertTrue(run.err().contains("Missing required subcommand"), run.err());
        assertEquals(2, CliRun.run(dir, "frobnicate").status());
    }

    @Test
    void helpGoesToStandardOutputWithStatusZero() {
        CliRun run = CliRun.run(dir, "inspect", "--help");
        assertEquals(0, run.status());
        assertTrue(run.out().contains("--json") && run.out().contains("@LIST"), run.out());
        assertEquals(0, CliRun.run(dir, "help", "inspect").status());
    }

    @Test
    void aClosedStandardOutputStopsTheRunAfterTheFirstFile() throws IOException {
        Files.createFile(dir.resolve("a"));
        Writer broken = new Writer() {
            @Override
            public void write(char[] cbuf, int off, int len) throws IOException {
                throw new IOException("Broken pipe");
            }

            @Override
            public void flush() throws IOException {
                throw new IOException("Broken pipe");
            }

            @Override
            public void close() {
            }
        };
        StringWriter err = new StringWriter();
        int status = Nativeload.commandLine(
                new CliEnvironment(new ByteArrayInputStream("a\n".repeat(100_000).getBytes(StandardCharsets.UTF_8)), dir),
                new PrintWriter(broken), new PrintWriter(err)).execute("inspect", "--json", "-");
        assertEquals(1, status);
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().contains("cannot write to standard output"), err.toString());
    }
}
