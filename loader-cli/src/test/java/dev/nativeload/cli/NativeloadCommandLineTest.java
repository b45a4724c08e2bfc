package dev.nativeload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The top level of the command line: dispatch to one subcommand, help, version and usage errors. */
class NativeloadCommandLineTest {
    @TempDir
    Path dir;

    @Test
    void aUsageErrorPrintsTheMessageTheSynopsisAndWhereTheHelpIsToStandardErrorOnly() {
        CliRun run = CliRun.run(dir, "tree", "--target");
        assertEquals(2, run.status());
        assertEquals("", run.out());
        List<String> lines = run.err().lines().toList();
        assertEquals(3, lines.size(), run.err());
        assertTrue(lines.get(0).startsWith("nativeload tree: --target needs a value"), lines.get(0));
        assertTrue(lines.get(1).startsWith("Usage: nativeload tree [-hV] "), lines.get(1));
        assertEquals("Try 'nativeload tree --help' for more information.", lines.get(2));
    }

    @Test
    void anUnknownCommandIsAUsageErrorNamingIt() {
        CliRun run = CliRun.run(dir, "inspekt", "x");
        assertEquals(2, run.status());
        assertTrue(run.err().startsWith("nativeload: Unknown command: 'inspekt'"), run.err());
    }

    @Test
    void theProgramHelpListsEveryCommandWithItsSummary() {
        CliRun run = CliRun.run(dir, "--help");
        assertEquals(0, run.status());
        for (String command : List.of("inspect", "doctor", "verify", "tree", "scan", "explain", "help")) {
            assertTrue(run.out().lines().anyMatch(l -> l.startsWith("  " + command + " ")), command + " in " + run.out());
        }
        assertEquals(run.out(), CliRun.run(dir, "help").out());
    }

    @Test
    void helpOfACommandIsTheCommandsOwnHelp() {
        assertEquals(CliRun.run(dir, "verify", "--help").out(), CliRun.run(dir, "help", "verify").out());
        assertTrue(CliRun.run(dir, "help", "verify").out().contains("--max-glibc=VERSION"));
        assertEquals(2, CliRun.run(dir, "help", "nosuch").status());
    }

    @Test
    void theVersionIsTheSameFromTheTopAndFromACommand() {
        CliRun top = CliRun.run(dir, "--version");
        assertEquals(0, top.status());
        assertTrue(top.out().startsWith("nativeload "), top.out());
        assertEquals(top.out(), CliRun.run(dir, "inspect", "-V").out());
    }

    @Test
    void aRequiredOptionMissingIsAUsageError() {
        CliRun run = CliRun.run(dir, "verify", "x");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("--target"), run.err());
    }
}
