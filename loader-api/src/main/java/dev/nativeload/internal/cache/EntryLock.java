package dev.nativeload.internal.cache;

import java.io.IOException;
import java.util.Optional;

/** A cache entry locked for writing: by {@link EntryLocks} (the JDK's file locks) or {@link DescriptorLocks}. */
interface EntryLock extends AutoCloseable {
    /**
     * Marks the entry in use for the life of this JVM (a shared lock the sweeper respects) and touches its use marker.
     *
     * @throws IOException if it cannot
     */
    void pin() throws IOException;

    /** {@return why the entry could not be locked, when its filesystem has no locks; the entry is then used unlocked} */
    Optional<String> locksUnavailable();

    @Override
    void close() throws IOException;
}
