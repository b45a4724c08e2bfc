package dev.nativeload.spi;

import dev.nativeload.report.Diagnosis;
import java.nio.file.Path;
import java.util.Objects;

/** One thing a step proposes to try: a name for the OS loader to search, or a file. */
public sealed interface Candidate {
    /** {@return where the candidate came from, for the report: {@code "java.library.path"}, {@code "LD_LIBRARY_PATH"}, ...} */
    String origin();

    /** {@return the name or path as it will be handed to the OS, or as it was meant} */
    String target();

    /**
     * A bare file name the OS loader searches for in its own way ({@code libz.so.1}, {@code z.dll}).
     *
     * @param name   the file name
     * @param origin where it came from
     */
    record Name(String name, String origin) implements Candidate {
        public Name {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(origin, "origin");
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
     */
    record File(Path path, String origin, java.util.List<Path> loadFirst) implements Candidate {
        public File {
            path = path.toAbsolutePath();
            Objects.requireNonNull(origin, "origin");
            loadFirst = loadFirst.stream().map(Path::toAbsolutePath).toList();
        }

        /**
         * A file with nothing to load before it.
         *
         * @param path   the file
         * @param origin where it came from
         */
        public File(Path path, String origin) {
            this(path, origin, java.util.List.of());
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
    record Unavailable(String target, String origin, Diagnosis why) implements Candidate {
        public Unavailable {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(why, "why");
        }
    }
}
