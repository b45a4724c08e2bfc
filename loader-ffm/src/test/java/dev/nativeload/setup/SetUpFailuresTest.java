package dev.nativeload.setup;

import dev.nativeload.testsupport.ChildJvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Set-up mistakes are typed, and loads are quiet. Native access denied
 * ({@code --illegal-native-access=deny}, the JDK's announced default) is a typed set-up failure
 * whose hint names the flag for the way the JVM runs, every call alike, and the hint is true: run
 * again as it says, the load succeeds. Without loader-ffm the failure names the dependency to add.
 * A load, and a failed one its caller catches, print nothing.
 */
class SetUpFailuresTest {
    private static final String JAVA = ChildJvm.java();

    @TempDir
    Path dir;

    private static String classPath() {
        return ChildJvm.classPath(LoadTwiceMain.class);
    }

    private static List<String> run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out;
        try (var in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child ended");
        assertEquals(0, p.exitValue(), out);
        return out.lines().filter(l -> l.equals("loaded") || l.contains(" | ") || l.startsWith("UNTYPED")).toList();
    }

    @Test
    void onTheClassPathDeniedAccessIsTypedEveryTimeAndItsFlagMakesTheLoadWork() throws Exception {
        List<String> denied = run(List.of(JAVA, "--illegal-native-access=deny", "-cp", classPath(), LoadTwiceMain.class.getName(), "z"));
        assertEquals(2, denied.size(), String.valueOf(denied));
        for (String line : denied) {
            assertTrue(line.startsWith("LoaderUnsupportedException SETUP_INCOMPLETE | "), line);
            assertTrue(line.contains("--enable-native-access=ALL-UNNAMED"), line);
            assertTrue(line.endsWith("[message shows the hint]"), "the exception's own message says the fix: " + line);
        }
        List<String> granted = run(List.of(JAVA, "--illegal-native-access=deny", "--enable-native-access=ALL-UNNAMED",
                "-cp", classPath(), LoadTwiceMain.class.getName(), "z"));
        assertEquals(List.of("loaded", "loaded"), granted);
    }

    @Test
    void inAnExecutableJarTheHintNamesTheManifestAttributeAndThatAttributeMakesTheLoadWork() throws Exception {
        Path denyJar = launcherJar("deny.jar", false);
        List<String> denied = run(List.of(JAVA, "--illegal-native-access=deny", "-jar", denyJar.toString(), "z"));
        assertEquals(2, denied.size(), String.valueOf(denied));
        for (String line : denied) {
            assertTrue(line.contains("SETUP_INCOMPLETE") && line.contains("Enable-Native-Access: ALL-UNNAMED"), line);
        }
        Path grantJar = launcherJar("grant.jar", true);
        assertEquals(List.of("loaded", "loaded"),
                run(List.of(JAVA, "--illegal-native-access=deny", "-jar", grantJar.toString(), "z")));
    }

    @Test
    void theModuleTheModulePathHintNamesIsLoaderFfmsOwnModule() throws Exception {
        Path classes = Path.of(Class.forName("dev.nativeload.ffm.FfmNativeAccess").getProtectionDomain().getCodeSource()
                .getLocation().toURI());
        String name = ModuleFinder.of(classes).findAll().stream().map(m -> m.descriptor().name())
                .collect(Collectors.joining(","));
        assertEquals("dev.nativeload.ffm", name, "the module --enable-native-access must name");
    }

    /** An executable jar whose manifest runs {@link LoadTwiceMain} with this test's class path, granting access or not. */
    private Path launcherJar(String name, boolean grant) throws IOException {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.put(Attributes.Name.MAIN_CLASS, LoadTwiceMain.class.getName());
        a.put(Attributes.Name.CLASS_PATH, List.of(classPath().split(java.io.File.pathSeparator)).stream()
                .map(p -> Path.of(p).toUri().toString()).collect(Collectors.joining(" ")));
        if (grant) {
            a.putValue("Enable-Native-Access", "ALL-UNNAMED");
        }
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m)) {
            j.flush();
        }
        return jar;
    }

    @Test
    void withoutLoaderFfmTheFailureIsTypedAndNamesTheDependencyToAdd() throws Exception {
        String ffmClasses = Path.of(Class.forName("dev.nativeload.ffm.FfmNativeAccess").getProtectionDomain().getCodeSource()
                .getLocation().toURI()).toString();
        String withoutFfm = java.util.Arrays.stream(classPath().split(java.io.File.pathSeparator))
                .filter(p -> !p.equals(ffmClasses)).collect(Collectors.joining(java.io.File.pathSeparator));
        List<String> lines = run(List.of(JAVA, "--enable-native-access=ALL-UNNAMED", "-cp", withoutFfm,
                LoadTwiceMain.class.getName(), "z"));
        assertEquals(2, lines.size(), String.valueOf(lines));
        for (String line : lines) {
            assertTrue(line.startsWith("LoaderUnsupportedException SETUP_INCOMPLETE | ")
                    && line.contains("dev.nativeload:loader-ffm") && line.endsWith("[message shows the hint]"), line);
        }
    }

    /**
     * No SLF4J provider is on this class path, and SLF4J started without one writes three lines of its
     * own to stderr: a load must not start it. The explicit path is a step whose candidates are files
     * (as are java.library.path's and the directory search's), where nativeload checks the file's
     * directory and has a warning ready for one that others can write.
     */
    @Test
    void aLoadByNameOrByExplicitPathAndACaughtFailurePrintNothingOnStandardError() throws Exception {
        Path libz;
        try (dev.nativeload.NativeLibrary z = dev.nativeload.NativeLoader.load("z")) {
            libz = z.path();
        }
        List<List<String>> runs = List.of(List.of("z"), List.of("nativeload-absent-library"),
                List.of("-Dnativeload.z.path=" + libz, "z"), List.of("-Dnativeload.zz.path=" + libz.getParent(), "zz"));
        for (List<String> run : runs) {
            List<String> command = new java.util.ArrayList<>(List.of(JAVA, "--enable-native-access=ALL-UNNAMED", "-cp", classPath()));
            command.addAll(run.subList(0, run.size() - 1));
            command.addAll(List.of(LoadTwiceMain.class.getName(), run.getLast()));
            Process p = new ProcessBuilder(command).start();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals("", err, "stderr of " + run + " (stdout: " + out + ")");
        }
    }
}
