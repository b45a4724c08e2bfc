package dev.nativeload.cli;

import java.util.Objects;

/**
 * One thing that keeps a file from shipping for a platform.
 *
 * @param rule    the rule broken: {@code read}, {@code format}, {@code os}, {@code arch}, {@code libc},
 *                {@code glibc-version}, {@code rpath}, {@code dll-needed}, {@code dependency},
 *                {@code symbol-version-too-new} or {@code unresolved-symbol}
 * @param message what is wrong, naming the offending value
 */
record Violation(String rule, String message) {
    Violation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }
}
