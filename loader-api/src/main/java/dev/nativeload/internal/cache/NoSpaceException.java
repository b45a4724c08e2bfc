package dev.nativeload.internal.cache;

import java.io.IOException;
import java.nio.file.Path;

/** A cache directory's filesystem had no room for a library ({@code ENOSPC}, a quota, or too little usable space). */
final class NoSpaceException extends IOException {
    private static final long serialVersionUID = 1L;

    private NoSpaceException(String message, Throwable cause) {
        super(message, cause);
    }

    static NoSpaceException needs(Path dir, long size, long free) {
        return new NoSpaceException("no space left on device: " + dir + " has " + free + " bytes free, the library needs "
                + size, null);
    }

    static NoSpaceException wrap(Path dir, long size, IOException e) {
        return new NoSpaceException("no space left on device while writing " + size + " bytes to " + dir + ": "
                + CacheDirectoryCheck.describe(e), e);
    }
}
