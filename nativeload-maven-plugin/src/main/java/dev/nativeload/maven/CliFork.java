package dev.nativeload.maven;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * Runs one {@code nativeload} command in a child JVM: the chosen {@link ForkJava} with loader-cli and its
 * dependencies on the module path, as {@code bin/nativeload} runs it. Standard output is collected (the JSON lines),
 * standard error is relayed to the build log line by line as it comes, and a run past the timeout is killed.
 */
final class CliFork {
    /** How many lines of standard error a failure message quotes. */
    private static final int STDERR_TAIL = 40;

    private final ForkJava java;
    private final List<Path> modulePath;
    private final long timeoutSeconds;
    private final Consumer<String> stderrSink;
    private final Consumer<String> debug;
    private final Path argumentDirectory;

    /**
     * @param java           the JVM to start
     * @param modulePath     loader-cli's jar and its runtime dependencies
     * @param timeoutSeconds how long one run may take before it is killed
     * @param stderrSink     where each line of the child's standard error goes (the build log)
     * @param debug          where the command line goes (the build log's debug level)
     * @param argumentDirectory where each run's argument file is written (and deleted after the run)
     */
    CliFork(ForkJava java, List<Path> modulePath, long timeoutSeconds, Consumer<String> stderrSink,
            Consumer<String> debug, Path argumentDirectory) {
        this.java = java;
        this.modulePath = List.copyOf(modulePath);
        this.timeoutSeconds = timeoutSeconds;
        this.stderrSink = stderrSink;
        this.debug = debug;
        this.argumentDirectory = argumentDirectory;
    }

    /**
     * {@return the command line for nativeload: the launcher, the JVM options, and an argument file holding the module
     * path, the main module and the arguments}
     *
     * @param argumentFile where the argument file is (written by {@link #run})
     */
    List<String> command(Path argumentFile) {
        // One short command: a quick JIT and a small collector, as bin/nativeload runs it.
        return List.of(java.executable().toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "--enable-native-access=dev.nativeload.ffm,dev.nativeload.cli", "@" + argumentFile);
    }

    /**
     * {@return the argument file's lines: the module path, the main module, the arguments; each quoted}
     *
     * <p>A file, not the command line: a project's class path can pass Windows' 32 KiB command line limit, and
     * Linux's 128 KiB limit on one argument. The java launcher reads it ({@code java @file}), each line one quoted
     * argument, a backslash escaping the next character inside the quotes.
     *
     * @param arguments the subcommand and its arguments, e.g. {@code verify --target linux-x86_64 --json FILE}
     */
    List<String> argumentFile(List<String> arguments) {
        List<String> lines = new ArrayList<>();
        lines.add("-p");
        lines.add(modulePath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        lines.add("-m");
        lines.add("dev.nativeload.cli/dev.nativeload.cli.Main");
        lines.addAll(arguments);
        return lines.stream().map(CliFork::quoted).toList();
    }

    private static String quoted(String argument) {
        return "\"" + argument.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r") + "\"";
    }

    /**
     * Runs nativeload and waits for it.
     *
     * @param arguments        the subcommand and its arguments
     * @param workingDirectory the child's working directory
     * @return its exit status and output
     * @throws MojoExecutionException when the JVM cannot be started, runs past the timeout (it is then killed), or
     *                                the wait is interrupted
     */
    ForkResult run(List<String> arguments, Path workingDirectory) throws MojoExecutionException {
        Path argumentFile;
        try {
            Files.createDirectories(argumentDirectory);
            argumentFile = Files.createTempFile(argumentDirectory, "nativeload-", ".args");
            Files.write(argumentFile, argumentFile(arguments), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write nativeload's argument file in " + argumentDirectory + ": "
                    + e.getMessage(), e);
        }
        try {
            return run(arguments.get(0), command(argumentFile), workingDirectory);
        } finally {
            try {
                Files.deleteIfExists(argumentFile);
            } catch (IOException e) {
                debug.accept("could not delete " + argumentFile + ": " + e.getMessage());
            }
        }
    }

    private ForkResult run(String subcommand, List<String> command, Path workingDirectory) throws MojoExecutionException {
        debug.accept("nativeload command: " + String.join(" ", command));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(workingDirectory.toFile()).start();
        } catch (IOException e) {
            throw new MojoExecutionException("cannot start nativeload with " + java.executable() + " from "
                    + java.origin() + ": " + e.getMessage(), e);
        }
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // the child may already be gone; its exit status tells
        }
        List<String> stdout = Collections.synchronizedList(new ArrayList<>());
        Deque<String> stderr = new ArrayDeque<>();
        Pump out = new Pump(process.getInputStream(), stdout::add, "the standard output");
        Pump err = new Pump(process.getErrorStream(), line -> {
            stderrSink.accept(line);
            synchronized (stderr) {
                if (stderr.size() == STDERR_TAIL) {
                    stderr.removeFirst();
                }
                stderr.addLast(line);
            }
        }, "the standard error");
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                throw new MojoExecutionException("nativeload " + subcommand + " did not finish within "
                        + timeoutSeconds + " s and was killed (raise <timeoutSeconds>, property nativeload.timeoutSeconds)");
            }
            out.finish();
            err.finish();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("interrupted while nativeload " + subcommand + " ran", e);
        }
        synchronized (stderr) {
            return new ForkResult(process.exitValue(), new ArrayList<>(stdout), new ArrayList<>(stderr));
        }
    }

    /** Reads one of the child's streams line by line on its own thread, and keeps what went wrong reading it. */
    private static final class Pump {
        private final Thread thread;
        private final String name;
        private volatile IOException failure;

        Pump(InputStream stream, Consumer<String> lines, String name) {
            this.name = name;
            this.thread = new Thread(() -> {
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        lines.accept(line);
                    }
                } catch (IOException e) {
                    failure = e;
                }
            }, name);
            thread.setDaemon(true);
            thread.start();
        }

        /** Waits for the stream's end (the child has exited) and fails if it could not be read whole. */
        void finish() throws InterruptedException, MojoExecutionException {
            thread.join(TimeUnit.SECONDS.toMillis(10));
            if (thread.isAlive()) {
                throw new MojoExecutionException(name + " of nativeload stayed open after it exited (a process it started holds it)");
            }
            if (failure != null) {
                throw new MojoExecutionException("cannot read " + name + " of nativeload: " + failure.getMessage(), failure);
            }
        }
    }
}
