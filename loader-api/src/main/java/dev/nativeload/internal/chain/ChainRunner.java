package dev.nativeload.internal.chain;

import dev.nativeload.report.Attempt.Origin;

import dev.nativeload.report.Attempt;
import dev.nativeload.report.Diagnosis;
import dev.nativeload.report.FailureKind;
import dev.nativeload.report.LoadReport;
import dev.nativeload.report.Outcome;
import dev.nativeload.spi.Candidate;
import dev.nativeload.spi.LoadRequest;
import dev.nativeload.spi.LoadStrategy;
import dev.nativeload.spi.NativeAccess;
import dev.nativeload.spi.OpenMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Walks the strategies in order, tries each candidate they propose, and records every attempt.
 * It neither throws for a failed load nor logs: the result says how the run ended, and the
 * facade decides what to throw.
 */
public final class ChainRunner {
    private final NativeAccess access;

    /**
     * A runner for one OS boundary.
     *
     * @param access the OS boundary
     */
    public ChainRunner(NativeAccess access) {
        this.access = access;
    }

    /**
     * Runs the chain once.
     *
     * @param request    what to load, for whom
     * @param strategies the steps, in order
     * @param mode       how the OS binds and shows symbols
     * @param precheck   whether to read headers before asking the OS
     * @param bindSymbols whether the pre-check also binds each file's symbols offline, so a reference
     *                    nothing defines fails before the OS is asked (with {@code precheck} only)
     * @return the loaded handle, or every attempt and the cause
     */
    public ChainResult run(LoadRequest request, List<LoadStrategy> strategies, OpenMode mode, boolean precheck,
                           boolean bindSymbols) {
        long start = System.nanoTime();
        // Each attempt in order: an Attempt, or a Refusal the report explains when it is made.
        List<Object> attempts = new ArrayList<>();
        CandidateOpener opener = new CandidateOpener(access, request);
        // By index, not for-each: the default chain is a list of its own (DefaultChain), whose iterator
        // class is not in the JDK's class-data archive, and this runs on every first load.
        for (int i = 0; i < strategies.size(); i++) {
            LoadStrategy strategy = strategies.get(i);
            try (Stream<Candidate> candidates = strategy.candidates(request)) {
                Iterator<Candidate> it = candidates.iterator();
                while (it.hasNext()) {
                    Candidate candidate = it.next();
                    long t0 = System.nanoTime();
                    CandidateOpener.Tried tried = opener.open(strategy.name(), candidate, mode, precheck, bindSymbols);
                    Duration took = Duration.ofNanos(System.nanoTime() - t0);
                    if (tried.refusal() != null) {
                        tried.refusal().took(took);
                        attempts.add(tried.refusal());
                        continue;
                    }
                    attempts.add(new Attempt(strategy.name(), candidate.origin(), candidate.target(), tried.outcome(), took));
                    if (tried.handle().isPresent()) {
                        DeferredReport report = new DeferredReport(request.name(), access.host(), attempts, opener,
                                Duration.ofNanos(System.nanoTime() - start));
                        return new ChainResult.Loaded(tried.handle().get(),
                                ((Outcome.Loaded) tried.outcome()).path(), report);
                    }
                }
            } catch (RuntimeException broken) {
                attempts.add(new Attempt(strategy.name(), Origin.custom("strategy " + strategy.name()), strategy.toString(), new Outcome.Failed(
                        Diagnosis.of(FailureKind.UNKNOWN, "the step " + strategy.name() + " threw " + broken,
                                "a custom strategy must report its problems as Candidate.Unavailable; fix the strategy")),
                        Duration.ZERO));
            }
        }
        LoadReport report = new LoadReport(request.name(), access.host(), DeferredReport.attempts(attempts, opener),
                Duration.ofNanos(System.nanoTime() - start));
        Diagnosis cause = report.cause().orElseGet(() -> Diagnosis.of(FailureKind.NOT_FOUND,
                "no step proposed any candidate for \"" + request.name() + "\"",
                "configure a strategy, or set -Dnativeload." + request.name() + ".path"));
        return new ChainResult.Failed(report, cause);
    }
}
