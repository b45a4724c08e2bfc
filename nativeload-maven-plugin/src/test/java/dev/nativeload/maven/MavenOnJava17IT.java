package dev.nativeload.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plugin in the build the issue names: plain Maven 3.8 or newer (the {@code mvn} on PATH) started on Java 17, with
 * the JDK this test runs on (22 or newer) as a jdk toolchain. It runs the samples the invoker has already cloned and
 * filtered into {@code target/it}, against the invoker's private local repository (so nothing is installed into the
 * user's), after the invoker's own runs (this is a failsafe test, declared after the invoker in the POM).
 */
class MavenOnJava17IT {
    private static final Path TARGET = Path.of(System.getProperty("nativeload.plugin.target", "target"));
    private static Path mvn;
    private static Path java17;
    private static Path work;

    @BeforeAll
    static void findMavenAndJava17() throws Exception {
        Optional<Path> onPath = Tools.onPath("mvn");
        assumeTrue(onPath.isPresent(), "mvn is not on PATH (scripts/install-packages.sh installs Debian's maven)");
        mvn = onPath.get();
        Optional<Path> seventeen = Tools.jdkHome(17);
        assumeTrue(seventeen.isPresent(), "no Java 17 found (PATH, JAVA_HOME, or beside " + System.getProperty("java.home")
                + "); scripts/install-packages.sh installs openjdk-17-jdk-headless");
        java17 = seventeen.get();
        assertTrue(Files.isDirectory(TARGET.resolve("it/verify-ok")),
                "no sample cloned under " + TARGET.resolve("it") + ": the invoker runs before this test (mvn verify)");
        work = TARGET.resolve("java17").toAbsolutePath();
        Tools.deleteTree(work);
        for (String sample : List.of("samples-parent", "verify-ok", "verify-glibc-ceiling")) {
            Tools.copySample(TARGET.resolve("it").resolve(sample), work.resolve(sample));
        }
        String settings = Files.readString(Path.of("src/it/settings.xml"), StandardCharsets.UTF_8)
                .replace("@it.outerRepositoryUrl@", System.getProperty("nativeload.it.outerRepositoryUrl"));
        Files.writeString(work.resolve("settings.xml"), settings, StandardCharsets.UTF_8);
        Files.writeString(work.resolve("toolchains.xml"), """
                <toolchains>
                  <toolchain>
                    <type>jdk</type>
                    <provides><version>%d</version></provides>
                    <configuration><jdkHome>%s</jdkHome></configuration>
                  </toolchain>
                </toolchains>
                """.formatted(Runtime.version().feature(), System.getProperty("java.home")), StandardCharsets.UTF_8);
        Files.writeString(work.resolve("no-toolchains.xml"), "<toolchains/>\n", StandardCharsets.UTF_8);
    }

    @Test
    void verifyGoalPassesInMaven38OnJava17ForkingTheJdkToolchain() throws Exception {
        Run run = maven("verify-ok", "toolchains.xml");
        run.assertMavenOnJava17();
        assertEquals(0, run.exit(), run.log());
        assertTrue(run.log().contains("from the jdk toolchain [22,) of toolchains.xml"), run.log());
        assertTrue(run.log().contains("target/classes/native/linux-x86_64/libhello.so: ok for linux-x86_64"), run.log());
    }

    @Test
    void verifyGoalFailsInMaven38OnJava17NamingTheGlibcVersion() throws Exception {
        Run run = maven("verify-glibc-ceiling", "toolchains.xml");
        run.assertMavenOnJava17();
        assertNotEquals(0, run.exit(), run.log());
        assertTrue(run.log().contains("libcloser.so: glibc-version: needs GLIBC_2.34"), run.log());
        assertTrue(run.log().contains("BUILD FAILURE"), run.log());
    }

    @Test
    void withoutAJdk22OnJava17TheBuildSaysHowToAddTheToolchain() throws Exception {
        Run run = maven("verify-ok", "no-toolchains.xml");
        run.assertMavenOnJava17();
        assertNotEquals(0, run.exit(), run.log());
        assertTrue(run.log().contains("nativeload runs on Java 22 or newer, and none was found: Maven runs on Java 17"), run.log());
        assertTrue(run.log().contains("<type>jdk</type>"), run.log());
    }

    private static Run maven(String sample, String toolchains) throws IOException, InterruptedException {
        Path log = work.resolve(sample + "-" + toolchains.replace(".xml", "") + ".log");
        List<String> command = new ArrayList<>(List.of(mvn.toString(), "-B", "-V", "-e",
                "-s", work.resolve("settings.xml").toString(),
                "-t", work.resolve(toolchains).toString(),
                "-Dmaven.repo.local=" + Path.of(System.getProperty("nativeload.it.localRepository")).toAbsolutePath(),
                "verify"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.resolve(sample).toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", java17.toString());
        env.remove("MAVEN_ARGS");
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("mvn verify in " + sample + " ran past 5 minutes; log: " + log);
        }
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** One finished Maven build: its exit status and its whole log. */
    private record Run(int exit, String log) {
        /** The build ran on Maven 3.8 or newer, itself on Java 17 (mvn -V prints both first). */
        void assertMavenOnJava17() {
            Matcher maven = Pattern.compile("Apache Maven (\\d+)\\.(\\d+)").matcher(log);
            assertTrue(maven.find(), log);
            int major = Integer.parseInt(maven.group(1));
            int minor = Integer.parseInt(maven.group(2));
            assertTrue(major > 3 || (major == 3 && minor >= 8), "Maven " + major + "." + minor + " is older than 3.8");
            assertTrue(Pattern.compile("Java version: 17[.\\s,]").matcher(log).find(), log);
        }
    }

    /** Finds the tools the test runs, at run time: nothing names a path of one machine. */
    static final class Tools {
        private Tools() {
        }

        static Optional<Path> onPath(String program) {
            String path = System.getenv("PATH");
            if (path == null) {
                return Optional.empty();
            }
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(dir).resolve(program);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
            return Optional.empty();
        }

        /** A JDK of one feature release: JAVA_HOME, the java on PATH, or a sibling of this JVM's home. */
        static Optional<Path> jdkHome(int feature) throws IOException {
            List<Path> candidates = new ArrayList<>();
            Optional.ofNullable(System.getenv("JAVA_HOME")).map(Path::of).ifPresent(candidates::add);
            Optional<Path> java = onPath("java");
            if (java.isPresent()) {
                candidates.add(java.get().toRealPath().getParent().getParent());
            }
            Path siblings = Path.of(System.getProperty("java.home")).toRealPath().getParent();
            try (Stream<Path> list = Files.list(siblings)) {
                list.sorted().forEach(candidates::add);
            }
            for (Path home : candidates) {
                JdkSelector.OptionalFeature found = JdkSelector.featureOf(home);
                if (found.known() && found.value() == feature && JdkSelector.launcherIn(home).isPresent()) {
                    return Optional.of(home);
                }
            }
            return Optional.empty();
        }

        /** Copies a cloned sample without what its invoker run left (target/, build.log). */
        static void copySample(Path from, Path to) throws IOException {
            try (Stream<Path> walk = Files.walk(from)) {
                for (Path source : (Iterable<Path>) walk::iterator) {
                    Path relative = from.relativize(source);
                    if (relative.startsWith("target") || relative.toString().equals("build.log")) {
                        continue;
                    }
                    Path dest = to.resolve(relative.toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(dest);
                    } else {
                        Files.copy(source, dest);
                    }
                }
            }
        }

        static void deleteTree(Path root) throws IOException {
            if (!Files.exists(root)) {
                return;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
                    Files.delete(p);
                }
            }
        }
    }
}
