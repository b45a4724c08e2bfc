package dev.nativeload.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * What a trial load is about to do, written ahead of it so the parent can tell where a child that
 * died or hung was. One line per stage: {@code load ARGUMENT}, {@code jni FILE}, {@code done}.
 */
interface TrialStages {
    /** @param argument the library name or file about to be loaded through the chain */
    void loading(String argument);

    /** @param file the file about to be handed to {@code System.load} */
    void jniOnLoad(Path file);

    /**
     * {@return stages appended to a file, each line written before the step it names}
     *
     * @param file the status file the parent reads
     */
    static TrialStages toFile(Path file) {
        return new TrialStages() {
            @Override
            public void loading(String argument) {
                append(file, Stage.LOAD.word() + " " + argument);
            }

            @Override
            public void jniOnLoad(Path library) {
                append(file, Stage.JNI.word() + " " + library);
            }
        };
    }

    /**
     * Appends one line.
     *
     * @param file the status file
     * @param line the line, without a line break
     */
    static void append(Path file, String line) {
        try {
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stages, by the word that starts their line. */
    enum Stage {
        /** The load through the chain (the OS loader, constructors). */
        LOAD("load"),
        /** {@code System.load}: {@code JNI_OnLoad}. */
        JNI("jni"),
        /** The report is written. */
        DONE("done");

        private final String word;

        Stage(String word) {
            this.word = word;
        }

        /** {@return the word that starts the stage's line} */
        String word() {
            return word;
        }
    }

    /**
     * The last stage a status file records, and its subject.
     *
     * @param stage   the stage
     * @param subject the argument or file it names; empty for {@code done}
     */
    record Last(Stage stage, String subject) {
        /**
         * {@return the last stage in the file, empty when none was recorded (the child died before loading)}
         *
         * @param file the status file
         */
        static Optional<Last> read(Path file) {
            List<String> lines;
            try {
                lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
            } catch (IOException e) {
                return Optional.empty();
            }
            for (int i = lines.size() - 1; i >= 0; i--) {
                String line = lines.get(i);
                for (Stage s : Stage.values()) {
                    if (line.equals(s.word()) || line.startsWith(s.word() + " ")) {
                        return Optional.of(new Last(s, line.length() > s.word().length() ? line.substring(s.word().length() + 1) : ""));
                    }
                }
            }
            return Optional.empty();
        }
    }
}
