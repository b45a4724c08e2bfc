package dev.nativeload.binary.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.binary.TargetOs;
import dev.nativeload.binary.VersionNeed;
import dev.nativeload.binary.testing.JarNatives;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Section names as the last evidence of an ELF object's OS: read right, real, and read only when needed. */
class ElfSectionEvidenceTest {
    /** A line of {@code readelf -SW}: {@code [ 1] .interp PROGBITS ...}; section 0's name is empty. */
    private static final Pattern READELF_SECTION = Pattern.compile("^\\s*\\[\\s*(\\d+)]\\s+(\\S+)\\s+\\S+\\s+[0-9a-f]{8,}");

    @Test
    void sectionNamesOfJarNativesMatchReadelf() throws Exception {
        int checked = 0;
        for (JarNatives.Entry e : elfNatives()) {
            String path = e.entry().toLowerCase(Locale.ROOT);
            // every OS's natives, but not all of them: readelf runs once per file
            if (!path.contains("sunos") && !path.contains("openbsd") && !path.contains("freebsd")
                    && !path.contains("linux-x86-64")) {
                continue;
            }
            assertEquals(readelfSectionNames(e.file().toString()), ElfFile.read(e.file()).sectionNames(), e.toString());
            checked++;
        }
        assertTrue(checked >= 8, "only " + checked + " natives checked");
    }

    @Test
    void solarisAndOpenBsdSectionNamesNameTheOsTheOtherEvidenceNames() throws Exception {
        Map<TargetOs, Integer> agreeing = new EnumMap<>(TargetOs.class);
        List<String> wrong = new ArrayList<>();
        for (JarNatives.Entry e : elfNatives()) {
            ElfFile elf = ElfFile.read(e.file());
            Optional<TargetOs> bySection = ElfPlatform.bySectionName(elf.sectionNames());
            String path = e.entry().toLowerCase(Locale.ROOT);
            boolean namedBySection = path.contains("sunos") || path.contains("openbsd");
            if (bySection.isPresent() != namedBySection) {
                wrong.add(e + ": section names say " + bySection);
            }
            if (bySection.isPresent()) {
                if (bySection.get() == elf.summary().os()) {
                    agreeing.merge(bySection.get(), 1, Integer::sum);
                } else {
                    wrong.add(e + ": sections say " + bySection.get() + ", the rest " + elf.summary().os());
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(agreeing.getOrDefault(TargetOs.SOLARIS, 0) >= 2 && agreeing.getOrDefault(TargetOs.OPENBSD, 0) >= 1,
                "natives named by their sections: " + agreeing);
    }

    @Test
    void aSunwSectionNamesSolarisWhenNothingElseNamesAnOs() {
        assertEquals(TargetOs.SOLARIS, withNothingBut(List.of(".text", ".SUNW_ldynsym", ".dynamic")).os());
        assertEquals(TargetOs.SOLARIS, withNothingBut(List.of(".text", ".SUNW_signature")).os());
    }

    @Test
    void anOpenBsdSectionNamesOpenBsdWhenNothingElseNamesAnOs() {
        assertEquals(TargetOs.OPENBSD, withNothingBut(List.of(".note.openbsd.ident", ".text")).os());
        assertEquals(TargetOs.OPENBSD, withNothingBut(List.of(".text", ".openbsd.randomdata")).os());
    }

    @Test
    void sectionNamesNoOsAloneGivesLeaveTheOsUnknown() {
        assertEquals(TargetOs.UNKNOWN, withNothingBut(List.of(".text", ".note.tag", ".dynamic", ".note.gnu.build-id")).os());
        assertEquals(TargetOs.UNKNOWN, withNothingBut(List.of()).os());
    }

    @Test
    void sectionNamesAreNotReadWhenTheLoaderVisibleEvidenceNamesTheOs() {
        Supplier<List<String>> never = () -> {
            throw new AssertionError("section names read");
        };
        ElfPlatform linux = new ElfPlatform(OsAbi.NONE, Optional.empty(), List.of("libc.so.6"), List.of(), List.of(), never);
        assertEquals(TargetOs.LINUX, linux.os());
        ElfPlatform freebsd = new ElfPlatform(OsAbi.NONE, Optional.empty(), List.of("libc.so.7"),
                List.of(new VersionNeed("libc.so.7", List.of("FBSD_1.0"))), List.of(), never);
        assertEquals(TargetOs.FREEBSD, freebsd.os());
    }

    private static ElfPlatform withNothingBut(List<String> sections) {
        return new ElfPlatform(OsAbi.NONE, Optional.empty(), List.of(), List.of(), List.of(), () -> sections);
    }

    private static List<JarNatives.Entry> elfNatives() throws IOException {
        List<JarNatives.Entry> elves = new ArrayList<>();
        for (JarNatives.Entry e : JarNatives.all()) {
            if (ElfReadelfDifferentialTest.isElf(e.file())) {
                elves.add(e);
            }
        }
        return elves;
    }

    private static List<String> readelfSectionNames(String file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("readelf", "-SW", file).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        List<String> names = new ArrayList<>();
        for (String line : out.split("\n")) {
            Matcher m = READELF_SECTION.matcher(line);
            if (m.find() && !m.group(1).equals("0")) {
                names.add(m.group(2));
            }
        }
        return names;
    }
}
