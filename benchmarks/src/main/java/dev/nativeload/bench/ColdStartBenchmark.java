package dev.nativeload.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The first load of a library in a new JVM: a new {@code java} process per op, running
 * {@link ColdStartProgram} (load zlib, call {@code zlibVersion()} once, print it, exit), timed from
 * start to exit. {@code none} is the same JVM doing nothing, so the difference to it is what the
 * first load and call cost. Every contender runs from the same jar with the same options.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class ColdStartBenchmark {
    /** How the program loads zlib: nativeload's default chain, the JDK's library lookup, JNA, or not at all. */
    @Param({"none", "jdk", "jna", "nativeload"})
    public String way;

    private List<String> command;

    /** The command line: this JVM's {@code java} and class path. */
    @Setup(Level.Trial)
    public void command() {
        String java = ProcessHandle.current().info().command().orElseThrow(() -> new IllegalStateException("no java command"));
        command = List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                ColdStartProgram.class.getName(), way);
    }

    /**
     * One new JVM from start to exit.
     *
     * @return what it printed (zlib's version; empty for {@code none})
     */
    @Benchmark
    public String firstLoadAndCallInANewJvm() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        int status = p.waitFor();
        if (status != 0) {
            throw new IllegalStateException(way + ": the program exited with " + status);
        }
        return out;
    }
}
