package dev.nativeload.zoo;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.NativeLoadException;
import dev.nativeload.NativeLoader;
import dev.nativeload.ffm.fixtures.BrokenLibraries;
import dev.nativeload.spi.LoadStrategy;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JDK is the floor: for each broken file of the zoo, whatever JDK's own {@code System.load}
 * says of it, nativeload's message says too. It names the same file; it quotes the loader's own
 * words when it asks the loader (without the pre-check), and when the JDK adds a "Possible cause"
 * naming two machines, nativeload's message (with the pre-check, as users run it) names both.
 */
class JdkFloorTest {
    /** The JDK's names of machines in its "Possible cause" line, and nativeload's for the same. */
    private static final Map<String, String> MACHINES = Map.of("IA 32", "x86", "AMD 64", "x86_64",
            "AARCH64", "aarch64", "ARM", "arm", "RISCV64", "riscv64", "S390", "s390x", "PPC64LE", "ppc64le");
    private static final Pattern POSSIBLE_CAUSE = Pattern.compile("\\(Possible cause: can't load (.+?) \\.so on a (.+?) platform\\)");

    @AfterAll
    static void unmount() {
        BrokenLibraries.unmountAll();
    }

    static Stream<Arguments> brokenFiles() {
        List<Map.Entry<String, Supplier<Path>>> files = List.of(
                Map.entry("missing file", BrokenLibraries::missingFile),
                Map.entry("another machine", BrokenLibraries::foreignMachine),
                Map.entry("another word size", BrokenLibraries::wrongClass),
                Map.entry("a text file", BrokenLibraries::textFile),
                Map.entry("an empty file", BrokenLibraries::emptyFile),
                Map.entry("a directory", BrokenLibraries::directory),
                Map.entry("a symlink loop", BrokenLibraries::symlinkLoop),
                Map.entry("musl-linked", BrokenLibraries::muslLinked),
                Map.entry("a missing dependency", () -> BrokenLibraries.missingDependency().library()),
                Map.entry("an undefined data symbol", () -> BrokenLibraries.undefinedDataSymbol().library()),
                Map.entry("a version not found", () -> BrokenLibraries.versionNotFound().library()),
                Map.entry("a newer glibc needed", BrokenLibraries::needsNewerGlibc),
                Map.entry("cut short", () -> BrokenLibraries.truncated(40)),
                Map.entry("an impossible segment size", BrokenLibraries::hugeMemsz));
        return files.stream().map(e -> Arguments.of(e.getKey(), e.getValue().get()));
    }

    private static String ours(Path file, boolean precheck) {
        return assertThrows(NativeLoadException.class, () -> NativeLoader.builder(String.valueOf(file.getFileName()))
                .strategies(List.of(LoadStrategy.file(file))).precheck(precheck).build().load()).getMessage();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void nativeloadSaysAtLeastWhatSystemLoadSays(String what, Path file) {
        String jdk = assertThrows(UnsatisfiedLinkError.class, () -> System.load(file.toString())).getMessage();
        String checked = ours(file, true);
        String asked = ours(file, false);
        assertTrue(checked.contains(file.toString()) && asked.contains(file.toString()), what + ": the file is named");
        // The JDK's message is "PATH: LOADER WORDS" (or "Can't load library: PATH" for a missing file).
        String prefix = file + ": ";
        if (jdk.startsWith(prefix)) {
            String words = POSSIBLE_CAUSE.matcher(jdk.substring(prefix.length())).replaceAll("").strip();
            assertTrue(asked.contains(words), what + ": the loader's own words are quoted\n JDK: " + jdk + "\n ours: " + asked);
        }
        Matcher cause = POSSIBLE_CAUSE.matcher(jdk);
        if (cause.find()) {
            for (String jdkName : List.of(cause.group(1), cause.group(2))) {
                String name = MACHINES.getOrDefault(jdkName, jdkName.toLowerCase(Locale.ROOT));
                assertTrue(checked.contains(name), what + ": the possible cause's machine " + jdkName + " (" + name
                        + ") is named\n JDK: " + jdk + "\n ours: " + checked);
            }
        }
    }
}
