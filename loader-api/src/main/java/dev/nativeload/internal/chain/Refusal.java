package dev.nativeload.internal.chain;

import dev.nativeload.report.Attempt;
import dev.nativeload.report.Attempt.Origin;
import dev.nativeload.spi.Candidate;
import dev.nativeload.spi.OsError;
import java.time.Duration;
import java.util.Objects;

/**
 * An attempt the OS refused, with the raw facts read at once (its text and number), explained only
 * when a report is made: a refusal the chain goes on from costs the classifier nothing unless the
 * report is read or the whole load fails.
 */
final class Refusal {
    private final String strategy;
    private final Candidate candidate;
    private final OsError error;
    private Duration elapsed = Duration.ZERO;

    /**
     * @param strategy  the step that proposed the candidate
     * @param candidate what was handed to the OS
     * @param error     what the OS said, read right after the call
     */
    Refusal(String strategy, Candidate candidate, OsError error) {
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        this.candidate = Objects.requireNonNull(candidate, "candidate");
        this.error = Objects.requireNonNull(error, "error");
    }

    /** {@return what was handed to the OS} */
    Candidate candidate() {
        return candidate;
    }

    /** {@return what the OS said} */
    OsError error() {
        return error;
    }

    /** Records how long the attempt took (the open, not its later explanation). @param took the time */
    void took(Duration took) {
        elapsed = Objects.requireNonNull(took, "took");
    }

    /** {@return the attempt, its refusal classified now} @param opener what classifies it */
    Attempt explained(CandidateOpener opener) {
        Origin origin = candidate.origin();
        return new Attempt(strategy, origin, candidate.target(), opener.explain(this), elapsed);
    }
}
