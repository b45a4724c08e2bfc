package dev.nativeload.maven;

/**
 * One rule a native breaks, in nativeload's words.
 *
 * @param rule    the rule's name ({@code arch}, {@code glibc-version}, {@code rpath}, ...)
 * @param message what is wrong, as nativeload says it
 */
record Violation(String rule, String message) {
}
