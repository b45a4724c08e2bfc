package dev.nativeload.internal.cache;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The locks of cache entries, one lock file ({@code .lock}) per entry directory, two byte ranges
 * in it: byte 0 held exclusively while a process writes or verifies the entry, byte 1 held shared
 * by every process that uses it, for as long as it lives. The sweeper removes an entry only when
 * it can lock both bytes exclusively, so no live process uses it.
 *
 * <p>Within one JVM the locks of a file must all go through one channel (closing any channel of a
 * file drops every POSIX lock the process holds on it), so this class keeps one holder per lock
 * file with a mutex that serializes the threads of this JVM.
 */
final class EntryLocks {
    static final String LOCK_FILE = ".lock";
    static final String USED_MARKER = ".used";
    private static final int MAX_RETRIES = 16;
    private static final ConcurrentHashMap<Path, Holder> HOLDERS = new ConcurrentHashMap<>();

    private EntryLocks() {
    }

    /** This JVM's state for one lock file. */
    private static final class Holder {
        final ReentrantLock mutex = new ReentrantLock();
        FileChannel channel;
        Object fileKey;
        volatile FileLock pin;
    }

    /** An entry locked for writing; {@link #pin()} marks it in use before the lock is released. */
    static final class Held implements AutoCloseable {
        private final Path entry;
        private final Holder holder;
        private final FileLock write;

        private Held(Path entry, Holder holder, FileLock write) {
            this.entry = entry;
            this.holder = holder;
            this.write = write;
        }

        /** Holds the entry's shared use lock until this JVM exits, and touches its last-used marker. */
        void pin() throws IOException {
            if (holder.pin == null) {
                holder.pin = holder.channel.lock(1, 1, true);
            }
            touch(entry);
        }

        @Override
        public void close() throws IOException {
            try {
                if (write != null && write.isValid()) {
                    write.release();
                }
                if (holder.pin == null) {
                    closeChannel(holder);
                }
            } finally {
                holder.mutex.unlock();
            }
        }
    }

    /**
     * Locks an entry for writing, creating its directory ({@code 0700}) and lock file if absent.
     *
     * @param entry the entry directory
     * @return the held lock
     * @throws UnusableEntryException if the entry path is a symbolic link or not a directory
     * @throws IOException            if the lock cannot be taken
     */
    static Held acquire(Path entry) throws IOException {
        Holder h = HOLDERS.computeIfAbsent(entry, e -> new Holder());
        h.mutex.lock();
        boolean ok = false;
        try {
            for (int i = 0; i < MAX_RETRIES; i++) {
                prepareEntry(entry);
                if (h.channel != null && !Objects.equals(h.fileKey, keyOf(entry.resolve(LOCK_FILE)))) {
                    h.pin = null;
                    closeChannel(h);
                }
                if (h.channel == null) {
                    open(entry, h);
                }
                FileLock write = h.channel.lock(0, 1, false);
                Object now = keyOf(entry.resolve(LOCK_FILE));
                if (h.fileKey == null || h.fileKey.equals(now)) {
                    ok = true;
                    return new Held(entry, h, write);
                }
                write.release();
                h.pin = null;
                closeChannel(h);
            }
            throw new IOException("the lock file of " + entry + " kept being replaced; gave up after " + MAX_RETRIES + " tries");
        } finally {
            if (!ok) {
                h.mutex.unlock();
            }
        }
    }

    /**
     * Locks an entry for removal, if nothing uses it: not pinned by this JVM, and both bytes free
     * in every other process.
     *
     * @param entry the entry directory
     * @return the held lock, or empty when the entry is in use or being written
     */
    static Optional<Held> tryAcquireUnused(Path entry) throws IOException {
        Holder h = HOLDERS.computeIfAbsent(entry, e -> new Holder());
        if (!h.mutex.tryLock()) {
            return Optional.empty();
        }
        boolean ok = false;
        try {
            Path lockFile = entry.resolve(LOCK_FILE);
            if (h.pin != null || !Files.exists(lockFile, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            if (h.channel == null) {
                open(entry, h);
            }
            FileLock both;
            try {
                both = h.channel.tryLock(0, 2, false);
            } catch (OverlappingFileLockException held) {
                both = null;
            }
            if (both == null) {
                return Optional.empty();
            }
            ok = true;
            return Optional.of(new Held(entry, h, both));
        } finally {
            if (!ok) {
                if (h.pin == null) {
                    closeChannel(h);
                }
                h.mutex.unlock();
            }
        }
    }

    /** {@return whether this JVM uses the entry} @param entry the entry directory */
    static boolean pinnedHere(Path entry) {
        Holder h = HOLDERS.get(entry);
        return h != null && h.pin != null && h.pin.isValid();
    }

    /** Sets the entry's last-used time to now. */
    static void touch(Path entry) throws IOException {
        Path marker = entry.resolve(USED_MARKER);
        try {
            Files.newByteChannel(marker, java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS)).close();
        } catch (FileAlreadyExistsException exists) {
            // Touched below.
        }
        Files.setLastModifiedTime(marker, FileTime.from(Instant.now()));
    }

    private static void prepareEntry(Path entry) throws IOException {
        try {
            CacheDirectoryCheck.createPrivateDirectory(entry);
        } catch (FileAlreadyExistsException raced) {
            // Checked below.
        }
        BasicFileAttributes a = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (a.isSymbolicLink() || !a.isDirectory()) {
            throw new UnusableEntryException(entry + " is " + (a.isSymbolicLink() ? "a symbolic link" : "not a directory")
                    + "; it is not followed or used");
        }
        Path lockFile = entry.resolve(LOCK_FILE);
        try {
            Files.createFile(lockFile);
        } catch (FileAlreadyExistsException exists) {
            if (Files.isSymbolicLink(lockFile)) {
                throw new UnusableEntryException(lockFile + " is a symbolic link; it is not followed");
            }
        }
    }

    private static void open(Path entry, Holder h) throws IOException {
        Path lockFile = entry.resolve(LOCK_FILE);
        h.fileKey = keyOf(lockFile);
        try {
            h.channel = FileChannel.open(lockFile, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException removed) {
            h.fileKey = null;
            throw new IOException("the lock file of " + entry + " was removed while opening it", removed);
        }
    }

    private static Object keyOf(Path lockFile) {
        try {
            return Files.readAttributes(lockFile, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException gone) {
            return null;
        }
    }

    private static void closeChannel(Holder h) throws IOException {
        FileChannel ch = h.channel;
        h.channel = null;
        h.fileKey = null;
        if (ch != null) {
            ch.close();
        }
    }
}
