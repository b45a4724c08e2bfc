package dev.nativeload.spi;

import dev.nativeload.report.Attempt.Origin;

import dev.nativeload.report.Diagnosis;
import java.nio.file.Path;
import java.util.Objects;

/** One thing a step proposes to try: a name for the OS loader to search, or a file. */
public sealed interface Candidate {
    /** {@return where the candidate came from: its kind of source, and in words for the report} */
    Origin origin();

    /** {@return the name or path as it will be handed to the OS, or as it was meant} */
    String target();

    /**
     * A bare file name the OS loader searches for in its own way ({@code libz.so.1}, {@code z.dll}).
     *
     * @param name   the file name
     * @param origin where it came from
     */
    record Name(String name, Origin origin) implements Candidate {
        /** Checks the components: none may be null. */
        public Name {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(origin, "origin");
        }

        /**
         * A name from a source described in words (a user-written strategy).
         *
         * @param name   the file name
         * @param origin where it came from
         */
        public Name(String name, String origin) {
            this(name, Origin.custom(origin));
        }

        @Override
        public String target() {
            return name;
        }
    }

    /**
     * A file, opened by its absolute path.
     *
     * @param path      the file; made absolute
     * @param origin    where it came from
     * @param loadFirst files to open before it, in this order: its own dependencies shipped next to
     *                  it (an embedded library set), so the OS loader finds them already loaded
     * @param openAs    for files verified through an open descriptor, the name to hand the OS loader
     *                  instead of the path ({@code /proc/self/fd/N}): the verified file itself,
     *                  whatever has been renamed over the path since
     */
    record File(Path path, Origin origin, java.util.List<Path> loadFirst, java.util.Map<Path, String> openAs) implements Candidate {
        /** Checks the components: none may be null. */
        public File {
            path = path.toAbsolutePath();
            Objects.requireNonNull(origin, "origin");
            loadFirst = loadFirst.stream().map(Path::toAbsolutePath).toList();
            openAs = java.util.Map.copyOf(openAs);
        }

        /**
         * A file, and the files to open before it, all opened by path.
         *
         * @param path      the file
         * @param origin    where it came from
         * @param loadFirst files to open before it, in this order
         */
        public File(Path path, Origin origin, java.util.List<Path> loadFirst) {
            this(path, origin, loadFirst, java.util.Map.of());
        }

        /**
         * {@return the name handed to the OS loader for this file or one of its {@link #loadFirst} files}
         *
         * @param file {@link #path} or one of {@link #loadFirst}
         */
        public String openName(Path file) {
            Path abs = file.toAbsolutePath();
            return openAs.getOrDefault(abs, abs.toString());
        }

        /**
         * A file with nothing to load before it.
         *
         * @param path   the file
         * @param origin where it came from
         */
        public File(Path path, Origin origin) {
            this(path, origin, java.util.List.of());
        }

        /**
         * A file from a source described in words (a user-written strategy).
         *
         * @param path   the file
         * @param origin where it came from
         */
        public File(Path path, String origin) {
            this(path, Origin.custom(origin));
        }

        @Override
        public String target() {
            return path.toString();
        }
    }

    /**
     * A candidate the step could not produce (an extraction that failed, an unreadable directory):
     * recorded in the report, never opened.
     *
     * @param target what it would have been
     * @param origin where it came from
     * @param why    why it is unavailable
     */
    record Unavailable(String target, Origin origin, Diagnosis why) implements Candidate {
        /** Checks the components: none may be null. */
        public Unavailable {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(why, "why");
        }

        /**
         * An unavailable candidate from a source described in words (a user-written strategy).
         *
         * @param target what it would have been
         * @param origin where it came from
         * @param why    why it is unavailable
         */
        public Unavailable(String target, String origin, Diagnosis why) {
            this(target, Origin.custom(origin), why);
        }
    }
}
