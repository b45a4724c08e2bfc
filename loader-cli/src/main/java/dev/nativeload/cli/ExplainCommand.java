package dev.nativeload.cli;

import dev.nativeload.internal.diagnose.MessageTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code nativeload explain [--json] [FILE | -]}: finds the native-library load failures in a log and says why each happened. */
final class ExplainCommand implements Subcommand {
    private static final OptionSpec JSON = OptionSpec.flag("--json", "Print one JSON object per failure, one per line.");

    private static final CommandSyntax SYNTAX = new CommandSyntax(
            "explain",
            List.of(
                    "Reads a log (an application log, a stack trace, CI output) and explains each native-library load "
                            + "failure in it: the JDK's, JNA's, netty's, sqlite-jdbc's, snappy-java's, zstd-jni's, LWJGL's "
                            + "and JavaCPP's texts, and the words of glibc, musl, dyld and Windows inside them.",
                    "A failure logged several times in one stack trace is reported once, at the line where it is first "
                            + "logged. Where a library the log names exists on this host, its headers and dependencies "
                            + "are read to sharpen the verdict."),
            List.of(JSON),
            PositionalSpec.optional("FILE", "The log to read; '-' (the default) reads standard input.", "-"),
            List.of("0:no load failure found", "1:some found", "2:usage error (no such file, an unreadable one)"));

    private String file;

    private final CliEnvironment environment;

    /** @param environment standard input, and the directory a relative FILE is read from */
    ExplainCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public CommandSyntax syntax() {
        return SYNTAX;
    }

    @Override
    public int run(Arguments arguments, PrintWriter out, PrintWriter err) {
        boolean json = arguments.flag(JSON);
        file = arguments.positionals().getFirst();
        LogScanner scanner = new LogScanner(new FailureReader(MessageTable.standard()));
        HostEvidence evidence = new HostEvidence();
        int[] found = {0};
        try (InputStream in = open()) {
            scanner.scan(in, f -> {
                ExplainedFailure sharp = evidence.sharpen(f);
                out.print(json ? ExplainOutput.json(sharp) + "\n" : ExplainOutput.text(sharp));
                found[0]++;
            });
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + Inspector.describe(e));
        }
        if (!json) {
            out.println(found[0] == 0 ? "no native-library load failure found" : found[0] + " native-library load failure(s) found");
        }
        return found[0] == 0 ? 0 : 1;
    }

    private InputStream open() throws IOException {
        if (file.equals("-")) {
            return new UncloseableInput(environment.stdin());
        }
        Path path = environment.workingDirectory().resolve(file);
        if (Files.isDirectory(path)) {
            throw new UsageException(file + " is a directory, not a log");
        }
        if (!Files.exists(path)) {
            throw new UsageException("no such file: " + file);
        }
        return Files.newInputStream(path);
    }

    /** Standard input, left open when the scan closes what it read. */
    private static final class UncloseableInput extends java.io.FilterInputStream {
        UncloseableInput(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }
}
