package dev.nativeload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nativeload.binary.GlibcVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nativeload verify} over the committed fixtures (facts from testdata's expected.txt). */
class VerifyCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path testdata;

    @TempDir
    Path dir;

    @BeforeAll
    static void fixtures() {
        testdata = Fixtures.root();
        Assumptions.assumeTrue(testdata != null, "no testdata directory");
    }

    private static String fixture(String relative) {
        return testdata.resolve(relative).toString();
    }

    private CliRun verify(String... args) {
        List<String> all = new ArrayList<>(List.of("verify"));
        all.addAll(List.of(args));
        return CliRun.run(dir, all.toArray(String[]::new));
    }

    /** {@return the rules broken by each file, from --json output, in argument order} */
    private List<List<String>> rules(CliRun run) throws Exception {
        List<List<String>> out = new ArrayList<>();
        for (String line : run.outLines()) {
            JsonNode node = JSON.readTree(line);
            List<String> rules = new ArrayList<>();
            node.get("violations").forEach(v -> rules.add(v.get("rule").asText()));
            assertEquals(rules.isEmpty(), node.get("ok").asBoolean(), line);
            out.add(rules);
        }
        return out;
    }

    @Test
    void aarch64LibraryPassesLinuxAarch64AndFailsLinuxX8664OnArch() throws Exception {
        String lib = fixture("elf/gcc-aarch64-libzoo.so");
        CliRun pass = verify("--target", "linux-aarch64", lib);
        assertEquals(0, pass.status(), pass.out() + pass.err());
        assertEquals(List.of(lib + ": ok"), pass.outLines());

        CliRun fail = verify("--target", "linux-x86_64", lib);
        assertEquals(1, fail.status());
        assertEquals(List.of(lib + ": arch: built for aarch64, not x86_64"), fail.outLines());
    }

    @Test
    void absoluteAndEmptyRunpathEntriesBreakTheRpathRuleButOriginDoesNot() throws Exception {
        // expected.txt: libvisitor has RUNPATH $ORIGIN/../lib::/opt/zoo/lib and needs libkeeper.so.2.
        String visitor = fixture("elf/gcc-x86_64-libvisitor.so");
        String keeper = fixture("elf/gcc-x86_64-libkeeper.so");
        String zoo = fixture("elf/gcc-x86_64-libzoo.so");
        CliRun run = verify("--target", "linux-x86_64", visitor, keeper, zoo);
        assertEquals(1, run.status());
        List<String> lines = run.outLines();
        assertEquals(List.of(
                visitor + ": rpath: RUNPATH entry '' is empty: ld.so reads it as the current directory; use $ORIGIN",
                visitor + ": rpath: RUNPATH entry '/opt/zoo/lib' is absolute: it names a directory of the build machine; use $ORIGIN",
                keeper + ": ok",
                zoo + ": ok"), lines);
    }

    @Test
    void glibcVersionAboveTheLimitIsAViolationAndAtTheLimitIsNot() throws Exception {
        // expected.txt: gcc-x86_64-hello needs GLIBC_2.2.5 and GLIBC_2.34.
        String hello = fixture("elf/gcc-x86_64-hello");
        CliRun old = verify("--target", "linux-x86_64", "--max-glibc", "2.28", hello);
        assertEquals(1, old.status());
        assertEquals(List.of(hello + ": glibc-version: needs GLIBC_2.34 from libc.so.6, newer than the limit 2.28"), old.outLines());
        assertEquals(0, verify("--target", "linux-x86_64", "--max-glibc", "2.34", hello).status());
        assertEquals(0, verify("--target", "linux-x86_64", hello).status(), "no limit, no version rule");
    }

    @Test
    void everyElfFixturePassesOrFailsAsItsGoldenFactsSay() throws Exception {
        List<ElfFacts> all = ElfFacts.read(testdata.resolve("elf/expected.txt"));
        assertTrue(all.size() >= 20, "fixtures listed: " + all.size());
        for (ElfFacts f : all) {
            if (!f.libc().equals("GLIBC") && !f.libc().equals("UNKNOWN")) {
                continue; // musl and Bionic objects are checked by the libc test
            }
            String path = fixture("elf/" + f.file());
            List<String> rules = rules(verify("--json", "--target", "linux-" + f.arch(), "--max-glibc", "2.17", path)).get(0);
            boolean badRpath = f.searchPaths().stream().anyMatch(e -> !e.equals("$ORIGIN") && !e.startsWith("$ORIGIN/"));
            boolean newGlibc = f.glibcVersions().stream().anyMatch(v -> GlibcVersion.parse(v).orElseThrow()
                    .compareTo(GlibcVersion.parse("2.17").orElseThrow()) > 0);
            boolean foreignDependency = f.needed().stream().anyMatch(n -> !n.equals("libc.so.6"));
            assertEquals(badRpath, rules.contains("rpath"), f.file() + " " + rules);
            assertEquals(newGlibc, rules.contains("glibc-version"), f.file() + " " + rules);
            assertEquals(foreignDependency, rules.contains("dependency"), f.file() + " " + rules);
            assertFalse(rules.contains("arch") || rules.contains("format") || rules.contains("libc"), f.file() + " " + rules);

            String other = f.arch().equals("x86_64") ? "aarch64" : "x86_64";
            assertEquals(List.of("arch"), rules(verify("--json", "--target", "linux-" + other, path)).get(0), f.file());
        }
    }

    @Test
    void muslLibraryFailsAGlibcTargetAndPassesAMuslOne() throws Exception {
        String musl = fixture("elf/musl-x86_64-libzoo.so");
        // musl's libc.so is no glibc library either: both the libc and the dependency rule fire.
        assertEquals(List.of(List.of("libc", "dependency")), rules(verify("--json", "--target", "linux-x86_64", musl)));
        assertEquals(List.of(List.of()), rules(verify("--json", "--target", "linux-x86_64-musl", musl)));
        String glibc = fixture("elf/gcc-x86_64-libzoo.so");
        assertEquals(List.of(List.of("libc", "dependency")), rules(verify("--json", "--target", "linux-x86_64-musl", glibc)));
    }

    @Test
    void fatMachOPassesForEitherSliceAndFailsForAMissingOne() throws Exception {
        List<String> shipped = List.of(fixture("macho/fat/libfoo.dylib"), fixture("macho/arm64-macos11/libdep.dylib"),
                fixture("macho/arm64-macos11/libweak.dylib"), fixture("macho/arm64-macos11/libreexp.dylib"));
        List<String> args = new ArrayList<>(List.of("--json", "--target", "osx-aarch64"));
        args.addAll(shipped);
        assertEquals(List.of(List.of(), List.of(), List.of(), List.of()), rules(verify(args.toArray(String[]::new))));
        assertEquals(List.of(List.of("arch")), rules(verify("--json", "--target", "osx-x86", shipped.get(0))));
        CliRun text = verify("--target", "osx-x86", shipped.get(0));
        assertEquals(List.of(shipped.get(0) + ": arch: universal file has slices [x86_64, aarch64], none x86"), text.outLines());
    }

    @Test
    void rpathDependencyNotShippedIsListedOnceEvenWhenLoadedAndReexported() throws Exception {
        String foo = fixture("macho/fat/libfoo.dylib");
        CliRun run = verify("--target", "osx-x86_64", foo);
        assertEquals(1, run.status());
        assertEquals(List.of(
                foo + ": dependency: needs @rpath/libdep.dylib, which is neither in the osx-x86_64 base system nor among the files checked: ship it alongside or link it statically",
                foo + ": dependency: needs @rpath/libweak.dylib, which is neither in the osx-x86_64 base system nor among the files checked: ship it alongside or link it statically",
                foo + ": dependency: needs @rpath/libreexp.dylib, which is neither in the osx-x86_64 base system nor among the files checked: ship it alongside or link it statically"),
                run.outLines());
    }

    @Test
    void macOSExecutableNeedingOnlyLibSystemAndAShippedDylibIsClean() throws Exception {
        // expected.txt: hello loads @rpath/libdep.dylib and /usr/lib/libSystem.B.dylib, LC_RPATH @executable_path/../lib.
        CliRun run = verify("--target", "osx-aarch64", fixture("macho/arm64-macos11/hello"), fixture("macho/arm64-macos11/libdep.dylib"));
        assertEquals(0, run.status(), run.out());
    }

    @Test
    void windowsDllNeedingASiblingFailsAloneAndPassesWithIt() throws Exception {
        String api = fixture("pe/mingw-x86_64/api.dll");
        String dep = fixture("pe/mingw-x86_64/dep.dll");
        CliRun alone = verify("--target", "windows-x86_64", api);
        assertEquals(1, alone.status());
        assertEquals(1, alone.outLines().size());
        assertTrue(alone.outLines().get(0).startsWith(api + ": dependency: needs dep.dll,"), alone.out());
        assertEquals(0, verify("--target", "windows-x86_64", api, dep).status(), "KERNEL32.dll and msvcrt.dll are base");
        assertEquals(List.of(List.of("arch"), List.of("arch")),
                rules(verify("--json", "--target", "windows-aarch64", api, dep)));
    }

    @Test
    void formatMustMatchTheTargetOs() throws Exception {
        assertEquals(List.of(List.of("format")), rules(verify("--json", "--target", "linux-x86_64", fixture("pe/mingw-x86_64/dep.dll"))));
        assertEquals(List.of(List.of("format")), rules(verify("--json", "--target", "windows-x86_64", fixture("elf/gcc-x86_64-libzoo.so"))));
        assertEquals(List.of(List.of("format")), rules(verify("--json", "--target", "linux-aarch64", fixture("macho/fat/libfoo.dylib"))));
    }

    @Test
    void unreadableFileIsAReadViolationAndTheRunGoesOn() throws Exception {
        String zoo = fixture("elf/gcc-x86_64-libzoo.so");
        CliRun run = verify("--json", "--target", "linux-x86_64", "no-such-file.so", zoo);
        assertEquals(1, run.status());
        assertEquals(List.of(List.of("read"), List.of()), rules(run));
        JsonNode first = JSON.readTree(run.outLines().get(0));
        assertEquals("no-such-file.so", first.get("path").asText());
        assertEquals("linux-x86_64", first.get("target").asText());
        assertTrue(first.get("violations").get(0).get("message").asText().contains("no such file"));
    }

    @Test
    void fileNamesOnStandardInputAreCheckedTogether() throws Exception {
        String api = fixture("pe/mingw-x86_64/api.dll");
        String dep = fixture("pe/mingw-x86_64/dep.dll");
        CliRun run = CliRun.withStdin(dir, api + "\n" + dep + "\n", "verify", "--target", "windows-x86_64", "-");
        assertEquals(0, run.status(), run.out());
        assertEquals(List.of(api + ": ok", dep + ": ok"), run.outLines());
    }

    @Test
    void badTargetBadVersionAndMissingTargetAreUsageErrors() {
        String zoo = fixture("elf/gcc-x86_64-libzoo.so");
        assertEquals(2, verify("--target", "linux-sparc", zoo).status());
        assertEquals(2, verify("--target", "plan9-x86_64", zoo).status());
        assertEquals(2, verify("--target", "osx-aarch64-musl", zoo).status());
        assertEquals(2, verify("--target", "linux-x86_64", "--max-glibc", "2.x", zoo).status());
        assertEquals(2, verify("--target", "windows-x86_64", "--max-glibc", "2.28", zoo).status());
        assertEquals(2, verify(zoo).status());
        assertEquals(2, verify("--target", "linux-x86_64").status());
    }
}
