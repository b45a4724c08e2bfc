package dev.nativeload.internal.chain;

import dev.nativeload.report.Attempt.Origin;

import dev.nativeload.internal.os.FileDescriptors;

import dev.nativeload.spi.Candidate;
import dev.nativeload.spi.LoadRequest;
import dev.nativeload.spi.LoadStrategy;

import dev.nativeload.report.FailureKind;
import dev.nativeload.internal.cache.AutoSweep;
import dev.nativeload.internal.cache.CacheDirectoryCheck;
import dev.nativeload.internal.cache.CacheLocations;
import dev.nativeload.internal.cache.CacheRefusal;
import dev.nativeload.internal.cache.ExtractedFile;
import dev.nativeload.internal.cache.Extraction;
import dev.nativeload.internal.cache.ExtractionException;
import dev.nativeload.internal.cache.ExtractionStep;
import dev.nativeload.internal.cache.Extractor;
import dev.nativeload.spi.ResourceLayout;
import dev.nativeload.spi.ResourceName;
import dev.nativeload.internal.diagnose.CompatibilityCheck;
import dev.nativeload.report.Diagnosis;
import dev.nativeload.spi.NativeAccess.MountFlags;
import dev.nativeload.spi.NativeAccess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The last step: a library embedded on the class path ({@code native/linux-x86_64/libfoo.so}, or
 * where a {@link ResourceLayout} preset says), extracted into a verified, content-addressed cache
 * and proposed by absolute path, its embedded dependencies to be loaded first.
 *
 * <p>Nothing is read or written until the chain reaches this step. What it finds goes into the
 * report: every refused cache directory with its reason (as a skipped attempt), and in the
 * candidate's origin the resource, whether it was extracted or reused, its SHA-256 and any
 * corrupted entry passed over. A file whose headers show it cannot load here (another
 * architecture or C library, too new a glibc) is not proposed: the reason is recorded instead.
 *
 * @param classLoader    whose resources are searched
 * @param layouts        where to look, in order
 * @param cacheDirectory the application's cache directory, tried before the defaults ({@link CacheLocations})
 * @param access         the OS boundary that reads a cache directory's mount flags ({@code statvfs}; empty
 *                       answers fall back to mountinfo), opens, checks and hashes each extracted file
 *                       through one descriptor and tells the effective uid; asked only when this step runs
 */
