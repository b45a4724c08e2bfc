package dev.nativeload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectStreamingTest {
    @TempDir
    Path dir;

    /** Hands each completed output line to a queue as soon as it is flushed. */
    static final class LineQueue extends Writer {
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final StringBuilder pending = new StringBuilder();

        @Override
        public synchronized void write(char[] cbuf, int off, int len) {
            pending.append(cbuf, off, len);
            int nl;
            while ((nl = pending.indexOf("\n")) >= 0) {
                lines.add(pending.substring(0, nl));
                pending.delete(0, nl + 1);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void namesOnStandardInputAreInspectedAsTheyArriveNotAtEndOfInput() throws Exception {
        Files.createFile(dir.resolve("first"));
        Files.createFile(dir.resolve("second"));
        PipedOutputStream producer = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(producer);
        LineQueue out = new LineQueue();
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> Nativeload.commandLine(
                new CliEnvironment(stdin, dir), new PrintWriter(out), new PrintWriter(new StringWriter()))
                .execute("inspect", "--json", "-"));

        producer.write("first\n".getBytes(StandardCharsets.UTF_8));
        producer.flush();
        String line = out.lines.poll(20, TimeUnit.SECONDS);
        assertTrue(line != null, "the first name was not inspected while standard input stayed open");
        assertEquals("first", InspectSchema.assertFileObject(line).get("path").asText());

        producer.write("second\n".getBytes(StandardCharsets.UTF_8));
        producer.close();
        assertEquals(1, status.get(20, TimeUnit.SECONDS));
        assertEquals("second", InspectSchema.parse(out.lines.poll(1, TimeUnit.SECONDS)).get("path").asText());
    }

    @Test
    void standardInputIsNotClosedByTheCommand() throws IOException {
        boolean[] closed = {false};
        InputStream stdin = new ByteArrayInputStream("x\n".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        CliRun run = CliRun.withStdin(dir, stdin, "inspect", "--json", "-", "-");
        assertEquals(1, run.outLines().size(), "a second '-' finds standard input at its end");
        assertTrue(!closed[0], "standard input belongs to the caller");
    }
}
