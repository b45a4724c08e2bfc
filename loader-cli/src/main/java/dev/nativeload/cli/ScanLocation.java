package dev.nativeload.cli;

import java.util.Objects;

/**
 * Where {@code scan} found something.
 *
 * @param archive the PATH given (or the class path element)
 * @param unit    the innermost archive holding it, named from {@code archive} with {@code !/} joins
 * @param entry   its path inside {@code archive}, nested archives joined with {@code !/}
 */
record ScanLocation(String archive, String unit, String entry) {
    ScanLocation {
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(entry, "entry");
    }
}
