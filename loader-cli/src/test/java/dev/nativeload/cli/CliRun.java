package dev.nativeload.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs the command line in-process, the way {@link Main} does, with captured streams.
 *
 * @param status the exit status {@code execute} returned
 * @param out    everything written to standard output
 * @param err    everything written to standard error
 */
record CliRun(int status, String out, String err) {

    static CliRun run(Path workingDirectory, String... args) {
        return withStdin(workingDirectory, "", args);
    }

    static CliRun withStdin(Path workingDirectory, String stdin, String... args) {
        return withStdin(workingDirectory, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), args);
    }

    static CliRun withStdin(Path workingDirectory, InputStream stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter outWriter = new PrintWriter(out);
        PrintWriter errWriter = new PrintWriter(err);
        int status = Nativeload.commandLine(new CliEnvironment(stdin, workingDirectory), outWriter, errWriter).execute(args);
        outWriter.flush();
        errWriter.flush();
        return new CliRun(status, out.toString(), err.toString());
    }

    /** {@return standard output split into lines (no empty last line)} */
    List<String> outLines() {
        return out.lines().toList();
    }
}
