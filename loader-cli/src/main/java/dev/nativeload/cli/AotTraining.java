package dev.nativeload.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The training run of the launchers' JDK AOT cache ({@code libexec/aot-cache.sh}): the commands a
 * user runs most, each once, on one real binary, with their output thrown away. The JVM records
 * what they load and link and writes the cache when this exits. It reads files only: no trial load,
 * nothing written but the cache the JVM writes itself.
 */
public final class AotTraining {
    private AotTraining() {
    }

    /** The command lines trained, each run on the file given. */
    private static final String[][] COMMANDS = {
        {"inspect"}, {"inspect", "--json"}, {"tree"}, {"tree", "--json"}, {"--help"},
    };

    /**
     * Runs every trained command on one file.
     *
     * @param args one argument: a binary of this machine (the launcher passes the java executable)
     */
    public static void main(String[] args) {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: AotTraining FILE");
        }
        PrintWriter discard = new PrintWriter(OutputStream.nullOutputStream());
        CliEnvironment environment = new CliEnvironment(System.in, Path.of(""));
        for (String[] command : COMMANDS) {
            String[] line = command[0].startsWith("-") ? command : append(command, args[0]);
            Nativeload.commandLine(environment, discard, discard).execute(line);
        }
    }

    private static String[] append(String[] command, String file) {
        String[] line = Arrays.copyOf(command, command.length + 1);
        line[command.length] = file;
        return line;
    }
}
