package dev.nativeload.hints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.LibraryNotFoundException;
import dev.nativeload.NativeLibrary;
import dev.nativeload.NativeLoader;
import dev.nativeload.SymbolNotFoundException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hint that names a property or a command is true: set the property, or run the command, and it does what it says. */
class HintsAreTrueTest {
    private static final Pattern PROPERTY = Pattern.compile("-D(nativeload\\.[^=\\s]+\\.path)=");
    private static final Pattern COMMAND = Pattern.compile("`([^`]+)`");

    @TempDir
    Path dir;

    @Test
    void theNotFoundHintsPropertyNamesTheLibraryAndSettingItMakesTheLoadWork() throws Exception {
        assertPropertyHintWorks("nlhintprobe" + ProcessHandle.current().pid());
    }

    @Test
    void forAFileNameTheHintsPropertyIsThatNamesOwnAndSettingItMakesTheLoadWork() throws Exception {
        assertPropertyHintWorks("libnlhintfile" + ProcessHandle.current().pid() + ".so.1");
    }

    private void assertPropertyHintWorks(String name) throws Exception {
        LibraryNotFoundException e = assertThrows(LibraryNotFoundException.class, () -> NativeLoader.load(name));
        String hints = e.report().attempts().stream().flatMap(a -> a.diagnosis().stream()).map(d -> d.hint())
                .reduce(e.diagnosis().hint(), (a, b) -> a + "\n" + b);
        Matcher m = PROPERTY.matcher(hints);
        assertTrue(m.find(), hints);
        String property = m.group(1);
        assertEquals("nativeload." + name + ".path", property, "the hint names this library's property, no placeholder");
        Path copy = Files.copy(NativeLoader.load("z").path(), dir.resolve("lib" + name + ".so"));
        // The property names the file itself, whatever it is called.
        System.setProperty(property, copy.toString());
        try (NativeLibrary lib = NativeLoader.load(name)) {
            assertTrue(lib.find("zlibVersion").isPresent(), "loaded what the property named");
        } finally {
            System.clearProperty(property);
        }
    }

    @Test
    void theSymbolNotFoundHintsCommandRunsAndListsTheExportsWithoutTheSymbol() throws Exception {
        NativeLibrary z = NativeLoader.load("z");
        SymbolNotFoundException e = assertThrows(SymbolNotFoundException.class, () -> z.lookup("nativeloadNoSuchSymbol"));
        Matcher m = COMMAND.matcher(e.diagnosis().hint());
        assertTrue(m.find(), e.diagnosis().hint());
        List<String> command = Arrays.asList(m.group(1).split(" "));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), command + ": " + out);
        assertTrue(out.contains("zlibVersion"), "the command lists the library's exports");
        assertFalse(out.contains("nativeloadNoSuchSymbol"));
    }
}
