package dev.nativeload.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.testsupport.ChildJvm;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every log event of a load carries SLF4J 2 key-value pairs that structured encoders index, and a
 * successful load logs none: a real
 * SLF4J 2 provider ({@link CapturingSlf4jProvider}, receiving events through the fluent API as
 * logback's or log4j's do) registered for a child JVM on its class path, around a real load of a copy of zlib from a directory
 * every user may write (which is also logged at WARN) and a real failed load.
 */
class Slf4jKeyValuePairsTest {
    @TempDir
    Path dir;

    private static Path zlib() {
        for (String candidate : List.of("/lib/x86_64-linux-gnu/libz.so.1", "/usr/lib/x86_64-linux-gnu/libz.so.1", "/usr/lib64/libz.so.1",
                "/lib/aarch64-linux-gnu/libz.so.1", "/usr/lib/libz.so.1")) {
            if (Files.isRegularFile(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        throw new AssertionError("no libz.so.1 on this machine (scripts/install-packages.sh installs zlib1g)");
    }

    @Test
    void theFailureAndTheWritableDirectoryWarningCarryLibraryKindAndPathPairsAndASuccessLogsNothing() throws IOException, InterruptedException {
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path copy = Files.copy(zlib(), shared.resolve("libnlzcopy.so"));
        // The provider is registered for the child only: in this JVM the test classes are part of a named module,
        // where a META-INF/services entry would make every other test's SLF4J find a provider it cannot read.
        Path services = Files.createDirectories(dir.resolve("services").resolve("META-INF").resolve("services"));
        // By name: this module does not read org.slf4j, so neither class may be loaded here.
        Files.writeString(services.resolve("org.slf4j.spi.SLF4JServiceProvider"), "dev.nativeload.observability.CapturingSlf4jProvider\n");
        List<String> command = new ArrayList<>(ChildJvm.command(Slf4jPairsMain.class, shared.toString()));
        int classPath = command.indexOf("-cp") + 1;
        command.set(classPath, dir.resolve("services") + File.pathSeparator + command.get(classPath));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child JVM did not finish");
        assertEquals(0, p.exitValue(), out);
        List<String> lines = out.lines().toList();
        assertTrue(lines.contains("LOADED\t" + copy), out);
        assertTrue(lines.contains("FAILED\tNOT_FOUND"), out);

        // The provider keeps each message's pattern, as an encoder receives it before formatting.
        // A success is not logged at all: the first load does not even look for SLF4J's providers.
        assertTrue(lines.stream().noneMatch(l -> l.contains("library=nlzcopy")), out);
        String failed = lines.stream().filter(l -> l.startsWith("DEBUG\tlibrary=nativeload-kv-no-such-library\t")).findFirst()
                .orElseThrow(() -> new AssertionError("no DEBUG event of the failed load: " + out));
        assertTrue(failed.contains("\tkind=NOT_FOUND\t") && failed.contains("\tpath="), failed);
        assertTrue(lines.contains("WARN\tpath=" + copy + "\tnativeload: {}"), out);
    }
}
