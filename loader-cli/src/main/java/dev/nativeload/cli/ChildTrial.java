package dev.nativeload.cli;

import dev.nativeload.binary.TargetOs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs {@link TrialLoad} in a child JVM: the same {@code java}, module path and class path as this
 * one, the {@code nativeload.*} system properties passed on, the environment inherited. Its fatal error
 * log goes to a temporary directory, which is deleted afterwards, as is the status file.
 *
 * @param workingDirectory what a relative file argument is resolved against, and the child's directory
 * @param timeout          how long the child may run before it is killed
 * @param os               the OS, which numbers the signals
 */
record ChildTrial(Path workingDirectory, Duration timeout, TargetOs os) {
    /** Properties the child needs to load as this process would. */
    private static final List<String> PASSED_PROPERTIES = List.of("java.library.path", "java.io.tmpdir");

    ChildTrial {
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(os, "os");
    }

    /**
     * Runs one trial load and waits for it, at most {@link #timeout()}.
     *
     * @param target the library name or file
     * @param json   whether the child prints JSON
     * @param jni    the JNI step
     * @return how it ended
     */
    TrialOutcome run(String target, boolean json, JniStep jni) {
        Path scratch;
        try {
            scratch = Files.createTempDirectory("nativeload-doctor-");
        } catch (IOException e) {
            return new TrialOutcome.Broken(-1, "cannot create a temporary directory for the trial load: " + e.getMessage(), Duration.ZERO);
        }
        try {
            return run(scratch, target, json, jni);
        } finally {
            delete(scratch);
        }
    }

    private TrialOutcome run(Path scratch, String target, boolean json, JniStep jni) {
        Path status = scratch.resolve("status");
        Path crashLog = scratch.resolve("crash.log");
        Path out = scratch.resolve("stdout");
        Path err = scratch.resolve("stderr");
        List<String> command = command(crashLog);
        command.addAll(List.of(status.toString(), workingDirectory.toAbsolutePath().toString(), json ? "json" : "text",
                jni.name().toLowerCase(Locale.ROOT), target));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        if (Files.isDirectory(workingDirectory)) {
            builder.directory(workingDirectory.toAbsolutePath().toFile());
        }
        long t0 = System.nanoTime();
        Process child;
        try {
            child = builder.start();
        } catch (IOException e) {
            return new TrialOutcome.Broken(-1, "cannot start " + command.getFirst() + ": " + e.getMessage(), Duration.ZERO);
        }
        try {
            child.getOutputStream().close(); // the child reads no input
        } catch (IOException e) {
            // it may already have exited
        }
        boolean finished;
        try {
            finished = child.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        if (!finished) {
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly();
            waitQuietly(child);
            return new TrialOutcome.TimedOut(timeout, TrialStages.Last.read(status));
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
        int exit = child.exitValue();
        Optional<TrialStages.Last> last = TrialStages.Last.read(status);
        String errors = read(err);
        if (last.filter(l -> l.stage() == TrialStages.Stage.DONE).isPresent()) {
            return new TrialOutcome.Reported(exit, read(out), errors);
        }
        Optional<CrashLog> log = CrashLog.read(crashLog);
        if (log.isPresent() && log.get().signal().isPresent()) {
            return new TrialOutcome.Crashed(Signals.name(log.get().signal().getAsInt(), os), last, log, errors, elapsed);
        }
        if (exit > 128 && exit < 128 + 65) {
            // A signal the JVM does not catch (SIGABRT from abort(), SIGKILL): the shell convention, 128 + number.
            return new TrialOutcome.Crashed(Signals.name(exit - 128, os), last, log, errors, elapsed);
        }
        return new TrialOutcome.Broken(exit, errors, elapsed);
    }

    /** The child's command up to its arguments: java, options, module or class path, main class. */
    private static List<String> command(Path crashLog) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // A short run, as bin/nativeload makes; no core file from a crash, the error log where we read it.
        command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-XX:-CreateCoredumpOnCrash", "-XX:ErrorFile=" + crashLog));
        for (String name : System.getProperties().stringPropertyNames().stream().sorted().toList()) {
            if (name.startsWith("nativeload.") || PASSED_PROPERTIES.contains(name)) {
                command.add("-D" + name + "=" + System.getProperty(name));
            }
        }
        Module module = TrialLoad.class.getModule();
        String classPath = System.getProperty("java.class.path", "");
        if (module.isNamed()) {
            command.add("--enable-native-access=dev.nativeload.ffm," + module.getName());
            command.addAll(List.of("-p", System.getProperty("jdk.module.path", "")));
            if (!classPath.isEmpty()) {
                command.addAll(List.of("-cp", classPath));
            }
            command.addAll(List.of("-m", module.getName() + "/" + TrialLoad.class.getName()));
        } else {
            command.add("--enable-native-access=ALL-UNNAMED");
            command.addAll(List.of("-cp", classPath, TrialLoad.class.getName()));
        }
        return command;
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void waitQuietly(Process child) {
        try {
            child.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A leftover temporary directory is harmless; the report matters more.
        }
    }
}
