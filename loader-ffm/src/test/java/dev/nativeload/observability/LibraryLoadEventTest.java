package dev.nativeload.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.LibraryNotFoundException;
import dev.nativeload.NativeLibrary;
import dev.nativeload.NativeLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every load and every failed load is a {@code dev.nativeload.LibraryLoad} JFR event: recorded around
 * real loads of zlib and a real failure, read back with {@code jdk.jfr.consumer}, and printed by the
 * JDK's own {@code jfr} tool in a child process.
 */
class LibraryLoadEventTest {
    private static final String EVENT = "dev.nativeload.LibraryLoad";

    static {
        // The tests run patched into dev.nativeload.ffm, which does not read jdk.jfr itself (loader-api does).
        LibraryLoadEventTest.class.getModule().addReads(ModuleLayer.boot().findModule("jdk.jfr").orElseThrow());
    }

    @TempDir
    Path dir;

    /** Records the loads {@code run} makes and returns the recording's file. */
    private Path record(Runnable run) throws IOException {
        Path file = dir.resolve("loads.jfr");
        try (Recording recording = new Recording()) {
            recording.enable(EVENT);
            recording.start();
            run.run();
            recording.stop();
            recording.dump(file);
        }
        return file;
    }

    private static List<RecordedEvent> loads(Path file) throws IOException {
        return RecordingFile.readAllEvents(file).stream().filter(e -> e.getEventType().getName().equals(EVENT)).toList();
    }

    private Runnable loadZlibAndFailOnce() {
        // A configuration of its own (an extra search directory), so this test's load runs the chain.
        return () -> {
            try (NativeLibrary z = NativeLoader.builder("z").directories(dir).build().load()) {
                assertTrue(z.find("zlibVersion").isPresent());
            }
            assertThrows(LibraryNotFoundException.class,
                    () -> NativeLoader.builder("nativeload-jfr-no-such-library").directories(dir).build().load());
        };
    }

    @Test
    void aLoadAndAFailedLoadAreEachOneEventWithLibraryPathStrategyKindAttemptsAndDuration() throws IOException {
        List<RecordedEvent> events = loads(record(loadZlibAndFailOnce()));
        assertEquals(2, events.size(), events.toString());

        RecordedEvent loaded = events.get(0);
        assertEquals("z", loaded.getString("library"));
        assertTrue(loaded.getBoolean("loaded"));
        assertTrue(Files.isRegularFile(Path.of(loaded.getString("path"))), loaded.getString("path"));
        assertTrue(Path.of(loaded.getString("path")).getFileName().toString().startsWith("libz.so"), loaded.toString());
        assertFalse(loaded.getString("strategy").isBlank(), loaded.toString());
        assertEquals("", loaded.getString("failureKind"));
        assertTrue(loaded.getString("attempts").contains("loaded"), loaded.getString("attempts"));
        assertTrue(loaded.getInt("attemptCount") >= 1);
        assertTrue(loaded.getDuration().compareTo(Duration.ZERO) > 0, loaded.getDuration().toString());
        assertTrue(loaded.getStackTrace() != null && !loaded.getStackTrace().getFrames().isEmpty(), "the caller's stack is kept");

        RecordedEvent failed = events.get(1);
        assertEquals("nativeload-jfr-no-such-library", failed.getString("library"));
        assertFalse(failed.getBoolean("loaded"));
        assertEquals("", failed.getString("path"));
        assertEquals("NOT_FOUND", failed.getString("failureKind"));
        assertFalse(failed.getString("cause").isBlank());
        assertFalse(failed.getString("strategy").isBlank(), failed.toString());
        assertTrue(failed.getInt("attemptCount") >= 2, failed.toString());
        assertTrue(failed.getString("attempts").contains("NOT_FOUND"), failed.getString("attempts"));
    }

    @Test
    void theJdksJfrToolPrintsTheEventFromADumpedRecording() throws IOException, InterruptedException {
        Path file = record(loadZlibAndFailOnce());
        Path jfr = Path.of(System.getProperty("java.home"), "bin", "jfr");
        assertTrue(Files.isExecutable(jfr), "this JDK has no jfr tool: " + jfr);
        Process p = new ProcessBuilder(jfr.toString(), "print", "--events", EVENT, file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "jfr print did not finish");
        assertEquals(0, p.exitValue(), out);
        assertEquals(2, out.split(EVENT + " \\{", -1).length - 1, out);
        assertTrue(out.contains("library = \"z\"") && out.contains("loaded = true"), out);
        assertTrue(out.contains("failureKind = \"NOT_FOUND\"") && out.contains("loaded = false"), out);
        assertTrue(out.contains("duration = "), out);
    }
}
