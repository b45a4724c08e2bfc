package dev.nativeload.internal.cache;

import dev.nativeload.internal.os.FileDescriptors;

import dev.nativeload.internal.os.FileStatus;
import dev.nativeload.internal.os.LockFile;
import dev.nativeload.internal.os.LockFileResult;
import dev.nativeload.spi.NativeAccess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The locks of cache entries through per-open-file locks ({@link LockFile}; Linux OFD locks), the
 * same two bytes of {@code .lock} as {@link EntryLocks} (byte 0 exclusive while writing, byte 1
 * shared while in use), and interoperable with it: both kinds of lock exclude each other.
 *
 * <p>Unlike the JDK's {@link java.nio.channels.FileLock}s these are owned by one open file, not by
 * the process, so two copies of nativeload in one JVM (two class loaders) and two spellings of one
 * directory exclude each other as two processes do, with no {@code OverlappingFileLockException},
 * and closing one never drops another's locks. Nothing blocks in the OS: a lock is tried, then
 * retried with a growing pause until a deadline ({@value #TIMEOUT_PROPERTY}, default 30 seconds),
 * then a {@link LockTimeoutException} names the holder's pid, which each holder writes into the lock
 * file; an interrupt ends only the waiting call ({@link LockInterruptedException}).
 *
 * <p>On a filesystem without locks the entry is used unlocked, and {@link EntryLock#locksUnavailable}
 * says so for the report.
 */
final class DescriptorLocks {
    /** The system property giving the lock deadline in seconds. */
    static final String TIMEOUT_PROPERTY = "nativeload.cache.lockTimeoutSeconds";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** Where a holder records its pid: after the two lock bytes, as {@code "pid <n>\n"} padded to 24 bytes. */
    private static final long PID_OFFSET = 8;
    private static final int PID_RECORD = 24;

    private static final ConcurrentHashMap<Path, Holder> HOLDERS = new ConcurrentHashMap<>();

    private DescriptorLocks() {
    }

    /** This copy's state for one entry: the threads' mutex and the open lock file. */
    private static final class Holder {
        final ReentrantLock mutex = new ReentrantLock();
        LockFile file;
        volatile boolean pinned;
    }

    /** {@return the deadline for taking a lock, from {@value #TIMEOUT_PROPERTY}} */
    static Duration timeout() {
        String v = System.getProperty(TIMEOUT_PROPERTY);
        if (v != null) {
            try {
                double seconds = Double.parseDouble(v.strip());
                if (seconds >= 0) {
                    return Duration.ofMillis((long) (seconds * 1000));
                }
            } catch (NumberFormatException ignored) {
                // the default below
            }
        }
        return DEFAULT_TIMEOUT;
    }

    /**
     * Locks an entry for writing, creating its directory ({@code 0700}) and lock file if absent.
     *
     * @param access the OS boundary
     * @param entry  the entry directory
     * @return the held lock, or empty when {@code access} has no per-open-file locks here
     * @throws UnusableEntryException     if the entry or its lock file is a link or not what it must be
     * @throws LockTimeoutException       if another holder kept it past the deadline
     * @throws LockInterruptedException   if this thread was interrupted while waiting
     * @throws IOException                if the lock file cannot be opened or locked otherwise
     */
    static Optional<EntryLock> acquire(NativeAccess access, Path entry) throws IOException {
        Path key = entry.toAbsolutePath().normalize();
        Holder h = HOLDERS.computeIfAbsent(key, k -> new Holder());
        long deadline = System.nanoTime() + timeout().toNanos();
        try {
            if (!h.mutex.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new LockTimeoutException(entry, OptionalLong.of(ProcessHandle.current().pid()), "the lock of " + entry
                        + " is held by another thread of this process (pid " + ProcessHandle.current().pid() + ") past "
                        + timeout().toSeconds() + " s; raise -D" + TIMEOUT_PROPERTY + " if extraction is this slow");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LockInterruptedException(entry);
        }
        boolean ok = false;
        try {
            for (int tries = 0; ; tries++) {
                prepareEntry(entry);
                Optional<LockFile> file = open(access, h, entry);
                if (file.isEmpty()) {
                    return Optional.empty();
                }
                LockFile f = file.get();
                LockFile.Attempt got = waitFor(f, 0, 1, false, entry, deadline);
                if (got instanceof LockFile.Attempt.Unavailable u) {
                    ok = true;
                    return Optional.of(new Held(entry, h, false, Optional.of(u.error().toString())));
                }
                if (sameFile(f, entry)) {
                    recordPid(f);
                    ok = true;
                    return Optional.of(new Held(entry, h, true, Optional.empty()));
                }
                // the sweeper renamed the entry away while this thread waited: start again on the new one
                f.unlock(0, 1);
                if (tries > 16) {
                    throw new IOException("the lock file of " + entry + " kept being replaced; gave up");
                }
            }
        } finally {
            if (!ok) {
                h.mutex.unlock();
            }
        }
    }

    /** {@return whether this copy of nativeload uses the entry} @param entry the entry directory */
    static boolean pinnedHere(Path entry) {
        Holder h = HOLDERS.get(entry.toAbsolutePath().normalize());
        return h != null && h.pinned;
    }

    private static Optional<LockFile> open(NativeAccess access, Holder h, Path entry) throws IOException {
        if (h.file != null && sameFile(h.file, entry)) {
            return Optional.of(h.file);
        }
        if (h.file != null && !h.pinned) {
            h.file.close();
        }
        h.file = null;
        h.pinned = false;
        Path lockFile = entry.resolve(EntryLocks.LOCK_FILE);
        return switch (FileDescriptors.of(access).openLockFile(lockFile)) {
            case LockFileResult.Unsupported u -> Optional.empty();
            case LockFileResult.NotRegular n -> throw new UnusableEntryException(lockFile + " is not a regular file (mode "
                    + EntryFileCheck.octal(n.status().mode()) + "); it is not used. Remove it, or the entry " + entry);
            case LockFileResult.Failed f -> throw new UnusableEntryException("cannot open " + lockFile + ": " + f.error()
                    + "; a symbolic link there is never followed. Remove it, or the entry " + entry);
            case LockFileResult.Opened o -> {
                h.file = o.file();
                yield Optional.of(o.file());
            }
        };
    }

    /** Whether the entry's {@code .lock} is still the file this descriptor holds (the sweeper renames entries away). */
    private static boolean sameFile(LockFile f, Path entry) {
        try {
            Object ino = Files.getAttribute(entry.resolve(EntryLocks.LOCK_FILE), "unix:ino", LinkOption.NOFOLLOW_LINKS);
            Object dev = Files.getAttribute(entry.resolve(EntryLocks.LOCK_FILE), "unix:dev", LinkOption.NOFOLLOW_LINKS);
            FileStatus s = f.status();
            return ((Number) ino).longValue() == s.inode() && ((Number) dev).longValue() == s.device();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException gone) {
            return false;
        }
    }

    private static LockFile.Attempt waitFor(LockFile f, long start, long length, boolean shared, Path entry, long deadline)
            throws IOException {
        long pause = 1;
        while (true) {
            LockFile.Attempt a = f.tryLock(start, length, shared);
            switch (a) {
                case LockFile.Attempt.Acquired ok -> {
                    return a;
                }
                case LockFile.Attempt.Unavailable u -> {
                    return a;
                }
                case LockFile.Attempt.Failed failed -> throw new IOException("cannot lock " + entry.resolve(EntryLocks.LOCK_FILE)
                        + ": " + failed.error());
                case LockFile.Attempt.Busy busy -> {
                    // held elsewhere: wait below
                }
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new LockInterruptedException(entry);
            }
            if (System.nanoTime() - deadline >= 0) {
                throw timedOut(f, entry);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LockInterruptedException(entry);
            }
            pause = Math.min(pause * 2, 100);
        }
    }

    private static void recordPid(LockFile f) {
        byte[] text = String.format(java.util.Locale.ROOT, "%-" + (PID_RECORD - 1) + "s\n", "pid " + ProcessHandle.current().pid())
                .getBytes(StandardCharsets.US_ASCII);
        try {
            f.write(PID_OFFSET, text);
        } catch (IOException unrecorded) {
            // a holder that cannot be named is still a holder
        }
    }

    private static LockTimeoutException timedOut(LockFile f, Path entry) {
        OptionalLong pid = recordedPid(f);
        String who = pid.isPresent() ? "pid " + pid.getAsLong() + ProcessState.describe(pid.getAsLong()) + " (as it recorded in "
                + entry.resolve(EntryLocks.LOCK_FILE).getFileName() + ")"
                : "a process that did not record its pid (an older nativeload)";
        return new LockTimeoutException(entry, pid, "the lock of " + entry + " is held by " + who + " and was not released within "
                + timeout().toSeconds() + " s; if that process is stopped or hung, resume or end it (kill -CONT / kill), or set -D"
                + CacheLocations.PROPERTY + " to another cache directory");
    }

    private static OptionalLong recordedPid(LockFile f) {
        byte[] buf = new byte[PID_RECORD];
        try {
            int n = f.read(PID_OFFSET, buf, 0, buf.length);
            String s = n <= 0 ? "" : new String(buf, 0, n, StandardCharsets.US_ASCII).strip();
            return s.startsWith("pid ") ? OptionalLong.of(Long.parseLong(s.substring(4).strip())) : OptionalLong.empty();
        } catch (IOException | NumberFormatException unreadable) {
            return OptionalLong.empty();
        }
    }

    private static void prepareEntry(Path entry) throws IOException {
        if (!Files.exists(entry, LinkOption.NOFOLLOW_LINKS)) {
            CacheDirectoryCheck.createPrivateDirectory(entry);
        }
        if (Files.isSymbolicLink(entry) || !Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
            throw new UnusableEntryException(entry + " is " + (Files.isSymbolicLink(entry) ? "a symbolic link" : "not a directory")
                    + "; it is not followed or used");
        }
    }

    /** The write lock of one entry, held by one thread of this copy. */
    private static final class Held implements EntryLock {
        private final Path entry;
        private final Holder holder;
        private final boolean locked;
        private final Optional<String> unavailable;

        Held(Path entry, Holder holder, boolean locked, Optional<String> unavailable) {
            this.entry = entry;
            this.holder = holder;
            this.locked = locked;
            this.unavailable = unavailable;
        }

        @Override
        public void pin() throws IOException {
            if (locked && !holder.pinned) {
                LockFile.Attempt a = waitFor(holder.file, 1, 1, true, entry, System.nanoTime() + timeout().toNanos());
                holder.pinned = a instanceof LockFile.Attempt.Acquired;
            }
            EntryLocks.touch(entry);
        }

        @Override
        public Optional<String> locksUnavailable() {
            return unavailable;
        }

        @Override
        public void close() {
            try {
                if (locked && holder.file != null) {
                    holder.file.unlock(0, 1);
                }
            } finally {
                holder.mutex.unlock();
            }
        }
    }
}
