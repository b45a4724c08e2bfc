package dev.nativeload.internal.cache;

import java.io.IOException;

/** A cache entry path that must not be used: a planted symbolic link, or a file where a directory belongs. */
final class UnusableEntryException extends IOException {
    private static final long serialVersionUID = 1L;

    UnusableEntryException(String message) {
        super(message);
    }
}
