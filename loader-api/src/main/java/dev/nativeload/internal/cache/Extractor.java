package dev.nativeload.internal.cache;

import dev.nativeload.spi.ResourceName;
import dev.nativeload.binary.BinaryImage;
import dev.nativeload.binary.Binaries;
import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.NativeBinary;
import dev.nativeload.binary.NotABinaryException;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Extracts a library embedded on the class path, with the dependencies shipped next to it, into
 * the first usable cache directory: {@code <cache>/<sha256-of-the-library>/<file name>}, every
 * dependency in the same directory under its own name.
 *
 * <p>Safe against other threads and processes extracting the same library at once (a lock file
 * per entry), against a corrupted or replaced file (reused only after its hash verifies; on a
 * mismatch the next entry {@code <sha256>-1}, {@code -2}, ... is used, the bad file is never
 * rewritten in place since another process may have it mapped), and against planted symbolic
 * links (never followed). An entry in use is pinned for the life of the JVM so
 * {@link CacheSweeper} leaves it alone.
 */
public final class Extractor {
    /** How many entries of one content are tried before giving up on a cache directory. */
    static final int MAX_SLOTS = 16;
    /** The most files one library set may have. */
    static final int MAX_SET = 64;

    private final List<Path> directories;
    private final CacheDirectoryCheck check;
    private final Optional<EntryFileCheck> files;
    private final Optional<dev.nativeload.spi.NativeAccess> access;

    /**
     * @param directories the cache directories to try, in order ({@link CacheLocations#of})
     * @param check       the rules a cache directory must meet
     */
    public Extractor(List<Path> directories, CacheDirectoryCheck check) {
        this.directories = List.copyOf(directories);
        this.check = Objects.requireNonNull(check, "check");
        this.files = Optional.empty();
        this.access = Optional.empty();
    }

    /**
     * An extractor that verifies every file through one open descriptor (see {@link EntryFileCheck}):
     * the file hashed is the file handed to the OS loader, never one renamed over its path since.
     *
     * @param directories the cache directories to try, in order ({@link CacheLocations#of})
     * @param check       the rules a cache directory must meet
     * @param access      the OS boundary; where it cannot open files by descriptor, files are
     *                    verified by path as by {@link #Extractor(List, CacheDirectoryCheck)}
     */
    public Extractor(List<Path> directories, CacheDirectoryCheck check, dev.nativeload.spi.NativeAccess access) {
        this.directories = List.copyOf(directories);
        this.check = Objects.requireNonNull(check, "check");
        this.files = EntryFileCheck.of(access);
        this.access = Optional.of(access);
    }

    /** {@return the cache directories tried, in order} */
    public List<Path> directories() {
        return directories;
    }

