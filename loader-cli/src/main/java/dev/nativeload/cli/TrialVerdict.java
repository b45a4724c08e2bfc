package dev.nativeload.cli;

import dev.nativeload.report.Attempt;
import dev.nativeload.report.FailureKind;
import dev.nativeload.report.Outcome;
import dev.nativeload.report.Diagnosis;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Explains a trial load whose child JVM could not report: the attempt of the whole trial, failed with
 * INIT_FAILED naming the signal and the library for a crash, the deadline for a hang, and the JVM's own
 * words for a child that did not run.
 */
final class TrialVerdict {
    private static final String STRATEGY = "trial-load";
    private static final Attempt.Origin ORIGIN = Attempt.Origin.of(Attempt.Origin.Source.CUSTOM, "child JVM");

    private TrialVerdict() {
    }

    /**
     * {@return the one attempt that stands for a trial load that ended without a report}
     *
     * @param outcome  how the child ended; not {@link TrialOutcome.Reported}
     * @param argument the library name or file as given
     * @param file     the file the argument names, absolute, when it names one
     */
    static Attempt of(TrialOutcome outcome, String argument, Optional<Path> file) {
        String subject = file.map(Path::toString).orElse(argument);
        return switch (outcome) {
            case TrialOutcome.Crashed c -> failed(subject, crashed(c, subject), c.elapsed());
            case TrialOutcome.TimedOut t -> failed(subject, timedOut(t, subject), t.timeout());
            case TrialOutcome.Broken b -> failed(subject, broken(b), b.elapsed());
            case TrialOutcome.Reported r -> throw new IllegalArgumentException("the child reported: nothing to explain");
        };
    }

    private static Attempt failed(String subject, Diagnosis why, Duration elapsed) {
        return new Attempt(STRATEGY, ORIGIN, subject, new Outcome.Failed(why), elapsed);
    }

    private static Diagnosis crashed(TrialOutcome.Crashed c, String subject) {
        boolean jni = c.stage().filter(s -> s.stage() == TrialStages.Stage.JNI).isPresent();
        String library = jni ? c.stage().get().subject() : subject;
        String where = c.log().flatMap(CrashLog::library)
                .map(lib -> "; the faulting code is in " + lib + c.log().flatMap(CrashLog::function).map(f -> " (" + f + ")").orElse(""))
                .orElse("");
        String during = jni
                ? "in JNI_OnLoad of " + library + " (System.load)"
                : "while loading " + library + " (in the loader, or a constructor of it or of a library it needs)";
        String wrote = libraryOutput(c.errors()).map(text -> "; before dying it wrote: " + text).orElse("");
        Diagnosis d = Diagnosis.of(FailureKind.INIT_FAILED,
                "the trial load's JVM was killed by " + c.signal() + " " + during + where + wrote
                        + ": a JVM that loads it here dies the same way",
                hint(c.signal()));
        return jni ? d.withCulprit(new Diagnosis.Culprit.Symbol(JniTrial.JNI_ON_LOAD, java.util.Optional.empty())) : d;
    }

    private static String hint(String signal) {
        return switch (signal) {
            case "SIGILL" -> "the code runs an instruction this CPU does not have (often a build for newer CPUs: "
                    + "-march=native, AVX2, AVX-512): use a build for this CPU; /proc/cpuinfo lists its features";
            case "SIGBUS" -> "memory mapped from a file that is shorter than it should be: the library's own file "
                    + "(cut short, or overwritten while in use) or a file its initializer maps; replace the library with a complete copy";
            case "SIGABRT" -> "the library's initialization called abort() (a failed assertion, an uncaught C++ exception): "
                    + "what it wrote, if anything, is quoted above; report it to its maintainers";
            case "SIGSEGV" -> "the library's initialization touched invalid memory: a bug in it, or a build that does "
                    + "not match this system (compare with a fresh copy); report it to its maintainers";
            case "SIGFPE" -> "the library's initialization did an invalid arithmetic operation (a division by zero): "
                    + "a bug in it; report it to its maintainers";
            default -> "the process was stopped by " + signal + " during the load; load it in a plain `java` run to see more";
        };
    }

    /**
     * What the child wrote on standard error that the JVM did not: its crash banner (lines starting with
     * {@code #}) and warnings are left out; at most three lines.
     */
    private static Optional<String> libraryOutput(String errors) {
        List<String> lines = errors.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#") && !l.startsWith("WARNING:"))
                .limit(3).toList();
        String text = String.join(" / ", lines);
        return text.isEmpty() ? Optional.empty() : Optional.of(text.length() > 400 ? text.substring(0, 400) + "..." : text);
    }

    private static Diagnosis timedOut(TrialOutcome.TimedOut t, String subject) {
        if (t.stage().isEmpty()) {
            return Diagnosis.of(FailureKind.UNKNOWN,
                    "the trial load's JVM had not started loading " + subject + " after " + t.timeout().toSeconds()
                            + " s, so it was stopped: nothing is known about the library",
                    "the machine is too busy or the JVM is slow to start: raise --timeout");
        }
        boolean jni = t.stage().filter(s -> s.stage() == TrialStages.Stage.JNI).isPresent();
        long seconds = t.timeout().toSeconds();
        String what = jni ? "JNI_OnLoad of " + t.stage().get().subject() : "loading " + subject;
        Diagnosis d = Diagnosis.of(FailureKind.INIT_FAILED,
                what + " did not finish within " + seconds + " s, so the trial load's JVM was stopped",
                "a constructor or JNI_OnLoad that waits (a lock, the network, a pipe) never returned: "
                        + "take a thread dump (jstack) of a JVM stuck loading it; raise --timeout if it is only slow");
        return jni ? d.withCulprit(new Diagnosis.Culprit.Symbol(JniTrial.JNI_ON_LOAD, java.util.Optional.empty())) : d;
    }

    private static Diagnosis broken(TrialOutcome.Broken b) {
        String errors = b.errors().strip();
        if (errors.length() > 2000) {
            errors = errors.substring(0, 2000) + "...";
        }
        return Diagnosis.of(FailureKind.UNKNOWN,
                "the JVM of the trial load ended with status " + b.status() + " before it reported"
                        + (errors.isEmpty() ? "" : ": " + errors),
                "check that this java can start another JVM with the same options (memory limits, a process limit)");
    }
}
