package dev.nativeload.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.toolchain.Toolchain;
import org.apache.maven.toolchain.ToolchainManager;
import org.apache.maven.toolchain.ToolchainPrivate;
import org.apache.maven.toolchain.model.ToolchainModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The order the JDK is chosen in: the build's toolchain, toolchains.xml, javaHome, Maven's own JVM; else how to fix it. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class JdkSelectorTest {
    /** The JDK these tests run on: 22 or newer, as the build requires. */
    private static final Path THIS_JDK = Path.of(System.getProperty("java.home"));

    @TempDir
    Path dir;

    /** A JDK home on disk: bin/java and a release file naming the version. */
    private Path jdk(String name, String version) throws IOException {
        Path home = dir.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        Path java = Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home;
    }

    /** Maven's toolchain manager as the build would answer: the selected toolchain, and those of toolchains.xml. */
    private record Toolchains(Toolchain ofBuild, List<Toolchain> configured) implements ToolchainManager {
        @Override
        public Toolchain getToolchainFromBuildContext(String type, MavenSession session) {
            return ofBuild;
        }

        @Override
        public List<Toolchain> getToolchains(MavenSession session, String type, Map<String, String> requirements) {
            assertEquals(Map.of("version", "[22,)"), requirements);
            return configured;
        }
    }

    /** A jdk toolchain: its java, and whether it meets [22,). */
    private record Jdk(Path home, boolean is22OrNewer) implements ToolchainPrivate {
        @Override
        public String getType() {
            return "jdk";
        }

        @Override
        public String findTool(String toolName) {
            return home.resolve("bin").resolve(toolName).toString();
        }

        @Override
        public boolean matchesRequirements(Map<String, String> requirements) {
            return is22OrNewer;
        }

        @Override
        public ToolchainModel getModel() {
            return new ToolchainModel();
        }

        @Override
        public String toString() {
            return "JDK[" + home + "]";
        }
    }

    private static JdkSelector selector(Toolchains toolchains, Optional<Path> javaHome, int mavenFeature) {
        return new JdkSelector(toolchains, null, javaHome, THIS_JDK, mavenFeature);
    }

    private static final Toolchains NONE = new Toolchains(null, List.of());

    @Test
    void theBuildsJdkToolchainComesFirstWhenItIs22OrNewer() throws Exception {
        Path selected = jdk("selected", "25");
        Path configured = jdk("configured", "23");
        ForkJava java = selector(new Toolchains(new Jdk(selected, true), List.of(new Jdk(configured, true))),
                Optional.of(THIS_JDK), 25).select();
        assertEquals(selected.resolve("bin/java"), java.executable());
        assertTrue(java.origin().startsWith("the build's jdk toolchain"), java.origin());
    }

    @Test
    void aBuildToolchainOlderThan22IsPassedOverForOneOfToolchainsXml() throws Exception {
        Path old = jdk("jdk17", "17.0.15");
        Path configured = jdk("jdk23", "23");
        ForkJava java = selector(new Toolchains(new Jdk(old, false), List.of(new Jdk(configured, true))),
                Optional.empty(), 17).select();
        assertEquals(configured.resolve("bin/java"), java.executable());
        assertTrue(java.origin().startsWith("the jdk toolchain [22,) of toolchains.xml"), java.origin());
    }

    @Test
    void javaHomeIsUsedWhenNoToolchainIs22OrNewer() throws Exception {
        ForkJava java = selector(NONE, Optional.of(THIS_JDK), 17).select();
        assertEquals(JdkSelector.launcherIn(THIS_JDK).orElseThrow(), java.executable());
        assertEquals("javaHome (" + THIS_JDK + ")", java.origin());
    }

    @Test
    void aJavaHomeOlderThan22IsRefusedNamingItsVersion() throws Exception {
        Path old = jdk("jdk17", "17.0.15");
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> selector(NONE, Optional.of(old), 25).select());
        assertEquals("javaHome is " + old + ", a Java 17: nativeload runs on Java 22 or newer", e.getMessage());
    }

    @Test
    void aJavaHomeWithoutALauncherIsRefused() {
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> selector(NONE, Optional.of(dir), 25).select());
        assertTrue(e.getMessage().startsWith("javaHome is " + dir + ", which has no bin/java"), e.getMessage());
    }

    @Test
    void mavensOwnJvmIsUsedWhenItIs22OrNewerAndNothingIsConfigured() throws Exception {
        ForkJava java = selector(NONE, Optional.empty(), Runtime.version().feature()).select();
        assertEquals(JdkSelector.launcherIn(THIS_JDK).orElseThrow(), java.executable());
        assertTrue(java.origin().startsWith("Maven's own JVM"), java.origin());
    }

    @Test
    void onJava17WithNothingConfiguredTheMessageGivesTheToolchainsEntryToAdd() {
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> selector(NONE, Optional.empty(), 17).select());
        assertTrue(e.getMessage().startsWith("nativeload runs on Java 22 or newer, and none was found: Maven runs on Java 17"),
                e.getMessage());
        assertTrue(e.getMessage().contains("<toolchain>\n    <type>jdk</type>\n    <provides><version>25</version></provides>"),
                e.getMessage());
        assertTrue(e.getMessage().contains("<javaHome> (property nativeload.javaHome)"), e.getMessage());
    }

    @Test
    void theReleaseFileGivesTheFeatureVersionAndOldVersionSchemesCountAsOld() throws Exception {
        assertEquals(new JdkSelector.OptionalFeature(true, 17), JdkSelector.featureOf(jdk("a", "17.0.15")));
        assertEquals(new JdkSelector.OptionalFeature(true, 25), JdkSelector.featureOf(jdk("b", "25")));
        assertEquals(new JdkSelector.OptionalFeature(true, 0), JdkSelector.featureOf(jdk("c", "1.8.0_412")));
        assertEquals(new JdkSelector.OptionalFeature(false, 0), JdkSelector.featureOf(dir.resolve("nowhere")));
    }
}