    /**
     * Extracts a library and the dependencies shipped next to it, or verifies an earlier extraction.
     *
     * @param loader   the class loader whose resources are read
     * @param resource the library's resource name
     * @return the extraction, or empty when the class loader has no such resource
     * @throws ExtractionException if no cache directory could hold it, each refusal recorded
     */
    public Optional<Extraction> extract(ClassLoader loader, ResourceName resource) throws ExtractionException {
        URL url = loader.getResource(resource.value());
        if (url == null) {
            return Optional.empty();
        }
        List<CacheRefusal> refusals = new ArrayList<>();
        List<ExtractionStep> steps = new ArrayList<>();
        steps.add(ExtractionStep.note("found " + resource + " at " + url));
        for (Path dir : directories) {
            Optional<CacheRefusal> refused = check.prepare(dir);
            if (refused.isPresent()) {
                refusals.add(refused.get());
                steps.add(ExtractionStep.note("cache directory refused: " + refused.get()));
                continue;
            }
            try {
                ContentStore.Content main = content(resource, url, dir, dir);
                try {
                    return Optional.of(inDirectory(loader, dir, main, steps, refusals));
                } catch (IOException staleIndex) {
                    if (!main.indexed()) {
                        throw staleIndex;
                    }
                    steps.add(ExtractionStep.note("the recorded digest of " + resource + " did not hold (" + staleIndex.getMessage()
                            + "); hashing the resource"));
                    return Optional.of(inDirectory(loader, dir, digest(resource, url), steps, refusals));
                }
            } catch (ExtractionException unreadable) {
                throw unreadable;
            } catch (LockInterruptedException interrupted) {
                refusals.add(new CacheRefusal(dir, CacheRefusal.Reason.IO_ERROR, interrupted.getMessage()));
                throw new ExtractionException(ExtractionException.Problem.INTERRUPTED, "extracting " + resource + " was interrupted: "
                        + interrupted.getMessage(), refusals, interrupted);
            } catch (LockTimeoutException locked) {
                CacheRefusal r = new CacheRefusal(dir, CacheRefusal.Reason.LOCK_TIMEOUT, locked.getMessage());
                refusals.add(r);
                steps.add(ExtractionStep.note("cache directory failed: " + r));
            } catch (NoSpaceException full) {
                CacheRefusal r = new CacheRefusal(dir, CacheRefusal.Reason.NO_SPACE, full.getMessage());
                refusals.add(r);
                steps.add(ExtractionStep.note("cache directory failed: " + r));
            } catch (IOException failed) {
                CacheRefusal r = new CacheRefusal(dir, CacheRefusal.Reason.IO_ERROR, CacheDirectoryCheck.describe(failed));
                refusals.add(r);
                steps.add(ExtractionStep.note("cache directory failed: " + r));
            }
        }
        boolean full = refusals.stream().anyMatch(r -> r.reason() == CacheRefusal.Reason.NO_SPACE);
        String each = refusals.isEmpty() ? "no cache directory is configured"
                : refusals.stream().map(CacheRefusal::toString).collect(Collectors.joining("; "));
        throw new ExtractionException(full ? ExtractionException.Problem.NO_SPACE
                : ExtractionException.Problem.NO_USABLE_CACHE_DIRECTORY,
                (full ? "no space left to extract " : "no cache directory could hold ") + resource + ": " + each,
                refusals, null);
    }

    private Extraction inDirectory(ClassLoader loader, Path dir, ContentStore.Content main, List<ExtractionStep> steps,
                                   List<CacheRefusal> refusals) throws IOException {
        for (int slot = 0; slot < MAX_SLOTS; slot++) {
            Path entry = dir.resolve(slot == 0 ? main.sha256() : main.sha256() + "-" + slot);
            try (EntryLock held = lock(entry)) {
                held.locksUnavailable().ifPresent(why -> steps.add(new ExtractionStep(ExtractionStep.Kind.LOCKS_UNAVAILABLE, "locks unavailable for " + entry + " (" + why
                        + "): its files are used unlocked, after the same verification")));
                List<ExtractedFile> ordered = new ArrayList<>();
                if (fill(loader, entry, main, ordered, new HashSet<>(), steps)) {
                    Optional<Map<Path, String>> names = DescriptorVerification.verifyAll(files, ordered, steps);
                    if (names.isEmpty()) {
                        continue;
                    }
                    held.pin();
                    ExtractedFile library = ordered.removeLast();
                    steps.add(ExtractionStep.note("using " + entry + (ordered.isEmpty() ? "" : ", dependencies first: "
                            + ordered.stream().map(f -> f.path().getFileName().toString()).collect(Collectors.joining(", ")))));
                    return new Extraction(entry, library, ordered, steps, refusals, names.get());
                }
            } catch (UnusableEntryException planted) {
                steps.add(ExtractionStep.passedOver(planted.getMessage()));
            }
        }
        throw new IOException("all " + MAX_SLOTS + " entries for sha256 " + main.sha256() + " in " + dir
                + " are corrupted or replaced by something else");
    }

    /** Locks an entry through per-open-file locks where the OS boundary has them, else through the JDK's file locks. */
    private EntryLock lock(Path entry) throws IOException {
        if (access.isPresent()) {
            Optional<EntryLock> held = DescriptorLocks.acquire(access.get(), entry);
            if (held.isPresent()) {
                return held.get();
            }
        }
        return EntryLocks.acquire(entry);
    }

