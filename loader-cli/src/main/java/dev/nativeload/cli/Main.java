package dev.nativeload.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The process entry point of {@code nativeload}; the only place that touches the process's streams or exits. */
public final class Main {
    private Main() {
    }

    /**
     * Runs the command line and exits with its status.
     *
     * @param args the command-line arguments
     */
    public static void main(String[] args) {
        // UTF-8 whatever the locale: JSON output must be UTF-8 (RFC 8259), and the text output follows it.
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int status = Nativeload.commandLine(new CliEnvironment(System.in, Path.of("")), out, err).execute(args);
        out.flush();
        err.flush();
        // Success returns: System.exit would first set up the JDK's System.Logger for its exit log (JDK 21+),
        // about 60 classes and a look into the runtime image that a one-file command then spends a sixth of
        // its time on. The JVM exits 0 when main returns (every thread of ours is a daemon).
        if (status != 0) {
            System.exit(status);
        }
    }
}
