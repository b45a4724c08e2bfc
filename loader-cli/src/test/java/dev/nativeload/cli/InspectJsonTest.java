package dev.nativeload.cli;

import static dev.nativeload.cli.InspectSchema.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.BinaryFormat;
import dev.nativeload.binary.BinarySummary;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class InspectJsonTest {

    @Test
    void thinFileObjectCarriesEverySummaryFieldUnderItsDocumentedName() {
        BinarySummary s = Summaries.elf();
        String line = InspectJson.render(new InspectResult.Read("lib/libzoo.so", BinaryFormat.ELF, List.of(s)));
        JsonNode node = InspectSchema.assertFileObject(line);
        assertEquals("lib/libzoo.so", node.get("path").asText());
        assertEquals("ELF", node.get("format").asText());
        assertEquals("aarch64", node.get("arch").asText());
        assertEquals(64, node.get("bits").asInt());
        assertEquals("little", node.get("endian").asText());
        assertEquals("DYN", node.get("type").asText());
        assertEquals("LINUX", node.get("os").asText());
        assertEquals("GLIBC", node.get("libc").asText());
        assertEquals("libzoo.so.2", node.get("soname").asText());
        assertEquals(s.needed(), strings(node.get("needed")), "needed keeps file order");
        assertEquals(s.rpath(), strings(node.get("rpath")));
        assertEquals(s.runpath(), strings(node.get("runpath")));
        assertEquals("/lib/ld-linux-aarch64.so.1", node.get("interpreter").asText());
        assertEquals(List.of(), strings(node.get("delayImports")));
        assertEquals(2, node.get("versionNeeds").size());
        assertEquals("libc.so.6", node.get("versionNeeds").get(0).get("file").asText());
        assertEquals(List.of("GLIBC_2.17", "GLIBC_2.34"), strings(node.get("versionNeeds").get(0).get("versions")));
        assertEquals("libm.so.6", node.get("versionNeeds").get(1).get("file").asText());
    }

    @Test
    void absentSonameAndInterpreterAreNullAndEmptyListsAreEmptyArrays() {
        JsonNode node = InspectSchema.assertFileObject(
                InspectJson.render(new InspectResult.Read("x.o", BinaryFormat.ELF, List.of(Summaries.bare()))));
        assertTrue(node.get("soname").isNull());
        assertTrue(node.get("interpreter").isNull());
        for (String array : List.of("needed", "rpath", "runpath", "delayImports", "versionNeeds")) {
            assertTrue(node.get(array).isArray() && node.get(array).isEmpty(), array);
        }
    }

    @Test
    void bigEndianIsSpelledBig() {
        JsonNode node = InspectSchema.parse(
                InspectJson.render(new InspectResult.Read("x.o", BinaryFormat.ELF, List.of(Summaries.bare()))));
        assertEquals("big", node.get("endian").asText());
        assertEquals(32, node.get("bits").asInt());
    }

    @Test
    void peDelayImportsAreAnArrayInOrderAndNamesAreEscaped() {
        JsonNode node = InspectSchema.assertFileObject(
                InspectJson.render(new InspectResult.Read("api.dll", BinaryFormat.PE, List.of(Summaries.pe()))));
        assertEquals(List.of("WINMM.dll", "d\"q\\.dll"), strings(node.get("delayImports")));
        assertEquals(List.of("dep.dll", "KERNEL32.dll", "msvcrt.dll"), strings(node.get("needed")));
    }

    @Test
    void fatFileListsEachSliceInOrderWithoutPath() {
        List<BinarySummary> slices = List.of(Summaries.machO(Architecture.X86_64), Summaries.machO(Architecture.AARCH64));
        String line = InspectJson.render(new InspectResult.Read("libfat.dylib", BinaryFormat.FAT_MACHO, slices));
        JsonNode node = InspectSchema.assertFileObject(line);
        assertEquals("FAT_MACHO", node.get("format").asText());
        assertEquals(2, node.get("slices").size());
        assertEquals("x86_64", node.get("slices").get(0).get("arch").asText());
        assertEquals("aarch64", node.get("slices").get(1).get("arch").asText());
        for (JsonNode slice : node.get("slices")) {
            assertFalse(slice.has("path"));
            assertEquals("@rpath/libfoo.1.dylib", slice.get("soname").asText(), "install name is the soname");
            assertEquals(List.of("@loader_path/../lib"), strings(slice.get("rpath")), "LC_RPATH goes in rpath");
        }
    }

    @Test
    void failureObjectHasKindMessageAndOffsetOrNull() {
        JsonNode malformed = InspectSchema.assertFileObject(InspectJson.render(new InspectResult.Failed(
                "bad.so", InspectResult.ErrorKind.MALFORMED, "invalid ELF program header count 65535", OptionalLong.of(0x38))));
        assertEquals("MALFORMED", malformed.get("error").get("kind").asText());
        assertEquals("invalid ELF program header count 65535", malformed.get("error").get("message").asText());
        assertEquals(0x38, malformed.get("error").get("offset").asLong());

        JsonNode io = InspectSchema.assertFileObject(InspectJson.render(new InspectResult.Failed(
                "gone", InspectResult.ErrorKind.IO, "no such file", OptionalLong.empty())));
        assertTrue(io.get("error").get("offset").isNull());
    }

    @Test
    void eachObjectIsOneLine() {
        String line = InspectJson.render(new InspectResult.Read("we\nird\r.so", BinaryFormat.ELF, List.of(Summaries.elf())));
        assertFalse(line.contains("\n") || line.contains("\r"), line);
        assertEquals("we\nird\r.so", InspectSchema.parse(line).get("path").asText());
    }
}
