package dev.nativeload.internal.cache;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The thread was interrupted while waiting for an entry's lock. Only this call fails: no shared
 * channel or descriptor is closed, and the thread's interrupt status is set again.
 */
final class LockInterruptedException extends IOException {
    private static final long serialVersionUID = 1L;

    LockInterruptedException(Path entry) {
        super("interrupted while waiting for the lock of " + entry + "; nothing was changed, and the next call works");
    }
}
