package dev.nativeload.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The fork's mechanics with real child processes: a shell script stands in for the java launcher. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class CliForkTest {
    @TempDir
    Path dir;

    private Path launcher(String body) throws IOException {
        Path script = dir.resolve("java");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private CliFork fork(Path java, long timeoutSeconds, List<String> stderr) {
        return fork(java, List.of(Path.of("loader-cli.jar")), timeoutSeconds, stderr);
    }

    private CliFork fork(Path java, List<Path> modulePath, long timeoutSeconds, List<String> stderr) {
        return new CliFork(new ForkJava(java, "the test"), modulePath, timeoutSeconds, stderr::add, line -> { },
                dir.resolve("args"));
    }

    /**
     * The real command line's jars, from this test's class path (the plugin's runtime dependencies): loader-cli, the
     * loader's modules, ASM (scan reads class files with it) and slf4j.
     */
    private static List<Path> cliModulePath() {
        Pattern cli = Pattern.compile("(loader-(parsers|api|ffm|cli)|slf4j-(api|nop)|asm|commons-(compress|io|lang3|codec))-[0-9].*\\.jar");
        List<Path> path = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of)
                .filter(p -> cli.matcher(p.getFileName().toString()).matches()
                        || p.toString().matches(".*loader-(parsers|api|ffm|cli)[/\\\\]target[/\\\\]classes"))
                .toList();
        assertTrue(path.stream().anyMatch(p -> p.toString().contains("loader-cli")), "loader-cli on the class path: " + path);
        return path;
    }

    @Test
    void stdoutIsCollectedAndStderrRelayedLineByLineWithTheExitStatus() throws Exception {
        Path java = launcher("echo '{\"ok\":true}'; echo 'first problem' >&2; echo 'second problem' >&2; exit 1");
        List<String> relayed = new CopyOnWriteArrayList<>();
        ForkResult result = fork(java, 30, relayed).run(List.of("verify"), dir);
        assertEquals(1, result.exitCode());
        assertEquals(List.of("{\"ok\":true}"), result.stdoutLines());
        assertEquals(List.of("first problem", "second problem"), relayed);
        assertEquals(List.of("first problem", "second problem"), result.stderrTail());
    }

    @Test
    void aFileNameWithSpacesQuotesAndBackslashesReachesTheRealCommandLineIntact() throws Exception {
        Path odd = dir.resolve("dir with 'single' and \"double\" quotes \\ back");
        Files.createDirectories(odd);
        Path library = Files.copy(Path.of(System.getProperty("nativeload.testdata"), "elf", "gcc-x86_64-libzoo.so"),
                odd.resolve("lib zoo.so"));
        Path java = JdkSelector.launcherIn(Path.of(System.getProperty("java.home"))).orElseThrow();
        List<String> relayed = new CopyOnWriteArrayList<>();
        ForkResult result = fork(java, cliModulePath(), 120, relayed)
                .run(List.of("verify", "--target", "linux-aarch64", "--json", library.toString()), dir);
        assertEquals(1, result.exitCode(), result.transcript());
        assertTrue(result.stdoutLines().size() == 1 && result.stdoutLines().get(0).startsWith("{"), result.transcript());
        List<FileVerdict> verdicts = CliJson.verifyVerdicts(result.stdoutLines());
        assertEquals(1, verdicts.size(), result.transcript());
        assertEquals(library.toString(), verdicts.get(0).path());
        assertEquals("arch", verdicts.get(0).violations().get(0).rule(), result.transcript());
        assertEquals(List.of(), relayed);
        try (Stream<Path> left = Files.list(dir.resolve("args"))) {
            assertEquals(0, left.count(), "the argument file is deleted after the run");
        }
    }

    @Test
    void aRunPastTheTimeoutIsKilledAndTheMessageSaysHowToRaiseIt() throws Exception {
        Path java = launcher("exec sleep 60");
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> fork(java, 1, new CopyOnWriteArrayList<>()).run(List.of("scan"), dir));
        assertTrue(e.getMessage().contains("nativeload scan did not finish within 1 s and was killed"), e.getMessage());
        assertTrue(e.getMessage().contains("<timeoutSeconds>"), e.getMessage());
    }

    @Test
    void aLauncherThatCannotStartIsAnExecutionErrorNamingItAndWhereItCameFrom() {
        Path missing = dir.resolve("no-such-jdk/bin/java");
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> fork(missing, 30, new CopyOnWriteArrayList<>()).run(List.of("verify"), dir));
        assertTrue(e.getMessage().startsWith("cannot start nativeload with " + missing + " from the test"), e.getMessage());
    }
}
