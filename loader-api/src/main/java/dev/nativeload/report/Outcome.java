package dev.nativeload.report;

import java.nio.file.Path;
import java.util.Objects;

/** How one attempt ended. */
public sealed interface Outcome {
    /**
     * The OS loaded the library.
     *
     * @param path the file the OS really mapped, as it reports it (may differ from the candidate
     *             when a name was searched, or a symbolic link followed)
     */
    record Loaded(Path path) implements Outcome {
        public Loaded {
            Objects.requireNonNull(path, "path");
        }
    }

    /**
     * The candidate was not handed to the OS: absent, or its headers show it cannot load here.
     *
     * @param why the reason
     */
    record Skipped(Diagnosis why) implements Outcome {
        public Skipped {
            Objects.requireNonNull(why, "why");
        }
    }

    /**
     * The OS refused the candidate.
     *
     * @param why the classified reason, with the OS's own text
     */
    record Failed(Diagnosis why) implements Outcome {
        public Failed {
            Objects.requireNonNull(why, "why");
        }
    }
}
