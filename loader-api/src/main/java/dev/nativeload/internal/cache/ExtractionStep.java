package dev.nativeload.internal.cache;

import java.util.Objects;

/**
 * One thing an extraction did or met, in the words of its report, with its kind: a reader (the
 * embedded step's report line) selects by kind, never by the wording.
 *
 * @param kind what it is
 * @param text what happened, for a person
 */
public record ExtractionStep(Kind kind, String text) {
    /** The kinds a reader selects by. */
    public enum Kind {
        /** Progress: a resource found, a file extracted or reused, a directory refused. */
        NOTE,
        /** An entry passed over (another user's, damaged, replaced), and the next one used. */
        PASSED_OVER,
        /** How the files were verified: through one open descriptor each, or by path. */
        VERIFIED,
        /** The filesystem has no locks: the verified entry was used unlocked. */
        LOCKS_UNAVAILABLE
    }

    /** Checks the components: none may be null. */
    public ExtractionStep {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    /** {@return a progress step} @param text what happened */
    static ExtractionStep note(String text) {
        return new ExtractionStep(Kind.NOTE, text);
    }

    /** {@return an entry passed over} @param why why it was not used */
    static ExtractionStep passedOver(String why) {
        return new ExtractionStep(Kind.PASSED_OVER, "entry passed over: " + why);
    }

    @Override
    public String toString() {
        return text;
    }
}
