package dev.nativeload.maven;

import java.util.List;

/**
 * {@code nativeload verify}'s verdict on one file: one line of its {@code --json} output.
 *
 * @param path       the file as it was given to nativeload
 * @param ok         whether it may ship for the target
 * @param violations the rules it breaks (empty when ok)
 */
record FileVerdict(String path, boolean ok, List<Violation> violations) {
    FileVerdict {
        violations = List.copyOf(violations);
    }
}