public record EmbeddedResourceStrategy(ClassLoader classLoader, List<ResourceLayout> layouts, Optional<Path> cacheDirectory,
                                       Supplier<NativeAccess> access) implements LoadStrategy {
    /** The origin of refused cache directories in reports. */
    public static final Origin CACHE_ORIGIN = Origin.of(Origin.Source.CACHE_DIRECTORY, "cache directory");

    public EmbeddedResourceStrategy {
        Objects.requireNonNull(classLoader, "classLoader");
        layouts = List.copyOf(layouts);
        if (layouts.isEmpty()) {
            throw new IllegalArgumentException("at least one layout is needed");
        }
        Objects.requireNonNull(cacheDirectory, "cacheDirectory");
        Objects.requireNonNull(access, "access");
    }

    /**
     * {@return a hash of the components, written out}: the record's generated one bootstraps
     * {@code ObjectMethods} on first use, tens of milliseconds in a new JVM, and every first load
     * hashes the default chain, which holds this step.
     */
    @Override
    public int hashCode() {
        return Objects.hash(classLoader, layouts, cacheDirectory, access);
    }

    /**
     * The step with the {@link NativeAccess} found by {@link java.util.ServiceLoader} (that of {@code loader-ffm}).
     *
     * @param classLoader    whose resources are searched
     * @param layouts        where to look, in order
     * @param cacheDirectory the application's cache directory, tried first
     */
    public EmbeddedResourceStrategy(ClassLoader classLoader, List<ResourceLayout> layouts, Optional<Path> cacheDirectory) {
        this(classLoader, layouts, cacheDirectory, ServiceAccess::find);
    }

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public Stream<Candidate> candidates(LoadRequest request) {
        return Stream.of(request).flatMap(this::extractNow);
    }

    private Stream<Candidate> extractNow(LoadRequest request) {
        List<Path> directories = CacheLocations.of(request.host(), request.environment(), cacheDirectory);
        Optional<NativeAccess> os = osAccess();
        CacheDirectoryCheck dirCheck = new CacheDirectoryCheck(dir -> os.flatMap(a -> mountFlags(a, dir)),
                request.environment().property("user.name").orElse(System.getProperty("user.name", "")),
                os.map(a -> FileDescriptors.of(a).effectiveUid()).orElse(java.util.OptionalInt.empty()));
        Extractor extractor = os.map(a -> new Extractor(directories, dirCheck, a))
                .orElseGet(() -> new Extractor(directories, dirCheck));
        List<String> tried = new ArrayList<>();
        for (ResourceLayout layout : layouts) {
            for (ResourceName resource : layout.resources(request.name(), request.host())) {
                if (tried.contains(resource.value())) {
                    continue;
                }
                tried.add(resource.value());
                try {
                    Optional<Extraction> found = extractor.extract(classLoader, resource);
                    if (found.isPresent()) {
                        Path entry = found.get().directory();
                        if (entry.getParent() != null) {
                            AutoSweep.once(entry.getParent(), request.environment());
                        }
                        return proposal(request, layout, found.get()).stream();
                    }
                } catch (ExtractionException failed) {
                    return failure(resource, layout, failed).stream();
                }
            }
        }
        return Stream.of(new Candidate.Unavailable(String.join(", ", tried), Origin.of(Origin.Source.EMBEDDED, "class path"), Diagnosis.of(FailureKind.NOT_FOUND,
                "no embedded library " + tried + " among the resources class loader " + loaderName(classLoader)
                        + " sees (its class path, or the module path)",
                "add the jar with the " + request.host().platformId() + " natives, or check the layout and prefix")));
    }

    /** {@return a directory's mount flags, empty when the boundary cannot tell} */
    private static Optional<MountFlags> mountFlags(NativeAccess access, Path dir) {
        try {
            return access.mountFlags(dir);
        } catch (RuntimeException unavailable) {
            return Optional.empty();
        }
    }

    /** The OS boundary, or empty where none is installed (files are then verified by path, as the report says). */
    private Optional<NativeAccess> osAccess() {
        try {
            return Optional.of(access.get());
        } catch (IllegalStateException none) {
            return Optional.empty();
        }
    }

    private List<Candidate> proposal(LoadRequest request, ResourceLayout layout, Extraction extraction) {
        List<Candidate> out = new ArrayList<>(refusals(extraction.refused(), true));
        CompatibilityCheck check = new CompatibilityCheck(request.host());
        String libraryName = extraction.library().path().getFileName().toString();
        for (ExtractedFile dep : extraction.dependencies()) {
            Optional<Diagnosis> bad = check.check(dep.path());
            if (bad.isPresent()) {
                out.add(new Candidate.Unavailable(extraction.library().path().toString(), origin(layout, extraction),
                        bad.get().withDependency(dep.path().getFileName().toString(), libraryName)));
                return out;
            }
        }
        Optional<Diagnosis> bad = check.check(extraction.library().path());
        if (bad.isPresent()) {
            out.add(new Candidate.Unavailable(extraction.library().path().toString(), origin(layout, extraction), bad.get()));
            return out;
        }
        out.add(new Candidate.File(extraction.library().path(), origin(layout, extraction),
                extraction.dependencies().stream().map(ExtractedFile::path).toList(), extraction.loaderNames()));
        return out;
    }

    private static Origin origin(ResourceLayout layout, Extraction extraction) {
        ExtractedFile lib = extraction.library();
        String deps = extraction.dependencies().isEmpty() ? "" : "; dependencies loaded first: " + extraction.dependencies().stream()
                .map(d -> d.path().getFileName() + " (" + d.action() + ", sha256 " + d.sha256() + ")")
                .collect(Collectors.joining(", "));
        String passedOver = extraction.log().stream().filter(s -> s.kind() != ExtractionStep.Kind.NOTE)
                .map(s -> "; " + s.text()).collect(Collectors.joining());
        return Origin.of(Origin.Source.EMBEDDED, "embedded resource " + lib.resource() + " (" + layout.name() + " layout): "
                + lib.action() + ", sha256 " + lib.sha256() + deps + passedOver);
    }

    private static List<Candidate> failure(ResourceName resource, ResourceLayout layout, ExtractionException failed) {
        List<Candidate> out = new ArrayList<>(refusals(failed.refusals(), false));
        FailureKind kind = switch (failed.problem()) {
            case NO_SPACE -> FailureKind.NO_SPACE;
            case RESOURCE_UNREADABLE -> FailureKind.ACCESS_DENIED;
            case INTERRUPTED -> FailureKind.UNKNOWN;
            case CORRUPT_RESOURCE -> FailureKind.WRONG_FORMAT;
            case TOO_LARGE -> FailureKind.NO_SPACE;
            case NO_USABLE_CACHE_DIRECTORY -> failed.refusals().stream().map(r -> kindOf(r.reason()))
                    .max((a, b) -> Integer.compare(a.specificity(), b.specificity())).orElse(FailureKind.ACCESS_DENIED);
        };
        out.add(new Candidate.Unavailable(resource.value(), Origin.of(Origin.Source.EMBEDDED, "embedded resource (" + layout.name() + " layout)"),
                Diagnosis.of(kind, failed.getMessage(), kind == FailureKind.NO_SPACE
                        ? "free space there, or point -D" + CacheLocations.PROPERTY + " at a filesystem with room (and exec allowed)"
                        : "point -D" + CacheLocations.PROPERTY + " at a directory you own, mode 0700, on a filesystem mounted with exec")));
        return out;
    }

    /**
     * Refused cache directories as skipped attempts. When a later directory was used they are
     * recorded as {@code NOT_FOUND}, the least specific kind, so they never outrank the real cause
     * of a failed load; when none could be used, each keeps its own kind.
     */
    private static List<Candidate> refusals(List<CacheRefusal> refusals, boolean fellThrough) {
        return refusals.stream().map(r -> (Candidate) new Candidate.Unavailable(r.directory().toString(), CACHE_ORIGIN,
                Diagnosis.of(fellThrough ? FailureKind.NOT_FOUND : kindOf(r.reason()), "cache directory " + r.directory() + " refused: " + r.reason() + ", " + r.detail(),
                        "the next cache directory was tried; set -D" + CacheLocations.PROPERTY + " to choose one"))).toList();
    }

    private static FailureKind kindOf(CacheRefusal.Reason reason) {
        return switch (reason) {
            case NOEXEC -> FailureKind.NOEXEC_MOUNT;
            case NO_SPACE -> FailureKind.NO_SPACE;
            case NOT_A_DIRECTORY -> FailureKind.NOT_A_FILE;
            case IO_ERROR -> FailureKind.UNKNOWN;
            case NOT_CREATABLE, SYMLINK, WRONG_OWNER, WRITABLE_BY_OTHERS, NOT_PRIVATE, UNSAFE_ANCESTOR, NOT_WRITABLE, LOCK_TIMEOUT -> FailureKind.ACCESS_DENIED;
        };
    }

    /** A class loader as a person knows it: {@code app}, {@code platform}, or its class and name. */
    private static String loaderName(ClassLoader loader) {
        String name = loader.getName();
        return name != null ? "'" + name + "'" : loader.getClass().getName();
    }
}
