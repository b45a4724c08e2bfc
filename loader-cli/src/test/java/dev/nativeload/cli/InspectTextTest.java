package dev.nativeload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.BinaryFormat;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class InspectTextTest {

    @Test
    void thinFileShowsOneLabelledLinePerFactAndListsContinueBelowInFileOrder() {
        String text = InspectText.render(new InspectResult.Read("libzoo.so", BinaryFormat.ELF, List.of(Summaries.elf())));
        assertEquals("""
                libzoo.so
                  format        ELF
                  arch          aarch64
                  bits          64
                  endian        little
                  type          DYN
                  os            LINUX
                  libc          GLIBC
                  soname        libzoo.so.2
                  needed        libm.so.6
                                libc.so.6
                                libdl.so.2
                  rpath         $ORIGIN/../lib
                                /opt/zoo
                  runpath       /run/path
                  interpreter   /lib/ld-linux-aarch64.so.1
                  delay imports -
                  version needs libc.so.6 (GLIBC_2.17, GLIBC_2.34)
                                libm.so.6 (GLIBC_2.29)
                """, text);
    }

    @Test
    void absentValuesPrintAsADash() {
        String text = InspectText.render(new InspectResult.Read("x.o", BinaryFormat.ELF, List.of(Summaries.bare())));
        for (String label : List.of("soname", "needed", "rpath", "runpath", "interpreter", "delay imports", "version needs")) {
            assertTrue(text.lines().anyMatch(l -> l.matches(" {2}" + label + " +-")), label + " in\n" + text);
        }
    }

    @Test
    void fatFileIndentsEachSliceUnderItsHeading() {
        String text = InspectText.render(new InspectResult.Read("libfat.dylib", BinaryFormat.FAT_MACHO,
                List.of(Summaries.machO(Architecture.X86_64), Summaries.machO(Architecture.AARCH64))));
        List<String> lines = text.lines().toList();
        assertEquals("libfat.dylib", lines.get(0));
        assertEquals("  format        FAT_MACHO", lines.get(1));
        assertEquals("  slice 1 of 2", lines.get(2));
        assertEquals("    format        MACHO", lines.get(3));
        assertEquals("    arch          x86_64", lines.get(4));
        int second = lines.indexOf("  slice 2 of 2");
        assertTrue(second > 4, text);
        assertEquals("    arch          aarch64", lines.get(second + 2));
        assertTrue(lines.stream().skip(2).allMatch(l -> l.startsWith("    ") || l.startsWith("  slice ")), text);
    }

    @Test
    void failureIsOneLineWithKindMessageAndHexOffset() {
        assertEquals("bad.so: MALFORMED: truncated section header at offset 0x40\n", InspectText.render(
                new InspectResult.Failed("bad.so", InspectResult.ErrorKind.MALFORMED, "truncated section header", OptionalLong.of(64))));
        assertEquals("t.txt: NOT_A_BINARY: a script\n", InspectText.render(
                new InspectResult.Failed("t.txt", InspectResult.ErrorKind.NOT_A_BINARY, "a script", OptionalLong.empty())));
    }

    @Test
    void controlCharactersFromTheFilePrintEscapedSoTheyCannotDriveTheTerminal() {
        assertEquals("lib\\x1B[2Jevil\\x07.so\\x9B", InspectText.printable("lib\u001b[2Jevil\u0007.so\u009b"));
        assertEquals("plain é 日本", InspectText.printable("plain é 日本"));
        String text = InspectText.render(new InspectResult.Failed("a\nb", InspectResult.ErrorKind.IO, "no such file", OptionalLong.empty()));
        assertEquals("a\\x0Ab: IO: no such file\n", text);
    }
}
