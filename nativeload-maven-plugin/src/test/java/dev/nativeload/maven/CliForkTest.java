package dev.nativeload.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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

    private static CliFork fork(Path java, long timeoutSeconds, List<String> stderr) {
        return new CliFork(new ForkJava(java, "the test"), List.of(Path.of("loader-cli.jar")), timeoutSeconds,
                stderr::add, line -> { });
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
    void theChildGetsTheCliModuleWithNativeAccessAndTheArguments() throws Exception {
        Path java = launcher("for a in \"$@\"; do echo \"$a\"; done");
        ForkResult result = fork(java, 30, new CopyOnWriteArrayList<>()).run(List.of("verify", "--json", "a b.so"), dir);
        List<String> args = result.stdoutLines();
        assertTrue(args.contains("--enable-native-access=dev.nativeload.ffm"), args.toString());
        int module = args.indexOf("-m");
        assertEquals("dev.nativeload.cli/dev.nativeload.cli.Main", args.get(module + 1));
        assertEquals(List.of("verify", "--json", "a b.so"), args.subList(module + 2, args.size()));
        assertEquals("loader-cli.jar", args.get(args.indexOf("-p") + 1));
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
