package dev.nativeload.binary.pe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nativeload.binary.MalformedBinaryException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Compares the reader with {@code llvm-readobj --file-headers --coff-imports --coff-exports --sections}
 * on every real PE file at hand: machine, PE32/PE32+, characteristics, image base, subsystem, DLL
 * characteristics, the section table (long names resolved), import DLLs in order with every function (name and hint, or ordinal), delay
 * imports, and every used export (ordinal, name, RVA, forwarder or not).
 */
class PeDifferentialTest {
    private static final String AGREE = "agree";
    private static final String BOTH_REJECT = "both reject";

    @Test
    void readerAgreesWithLlvmReadobjOnFixturesJarDllsAndToolchainDlls() {
        assumeTrue(Readobj.available(), "llvm-readobj not installed");
        Map<String, Path> files = new LinkedHashMap<>();
        PeFiles.fixtures().forEach((name, path) -> files.put("testdata/pe/" + name, path));
        PeFiles.jarDlls().forEach(e -> files.put(e.toString(), e.file()));
        PeFiles.systemFiles().forEach(p -> files.put(p.toString(), p));

        List<String> outcomes = files.entrySet().parallelStream()
                .map(e -> compare(e.getKey(), e.getValue()))
                .toList();
        List<String> disagreements = outcomes.stream().filter(o -> !o.equals(AGREE) && !o.equals(BOTH_REJECT)).toList();
        long bothReject = outcomes.stream().filter(BOTH_REJECT::equals).count();
        int agree = files.size() - disagreements.size();
        System.out.println("PE differential: " + agree + "/" + files.size() + " files agree ("
                + PeFiles.fixtures().size() + " fixtures, " + PeFiles.jarDlls().size() + " jar DLLs, "
                + (files.size() - PeFiles.fixtures().size() - PeFiles.jarDlls().size()) + " toolchain files; "
                + bothReject + " rejected by both)");
        disagreements.forEach(System.out::println);
        assertTrue(PeFiles.fixtures().size() >= 12, "all fixtures found");
        assertTrue(PeFiles.jarDlls().size() >= 6, "the jars' DLLs found");
        assertEquals(List.of(), disagreements);
    }

    private static String compare(String name, Path file) {
        Readobj.Result expected;
        try {
            expected = Readobj.run(file);
        } catch (IOException | InterruptedException e) {
            return name + ": llvm-readobj failed to run: " + e;
        }
        List<String> actual;
        try {
            actual = PeFacts.of(PeFile.read(file));
        } catch (MalformedBinaryException e) {
            return expected.ok() ? name + ": rejected as malformed (" + e.getMessage() + "), llvm-readobj read it" : BOTH_REJECT;
        } catch (IOException e) {
            return name + ": " + e;
        }
        if (!expected.ok()) {
            return name + ": read, but llvm-readobj rejected it: " + expected.error();
        }
        if (expected.lines().equals(actual)) {
            return AGREE;
        }
        List<String> diff = new ArrayList<>();
        for (int i = 0; i < Math.max(expected.lines().size(), actual.size()) && diff.size() < 5; i++) {
            String want = i < expected.lines().size() ? expected.lines().get(i) : "<none>";
            String got = i < actual.size() ? actual.get(i) : "<none>";
            if (!want.equals(got)) {
                diff.add("line " + i + ": llvm-readobj `" + want + "` vs reader `" + got + "`");
            }
        }
        return name + ": " + diff;
    }
}
