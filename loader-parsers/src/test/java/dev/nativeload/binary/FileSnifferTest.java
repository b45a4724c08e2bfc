package dev.nativeload.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.binary.testing.TestData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link FileSniffer}: what a file handed to a loader really is, from its bytes. */
class FileSnifferTest {
    private static final Path LIBZOO = TestData.path("elf", "gcc-x86_64-libzoo.so");

    @TempDir
    Path dir;

    @Property(tries = 2000)
    void neverThrowsAndAlwaysAnswersForRandomBytes(@ForAll @Size(max = 600) byte[] bytes) {
        assertNotNull(assertTimeoutPreemptively(Duration.ofSeconds(2), () -> FileSniffer.sniff(bytes)));
    }

    @Property(tries = 300)
    void neverThrowsForARealLibraryWithRandomBytesOverwritten(@ForAll @Size(min = 1, max = 64) java.util.List<@net.jqwik.api.constraints.IntRange(max = 6127) Integer> offsets,
                                                              @ForAll byte value) throws IOException {
        byte[] lib = Files.readAllBytes(LIBZOO);
        for (int offset : offsets) {
            lib[offset % lib.length] = value;
        }
        assertNotNull(FileSniffer.sniff(lib));
    }

    @Property(tries = 500)
    void neverThrowsForRandomTextAfterAKnownPrefix(@ForAll @Size(max = 300) String tail) {
        for (String prefix : List.of("version https://git-lfs", "GROUP (", "INPUT(", "<html><title>", "{\"message\": \"",
                "PK\u0003\u0004", "\u007fELF", "/* x */ ")) {
            byte[] bytes = (prefix + tail).getBytes(StandardCharsets.UTF_8);
            assertNotNull(FileSniffer.sniff(bytes));
        }
    }

    @Test
    void intactLibraryIsABinaryWithoutDamage() throws IOException {
        assertEquals(new FileContent.Binary(BinaryFormat.ELF), FileSniffer.sniff(LIBZOO));
    }

    @Test
    void libraryDecodedAndReencodedAsUtf8IsTextFiltered() throws IOException {
        byte[] lib = Files.readAllBytes(LIBZOO);
        byte[] mangled = new String(lib, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
        FileContent c = FileSniffer.sniff(mangled);
        FileContent.TextFiltered filtered = assertInstanceOf(FileContent.TextFiltered.class, c);
        assertEquals(BinaryFormat.ELF, filtered.format());
        assertTrue(filtered.replacements() > 100, c.describe());
    }

    @Test
    void libraryWithEveryLineFeedTurnedIntoCrLfIsLineEndingsConverted() throws IOException {
        byte[] lib = Files.readAllBytes(LIBZOO);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : lib) {
            if (b == '\n') {
                out.write('\r');
            }
            out.write(b);
        }
        FileContent c = FileSniffer.sniff(out.toByteArray());
        assertInstanceOf(FileContent.LineEndingsConverted.class, c, c.describe());
    }

    @Test
    void gitLfsPointerGivesItsOidAndSize() {
        String pointer = "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 1532416\n";
        FileContent c = FileSniffer.sniff(pointer.getBytes(StandardCharsets.US_ASCII));
        FileContent.GitLfsPointer lfs = assertInstanceOf(FileContent.GitLfsPointer.class, c);
        assertEquals(1532416, lfs.size());
        assertTrue(lfs.oid().orElseThrow().startsWith("sha256:4d7a"));
    }

    @Test
    void jarIsAZipArchiveMarkedAsJar() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            zip.write("Manifest-Version: 1.0\n".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        FileContent c = FileSniffer.sniff(bytes.toByteArray());
        assertEquals(new FileContent.ZipArchive(true, Optional.of("META-INF/MANIFEST.MF")), c);
    }

    @Test
    void linkerScriptNamesItsInputsWithoutAsNeeded() {
        String script = "/* GNU ld script\n   Use the shared library. */\nOUTPUT_FORMAT(elf64-x86-64)\n"
                + "GROUP ( /lib/x86_64-linux-gnu/libc.so.6 /usr/lib/x86_64-linux-gnu/libc_nonshared.a  AS_NEEDED ( /lib64/ld-linux-x86-64.so.2 ) )\n";
        FileContent c = FileSniffer.sniff(script.getBytes(StandardCharsets.US_ASCII));
        assertEquals(new FileContent.LinkerScript(List.of("/lib/x86_64-linux-gnu/libc.so.6",
                "/usr/lib/x86_64-linux-gnu/libc_nonshared.a", "/lib64/ld-linux-x86-64.so.2")), c);
    }

    @Test
    void inputScriptNamesTheRealLibrary() {
        FileContent c = FileSniffer.sniff("INPUT(libncursesw.so.6 -ltinfo)\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(new FileContent.LinkerScript(List.of("libncursesw.so.6", "-ltinfo")), c);
    }

    @Test
    void smallFileHoldingALibraryNameIsAFlattenedSymlink() {
        FileContent c = FileSniffer.sniff("libfoo.so.1.2.3".getBytes(StandardCharsets.US_ASCII));
        assertEquals(new FileContent.FlattenedSymlink("libfoo.so.1.2.3"), c);
        assertEquals(new FileContent.FlattenedSymlink("../lib/libbar.so.7"),
                FileSniffer.sniff("../lib/libbar.so.7\n".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void htmlPageGivesItsTitle() {
        String page = "<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body>nope</body></html>";
        assertEquals(new FileContent.ErrorPage("HTML", Optional.of("404 Not Found")),
                FileSniffer.sniff(page.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void jsonErrorGivesItsMessage() {
        String body = "{\"errors\":[],\"message\":\"API rate limit exceeded\"}";
        assertEquals(new FileContent.ErrorPage("JSON", Optional.of("API rate limit exceeded")),
                FileSniffer.sniff(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void proseIsTextWithItsFirstLine() {
        assertEquals(new FileContent.Text("hello world"), FileSniffer.sniff("hello world\nmore\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void emptyAndUnknownBytesAreNamed() {
        assertEquals(new FileContent.Empty(), FileSniffer.sniff(new byte[0]));
        assertEquals(new FileContent.Unknown("0001fe"), FileSniffer.sniff(new byte[] {0, 1, (byte) 0xfe}));
    }

    @Test
    void aDirectoryIsRefusedWithAnIoException() {
        assertThrows(IOException.class, () -> FileSniffer.sniff(dir));
    }
}
