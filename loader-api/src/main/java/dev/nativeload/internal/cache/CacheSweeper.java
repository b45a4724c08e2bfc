package dev.nativeload.internal.cache;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Removes cache entries nobody uses, in a cache directory nativeload created and marked as its own
 * ({@link CacheMarker}), and only names it creates there (entries, their trash, digest records;
 * partial files whose writer is gone): not used for {@code maxAge} (the {@code .used} marker each
 * use touches) and not locked by a live process (every process that uses an entry holds a shared
 * lock on it until it exits). An entry is renamed away under its lock before it is deleted, so a
 * process arriving at the same moment starts a fresh entry. Digests recorded by {@link SourceIndex}
 * are removed after the same age. A file the OS will not delete (a DLL
 * loaded on Windows) is left for a later sweep. Nothing here relies on {@code deleteOnExit}.
 *
 * @param maxAge how long an entry may go unused before it is removed
 * @param clock  the time source
 */
public record CacheSweeper(Duration maxAge, Clock clock) {
    private static final Pattern ENTRY = Pattern.compile("[0-9a-f]{64}(-[0-9]{1,3})?");
    private static final String TRASH_PREFIX = ".trash-";
    private static final Pattern TRASH = Pattern.compile("\\.trash-[0-9a-f]{64}(-[0-9]{1,3})?-[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");
    private static final Pattern SOURCE_RECORD = Pattern.compile(SourceIndex.PREFIX + "[0-9a-f]{64}");
    /** A partial file whose writer's pid is gone is removed once this old (a pid of another namespace may look gone). */
    private static final Duration ORPHAN_AGE = Duration.ofMinutes(1);
    /** A partial file is removed once this old whatever its pid says (the pid may have been reused). */
    private static final Duration STALE_TMP_AGE = Duration.ofDays(1);

    public CacheSweeper {
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(clock, "clock");
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("maxAge is negative: " + maxAge);
        }
    }

    /** {@return a sweeper removing entries unused for {@code maxAge}, by the system clock} @param maxAge the age */
    public static CacheSweeper olderThan(Duration maxAge) {
        return new CacheSweeper(maxAge, Clock.systemUTC());
    }

    /**
     * What one sweep did.
     *
     * @param removed    entries deleted, and partial files whose writer was gone
     * @param inUse      entries kept because a live process holds them
     * @param recent     entries kept because they were used within {@code maxAge}
     * @param leftBehind entries or files that could not be deleted, with the reason
     */
    public record Result(List<Path> removed, List<Path> inUse, List<Path> recent, List<String> leftBehind) {
        public Result {
            removed = List.copyOf(removed);
            inUse = List.copyOf(inUse);
            recent = List.copyOf(recent);
            leftBehind = List.copyOf(leftBehind);
        }
    }

    /**
     * Sweeps one cache directory.
     *
     * @param cacheDir the directory holding entries ({@code <sha256>[-n]} directories)
     * @return what was removed and what was kept, and why
     * @throws IOException if the directory cannot be listed
     */
    public Result sweep(Path cacheDir) throws IOException {
        List<Path> removed = new ArrayList<>();
        List<Path> inUse = new ArrayList<>();
        List<Path> recent = new ArrayList<>();
        List<String> left = new ArrayList<>();
        Instant now = clock.instant();
        if (!CacheMarker.isMarked(cacheDir)) {
            return new Result(removed, inUse, recent, List.of(cacheDir + " has no " + CacheMarker.NAME
                    + ": nativeload did not create it, so nothing in it is removed"));
        }
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(cacheDir)) {
            ds.forEach(children::add);
        }
        for (Path child : children) {
            String name = child.getFileName().toString();
            if (TRASH.matcher(name).matches() && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                deleteTree(child, left);
                continue;
            }
            if (SOURCE_RECORD.matcher(name).matches() && Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS)
                    && Duration.between(Files.getLastModifiedTime(child, LinkOption.NOFOLLOW_LINKS).toInstant(), now)
                    .compareTo(maxAge) >= 0) {
                delete(child, left); // a recorded digest; losing it costs one hash of the resource
                continue;
            }
            if (!ENTRY.matcher(name).matches() || !Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            removeOrphanedPartials(child, now, removed, left);
            if (EntryLocks.pinnedHere(child)) {
                inUse.add(child);
                continue;
            }
            if (!stale(child, now)) {
                recent.add(child);
                continue;
            }
            Optional<EntryLocks.Held> held = EntryLocks.tryAcquireUnused(child);
            if (held.isEmpty()) {
                inUse.add(child);
                continue;
            }
            Path trash = cacheDir.resolve(TRASH_PREFIX + name + "-" + UUID.randomUUID());
            try (EntryLocks.Held lock = held.get()) {
                if (!stale(child, now)) {
                    recent.add(child);
                    continue;
                }
                Files.move(child, trash, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                left.add(child + ": " + CacheDirectoryCheck.describe(e));
                continue;
            }
            if (deleteTree(trash, left)) {
                removed.add(child);
            }
        }
        return new Result(removed, inUse, recent, left);
    }

    /** Removes the partial files ({@link TempNames}) of an entry whose writer is gone, or that are a day old. */
    private static void removeOrphanedPartials(Path entry, Instant now, List<Path> removed, List<String> left) {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(entry)) {
            for (Path f : ds) {
                java.util.OptionalLong writer = TempNames.writer(f.getFileName().toString());
                if (writer.isEmpty() || !Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                Duration age = Duration.between(Files.getLastModifiedTime(f, LinkOption.NOFOLLOW_LINKS).toInstant(), now);
                boolean writerGone = ProcessHandle.of(writer.getAsLong()).isEmpty();
                if (writerGone && age.compareTo(ORPHAN_AGE) >= 0 || age.compareTo(STALE_TMP_AGE) >= 0) {
                    int before = left.size();
                    delete(f, left);
                    if (left.size() == before) {
                        removed.add(f);
                    }
                }
            }
        } catch (IOException e) {
            left.add(entry + ": " + CacheDirectoryCheck.describe(e));
        }
    }

    private boolean stale(Path entry, Instant now) throws IOException {
        Path marker = entry.resolve(EntryLocks.USED_MARKER);
        Optional<BasicFileAttributes> m = ContentStore.attributes(marker);
        FileTime used = m.isPresent() ? m.get().lastModifiedTime()
                : Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).lastModifiedTime();
        return Duration.between(used.toInstant(), now).compareTo(maxAge) >= 0;
    }

    private static boolean deleteTree(Path root, List<String> left) {
        int before = left.size();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    delete(file, left);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
                    delete(dir, left);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            left.add(root + ": " + CacheDirectoryCheck.describe(e));
        }
        return left.size() == before;
    }

    private static void delete(Path p, List<String> left) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            left.add(p + ": " + CacheDirectoryCheck.describe(e) + " (left for a later sweep)");
        }
    }
}
