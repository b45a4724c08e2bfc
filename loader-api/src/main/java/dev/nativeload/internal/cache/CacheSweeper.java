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
 * Removes cache entries nobody uses: not used for {@code maxAge} (the {@code .used} marker each
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
     * @param removed    entries deleted
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
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(cacheDir)) {
            ds.forEach(children::add);
        }
        for (Path child : children) {
            String name = child.getFileName().toString();
            if (name.startsWith(TRASH_PREFIX)) {
                deleteTree(child, left);
                continue;
            }
            if (name.startsWith(SourceIndex.PREFIX) && Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS)
                    && Duration.between(Files.getLastModifiedTime(child, LinkOption.NOFOLLOW_LINKS).toInstant(), now)
                    .compareTo(maxAge) >= 0) {
                delete(child, left); // a recorded digest; losing it costs one hash of the resource
                continue;
            }
            if (!ENTRY.matcher(name).matches() || !Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
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
