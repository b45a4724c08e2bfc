package dev.nativeload.binary.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.VersionNeed;
import dev.nativeload.binary.testing.JarNatives;
import dev.nativeload.binary.testing.TestData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Compares the reader with binutils' readelf over every ELF file in the system library
 * directory, every fixture and every ELF inside the third-party jars.
 */
class ElfReadelfDifferentialTest {
    private static final Path SYSTEM_LIBS = Path.of("/usr/lib/x86_64-linux-gnu");

    /** readelf's Machine: text for each e_machine the inputs use. */
    private static final Map<String, Integer> READELF_MACHINES = Map.ofEntries(
            Map.entry("Advanced Micro Devices X86-64", 62), Map.entry("Intel 80386", 3), Map.entry("AArch64", 183),
            Map.entry("ARM", 40), Map.entry("RISC-V", 243), Map.entry("PowerPC64", 21), Map.entry("PowerPC", 20),
            Map.entry("IBM S/390", 22), Map.entry("LoongArch", 258), Map.entry("MIPS R3000", 8),
            Map.entry("Sparc v9", 43), Map.entry("Sparc", 2), Map.entry("Sparc v8+", 18), Map.entry("Intel IA-64", 50),
            Map.entry("Alpha", 0x9026), Map.entry("Motorola M68K", 4), Map.entry("Renesas / SuperH SH", 42),
            Map.entry("HPPA", 15));

    @Test
    void readerAgreesWithReadelfOnSystemLibrariesFixturesAndJarNatives() throws IOException {
        assumeTrue(Readelf.available(), "binutils readelf is not installed");
        List<Path> files = new ArrayList<>(systemElfFiles());
        int system = files.size();
        List<Path> fixtures = fixtureFiles();
        files.addAll(fixtures);
        List<Path> jars = new ArrayList<>();
        for (JarNatives.Entry e : JarNatives.all()) {
            if (isElf(e.file())) {
                jars.add(e.file());
            }
        }
        files.addAll(jars);

        Map<Path, Readelf.Facts> reference = Readelf.headers(files);
        List<String> disagreements = new ArrayList<>();
        List<String> explained = new ArrayList<>();
        int agree = 0;
        for (Path file : files) {
            Readelf.Facts facts = reference.get(file);
            if (facts == null) {
                disagreements.add(file + ": readelf printed nothing for it");
                continue;
            }
            List<String> problems = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            compare(file, facts, problems, notes);
            if (problems.isEmpty()) {
                agree++;
                notes.forEach(n -> explained.add(file.getFileName() + ": " + n));
            } else {
                disagreements.add(file + ": " + String.join("; ", problems));
            }
        }
        System.out.printf("ELF differential: %d/%d files agree (%d system libraries, %d fixtures, %d jar natives; %d with an explained difference)%n",
                agree, files.size(), system, fixtures.size(), jars.size(), explained.size());
        explained.forEach(e -> System.out.println("  explained: " + e));
        assertTrue(system > 100, "expected hundreds of ELF files in " + SYSTEM_LIBS + ", found " + system);
        assertTrue(jars.size() > 10, "expected ELF natives in the third-party jars, found " + jars.size());
        assertEquals(List.of(), disagreements, "files where the reader and readelf disagree");
    }

    private static void compare(Path file, Readelf.Facts r, List<String> problems, List<String> notes) {
        ElfFile elf;
        try {
            elf = ElfFile.read(file);
        } catch (MalformedBinaryException | IOException e) {
            problems.add("reader failed: " + e.getMessage());
            return;
        }
        check(problems, "class", r.elfClass, "ELF" + elf.header().bits());
        check(problems, "data", r.data, elf.header().byteOrder().toString().startsWith("BIG") ? "big" : "little");
        Integer machine = READELF_MACHINES.get(r.machine);
        check(problems, "machine", machine != null ? machine : r.machine, elf.header().machine().value());
        check(problems, "type", r.type, elf.header().type().name());
        check(problems, "interpreter", r.interpreter, elf.interpreter().orElse(null));
        check(problems, "needed", r.needed, elf.needed());
        check(problems, "soname", r.soname, elf.soname().orElse(null));
        check(problems, "rpath", String.join(":", r.rpath), String.join(":", elf.rpath()));
        check(problems, "runpath", String.join(":", r.runpath), String.join(":", elf.runpath()));
        Map<String, List<String>> ours = new LinkedHashMap<>();
        for (VersionNeed v : elf.versionNeeds()) {
            ours.put(v.file(), v.versions());
        }
        if (!r.hasSections && r.versionNeeds.isEmpty()) {
            // readelf -V reads version sections through the section headers; without them it prints none.
            if (!ours.isEmpty()) {
                notes.add("no section headers, so readelf -V shows no version needs; the reader found "
                        + ours.size() + " through PT_DYNAMIC");
            }
            return;
        }
        check(problems, "version needs", r.versionNeeds, ours);
    }

    private static void check(List<String> problems, String what, Object readelf, Object ours) {
        if (!Objects.equals(readelf, ours)) {
            problems.add(what + ": readelf " + readelf + ", reader " + ours);
        }
    }

    /** Top-level regular files and symlink targets of the system library directory that are ELF, each once. */
    static List<Path> systemElfFiles() throws IOException {
        Set<Path> unique = new LinkedHashSet<>();
        if (!Files.isDirectory(SYSTEM_LIBS)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(SYSTEM_LIBS)) {
            for (Path p : entries.sorted().toList()) {
                Path real;
                try {
                    real = p.toRealPath();
                } catch (IOException dangling) {
                    continue;
                }
                if (Files.isRegularFile(real) && isElf(real)) {
                    unique.add(real);
                }
            }
        }
        return List.copyOf(unique);
    }

    static List<Path> fixtureFiles() throws IOException {
        try (Stream<Path> entries = Files.list(TestData.path("elf"))) {
            return entries.filter(Files::isRegularFile).filter(ElfReadelfDifferentialTest::isElf).sorted().toList();
        }
    }

    static boolean isElf(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 0x7F && magic[1] == 'E' && magic[2] == 'L' && magic[3] == 'F';
        } catch (IOException e) {
            return false;
        }
    }
}
