package dev.nativeload.report;

import dev.nativeload.platform.Host;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one load did: every attempt in order, how each ended, and the host it ran on.
 *
 * <p>{@link #toString()} renders it for a log: the verdict, the cause and a hint first, then one
 * line per attempt.
 *
 * @param library  the library's logical name
 * @param host     the host facts the chain decided with
 * @param attempts every attempt, in the order made
 * @param elapsed  how long the whole load took
 */
public record LoadReport(String library, Host host, List<Attempt> attempts, Duration elapsed) {
    /** Checks the components: none may be null. */
    public LoadReport {
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(host, "host");
        attempts = List.copyOf(attempts);
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** {@return the path that loaded, if one did} */
    public Optional<Path> loadedPath() {
        return attempts.stream()
                .map(Attempt::outcome)
                .filter(Outcome.Loaded.class::isInstance)
                .map(o -> ((Outcome.Loaded) o).path())
                .findFirst();
    }

    /** {@return whether some attempt loaded the library} */
    public boolean loaded() {
        return loadedPath().isPresent();
    }

    /**
     * {@return the attempt whose failure says the most about why the library did not load}:
     * the highest {@link FailureKind#specificity()}, the earliest among equals (the chain's order
     * is the user's order of preference).
     */
    public Optional<Attempt> mostSpecificFailure() {
        return attempts.stream()
                .filter(a -> a.diagnosis().isPresent())
                .max(Comparator.comparingInt((Attempt a) -> a.diagnosis().orElseThrow().kind().specificity())
                        .thenComparing(Comparator.comparingInt(attempts::indexOf).reversed()));
    }

    /** {@return the report as text for a log or a terminal} */
    public String render() {
        return ReportText.render(this);
    }

    /**
     * {@return the report rendered with {@code cause} as its verdict}: what a failure reports when its
     * cause is not one of the attempts (nativeload not set up, no step proposing anything)
     *
     * @param cause the cause to state
     */
    public String render(Diagnosis cause) {
        return ReportText.render(this, Optional.of(cause));
    }

    @Override
    public String toString() {
        return render();
    }

    /** {@return the diagnosis the final exception reports, if the load failed} */
    public Optional<Diagnosis> cause() {
        return loaded() ? Optional.empty() : mostSpecificFailure().flatMap(Attempt::diagnosis);
    }
}
