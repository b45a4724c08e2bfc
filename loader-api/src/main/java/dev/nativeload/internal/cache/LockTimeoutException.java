package dev.nativeload.internal.cache;

import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalLong;

/** An entry's lock stayed held past the deadline; the message names the holder's pid where it was recorded. */
final class LockTimeoutException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient Path entry;
    private final OptionalLong holder;

    LockTimeoutException(Path entry, OptionalLong holder, String message) {
        super(message);
        this.entry = entry;
        this.holder = holder;
    }

    /** {@return the entry directory} */
    Path entry() {
        return entry;
    }

    /** {@return the pid of the process holding the lock, where it was recorded} */
    OptionalLong holder() {
        return holder;
    }
}