    /** Places a file and, depth first, the siblings it needs; false when the entry holds something else. */
    private boolean fill(ClassLoader loader, Path entry, ContentStore.Content content, List<ExtractedFile> ordered,
                         Set<String> visited, List<ExtractionStep> steps) throws IOException {
        if (!visited.add(content.name().fileName())) {
            return true;
        }
        if (visited.size() > MAX_SET) {
            throw new IOException("the library set of " + content.name() + " has more than " + MAX_SET + " files");
        }
        ContentStore.Placed placed = ContentStore.place(entry, content, files.isEmpty());
        if (placed instanceof ContentStore.Placed.Conflict conflict) {
            steps.add(ExtractionStep.passedOver(conflict.why()));
            return false;
        }
        ExtractedFile file = ((ContentStore.Placed.Ok) placed).file();
        steps.add(ExtractionStep.note(file.action() + " " + content.name() + " as " + file.path() + " (sha256 " + file.sha256()
                + (content.indexed() ? ", digest recorded at an earlier extraction" : "") + ")"));
        if (!content.indexed()) {
            SourceIndex.stamp(content.url()).ifPresent(stamp -> SourceIndex.record(entry.getParent(), stamp,
                    new Sha256.Summary(content.sha256(), content.size())));
        }
        for (String needed : neededOf(file.path())) {
            String base = needed.substring(needed.lastIndexOf('/') + 1);
            if (base.isEmpty() || !ResourceName.isValid(content.name().directory() + base)) {
                continue;
            }
            ResourceName sibling = content.name().sibling(base);
            URL url = loader.getResource(sibling.value());
            if (url != null && !fill(loader, entry, content(sibling, url, entry.getParent(), entry), ordered, visited, steps)) {
                return false;
            }
        }
        ordered.add(file);
        return true;
    }

    /** {@return the libraries a file needs, in the order its headers list them; empty when it cannot be read} */
    static List<String> neededOf(Path file) {
        try {
            NativeBinary binary = Binaries.read(file);
            Set<String> needed = new LinkedHashSet<>();
            for (BinaryImage image : binary.images()) {
                needed.addAll(image.summary().needed());
            }
            return List.copyOf(needed);
        } catch (IOException | MalformedBinaryException | NotABinaryException | RuntimeException unreadable) {
            return List.of();
        }
    }

    /**
     * The resource's digest: recorded by an earlier extraction into this cache directory for the
     * same jar entry, if the file it names is there to be verified, else read and hashed now.
     */
    private static ContentStore.Content content(ResourceName name, URL url, Path cacheDir, Path entryOfFile)
            throws ExtractionException {
        Optional<Sha256.Summary> recorded = SourceIndex.stamp(url).flatMap(stamp -> SourceIndex.lookup(cacheDir, stamp));
        if (recorded.isPresent()) {
            Path entry = entryOfFile.equals(cacheDir) ? cacheDir.resolve(recorded.get().sha256()) : entryOfFile;
            if (java.nio.file.Files.isRegularFile(entry.resolve(name.fileName()), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return new ContentStore.Content(name, url, recorded.get().sha256(), recorded.get().size(), true);
            }
        }
        return digest(name, url);
    }

    private static ContentStore.Content digest(ResourceName name, URL url) throws ExtractionException {
        try {
            Sha256.Summary s = EntryIntegrity.digest(name, url);
            return new ContentStore.Content(name, url, s.sha256(), s.size(), false);
        } catch (EntryIntegrity.BadEntryException bad) {
            throw new ExtractionException(bad.tooLarge() ? ExtractionException.Problem.TOO_LARGE
                    : ExtractionException.Problem.CORRUPT_RESOURCE, bad.getMessage(), List.of(), bad);
        } catch (IOException e) {
            throw new ExtractionException(ExtractionException.Problem.RESOURCE_UNREADABLE,
                    "cannot read " + name + " from " + url + ": " + CacheDirectoryCheck.describe(e), List.of(), e);
        }
    }
}
