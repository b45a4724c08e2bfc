package dev.nativeload.report;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One try of the chain: which step proposed what, from where, and how it ended.
 *
 * @param strategy the step's name: {@code explicit}, {@code system}, {@code directory-search}, ...
 * @param origin   where the candidate came from: {@code "system property nativeload.z.path"},
 *                 {@code "java.library.path"}, {@code "LD_LIBRARY_PATH"}, {@code "OS loader search"}
 * @param target   the name or absolute path tried
 * @param outcome  loaded, skipped before the OS was asked, or failed in the OS
 * @param elapsed  how long the attempt took
 */
public record Attempt(String strategy, String origin, String target, Outcome outcome, Duration elapsed) {
    public Attempt {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** {@return the diagnosis of a skipped or failed attempt, empty for the one that loaded} */
    public Optional<Diagnosis> diagnosis() {
        return switch (outcome) {
            case Outcome.Loaded loaded -> Optional.empty();
            case Outcome.Skipped skipped -> Optional.of(skipped.why());
            case Outcome.Failed failed -> Optional.of(failed.why());
        };
    }

    /** {@return whether this attempt loaded the library} */
    public boolean loaded() {
        return outcome instanceof Outcome.Loaded;
    }
}
