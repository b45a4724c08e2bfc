package dev.nativeload.internal.cache;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * An embedded library could not be extracted anywhere: every cache directory was refused or
 * failed, each with its reason.
 */
public final class ExtractionException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The family of the failure. */
    public enum Problem {
        /** No cache directory could be used; {@link #refusals()} says why for each. */
        NO_USABLE_CACHE_DIRECTORY,
        /** The usable cache directories had no space left for the library. */
        NO_SPACE,
        /** The resource could not be read from the class path. */
        RESOURCE_UNREADABLE
    }

    private final Problem problem;
    private final transient List<CacheRefusal> refusals;

    /**
     * @param problem  the family
     * @param message  the explanation
     * @param refusals every refused cache directory with its reason
     * @param cause    the underlying failure, or null
     */
    public ExtractionException(Problem problem, String message, List<CacheRefusal> refusals, Throwable cause) {
        super(message, cause);
        this.problem = Objects.requireNonNull(problem, "problem");
        this.refusals = List.copyOf(refusals);
    }

    /** {@return the family of the failure} */
    public Problem problem() {
        return problem;
    }

    /** {@return every cache directory tried, with why it was refused or failed} */
    public List<CacheRefusal> refusals() {
        return refusals;
    }
}
