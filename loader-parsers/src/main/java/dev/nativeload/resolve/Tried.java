package dev.nativeload.resolve;

import java.util.Objects;

/**
 * One place the loader looked, and why it did not take it.
 *
 * @param path   the candidate path, as the loader would open it
 * @param step   the search step it came from ({@code RUNPATH}, {@code LD_SO_CACHE}, ...)
 * @param reason why it was rejected: {@code "no such file"}, {@code "wrong ELF class: ELFCLASS32"}, ...
 */
public record Tried(String path, How.Step step, String reason) {
    public Tried {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return path + " [" + step + "]: " + reason;
    }
}
