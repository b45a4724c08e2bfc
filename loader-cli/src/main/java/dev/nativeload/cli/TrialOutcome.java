package dev.nativeload.cli;

import java.time.Duration;
import java.util.Optional;

/** How a trial load in a child JVM ended. */
sealed interface TrialOutcome {
    /**
     * The child wrote its report.
     *
     * @param status its exit status (0 loaded, 1 not loaded, 2 bad arguments)
     * @param output the report, to print as it is
     * @param errors what it wrote on standard error
     */
    record Reported(int status, String output, String errors) implements TrialOutcome {
    }

    /**
     * The child died of a signal before it could report.
     *
     * @param signal  the signal's name, e.g. {@code SIGILL}
     * @param stage   the last stage it recorded, if any
     * @param log     the JVM's fatal error log, when it wrote one
     * @param errors  what it wrote on standard error
     * @param elapsed how long it ran
     */
    record Crashed(String signal, Optional<TrialStages.Last> stage, Optional<CrashLog> log, String errors, Duration elapsed)
            implements TrialOutcome {
    }

    /**
     * The child was still running at the deadline and was killed.
     *
     * @param timeout the deadline
     * @param stage   the last stage it recorded, if any
     */
    record TimedOut(Duration timeout, Optional<TrialStages.Last> stage) implements TrialOutcome {
    }

    /**
     * The child ended without a report or a signal (the JVM could not start, say).
     *
     * @param status  its exit status, or -1 when it could not be started
     * @param errors  what it wrote on standard error
     * @param elapsed how long it ran
     */
    record Broken(int status, String errors, Duration elapsed) implements TrialOutcome {
    }
}
