package dev.nativeload.report;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One try of the chain: which step proposed what, from where, and how it ended.
 *
 * @param strategy the step's name: {@code explicit}, {@code system}, {@code directory-search}, ...
 * @param origin   where the candidate came from, by kind and in words: {@code system property nativeload.z.path},
 *                 {@code java.library.path}, {@code LD_LIBRARY_PATH}, {@code OS loader search}
 * @param target   the name or absolute path tried
 * @param outcome  loaded, skipped before the OS was asked, or failed in the OS
 * @param elapsed  how long the attempt took
 */
public record Attempt(String strategy, Origin origin, String target, Outcome outcome, Duration elapsed) {
    /** Checks the components: none may be null. */
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

    /**
     * Where a candidate came from: the kind of source, which components decide by, and the words a
     * report shows.
     *
     * @param source  the kind of source
     * @param text    the source in words: {@code system property nativeload.z.path}, {@code LD_LIBRARY_PATH}
     * @param warning what is unsafe about the path, when something is (a world-writable directory above it)
     */
    public record Origin(Source source, String text, Optional<String> warning) {
        /** The kinds of source of a candidate. */
        public enum Source {
            /** A file the caller named: {@code NativeLoader.load(Path)}. */
            CALLER,
            /** A system property naming a file or directory ({@code nativeload.NAME.path}). */
            SYSTEM_PROPERTY,
            /** An environment variable the caller named, naming a file or directory. */
            ENVIRONMENT_VARIABLE,
            /** The OS loader's own search for a bare name. */
            OS_SEARCH,
            /** A {@code java.library.path} directory. */
            JAVA_LIBRARY_PATH,
            /** A directory of the loader's search-path variable ({@code LD_LIBRARY_PATH}, {@code DYLD_*}, {@code PATH}). */
            LOADER_VARIABLE,
            /** A directory given to the builder ({@code directories(...)}). */
            CONFIGURED_DIRECTORY,
            /** A directory {@code /etc/ld.so.conf} lists. */
            LD_SO_CONF,
            /** One of the system's standard library directories. */
            STANDARD_DIRECTORY,
            /** A library embedded in a jar, extracted to the cache. */
            EMBEDDED,
            /** A cache directory for embedded libraries (refused). */
            CACHE_DIRECTORY,
            /** The caller's own JNI loader, handed the file the chain loaded ({@code System.load}). */
            JNI_LOADER,
            /** A source a user-written strategy names in its own words. */
            CUSTOM
        }

        /** Checks the components: none may be null. */
        public Origin {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(warning, "warning");
        }

        /**
         * {@return an origin with no warning}
         *
         * @param source the kind of source
         * @param text   the source in words
         */
        public static Origin of(Source source, String text) {
            return new Origin(source, text, Optional.empty());
        }

        /**
         * {@return an origin a user-written strategy describes in its own words}
         *
         * @param text the source in words
         */
        public static Origin custom(String text) {
            return of(Source.CUSTOM, text);
        }

        /**
         * {@return this origin with a warning about the path}
         *
         * @param why what is unsafe
         */
        public Origin withWarning(String why) {
            return new Origin(source, text, Optional.of(why));
        }

        /** {@return the words a report shows: the source, and the warning after it} */
        @Override
        public String toString() {
            return warning.map(w -> text + "; WARNING: " + w).orElse(text);
        }
    }
}
