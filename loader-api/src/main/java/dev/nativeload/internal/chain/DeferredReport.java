package dev.nativeload.internal.chain;

import dev.nativeload.platform.Host;
import dev.nativeload.report.Attempt;
import dev.nativeload.report.LoadReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The report of a load that succeeded, made when it is first read: the OS's refusals of the
 * attempts before the one that loaded are explained ({@code FailureClassifier}) then, not while the
 * chain runs, since no later step depends on why an earlier one failed. The report read is the one
 * an eager classification would have made: the same attempts, kinds and words; the OS's text and
 * number of each refusal were kept when it happened.
 */
public final class DeferredReport {
    private final String library;
    private final Host host;
    private final Duration elapsed;
    /** Each attempt in order: an {@link Attempt}, or a {@link Refusal} still to explain; null once made. */
    private List<Object> entries;
    /** What explains a refusal; null once the report is made. */
    private CandidateOpener opener;
    private LoadReport report;

    DeferredReport(String library, Host host, List<Object> entries, CandidateOpener opener, Duration elapsed) {
        this.library = Objects.requireNonNull(library, "library");
        this.host = Objects.requireNonNull(host, "host");
        this.entries = Objects.requireNonNull(entries, "entries");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.elapsed = Objects.requireNonNull(elapsed, "elapsed");
    }

    private DeferredReport(LoadReport report) {
        this.library = report.library();
        this.host = report.host();
        this.elapsed = report.elapsed();
        this.report = report;
    }

    /**
     * {@return a report already made}
     *
     * @param report the report
     */
    public static DeferredReport of(LoadReport report) {
        return new DeferredReport(Objects.requireNonNull(report, "report"));
    }

    /** {@return the library's logical name} */
    public String library() {
        return library;
    }

    /** {@return how long the load took} */
    public Duration elapsed() {
        return elapsed;
    }

    /** {@return the report, every refusal explained; made on the first call} */
    public synchronized LoadReport get() {
        LoadReport r = report;
        if (r == null) {
            r = new LoadReport(library, host, attempts(entries, opener), elapsed);
            report = r;
            entries = null;
            opener = null;
        }
        return r;
    }

    /** {@return the attempts, each refusal explained now} @param entries attempts and refusals @param opener the explainer */
    static List<Attempt> attempts(List<Object> entries, CandidateOpener opener) {
        List<Attempt> attempts = new ArrayList<>(entries.size());
        for (Object entry : entries) {
            attempts.add(entry instanceof Refusal refusal ? refusal.explained(opener) : (Attempt) entry);
        }
        return attempts;
    }
}
