package dev.nativeload;

import dev.nativeload.chain.Candidate;
import dev.nativeload.chain.LoadRequest;
import dev.nativeload.chain.LoadStrategy;
import dev.nativeload.failure.Diagnosis;
import dev.nativeload.failure.ErrnoTable;
import dev.nativeload.failure.FailureClassifier;
import dev.nativeload.failure.PreLoadCheck;
import dev.nativeload.failure.StrerrorIndex;
import dev.nativeload.spi.LibraryHandle;
import dev.nativeload.spi.NativeAccess;
import dev.nativeload.spi.OpenResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Walks the strategies in order, checks and opens each candidate, and records every attempt. */
final class ChainRunner {
    private static final Logger LOG = LoggerFactory.getLogger(NativeLoader.class);

    /** What a successful run produced: the handle, the path the OS reports, and the report. */
    record Success(LibraryHandle handle, Path path, LoadReport report) {
    }

    /** One runner per OS boundary: its checks and its strerror index depend only on the host. */
    private static final Map<NativeAccess, ChainRunner> RUNNERS = new ConcurrentHashMap<>();

    private final NativeAccess access;
    private final PreLoadCheck check;
    private volatile FailureClassifier classifier;

    private ChainRunner(NativeAccess access) {
        this.access = access;
        this.check = new PreLoadCheck(access.host(), access::mountFlags);
    }

    /** {@return the runner for an OS boundary, made once} @param access the boundary */
    static ChainRunner of(NativeAccess access) {
        return RUNNERS.computeIfAbsent(access, ChainRunner::new);
    }

    /** The classifier, built on the first failure: the success path never reads the host's strerror table. */
    private FailureClassifier classifier() {
        FailureClassifier c = classifier;
        if (c == null) {
            var host = access.host();
            ErrnoTable table = ErrnoTable.forHost(host.os(), host.arch()).orElse(ErrnoTable.LINUX);
            c = new FailureClassifier(check, new StrerrorIndex(table, access::errorText));
            classifier = c;
        }
        return c;
    }

    Success run(LoadRequest request, List<LoadStrategy> strategies, OpenMode mode, boolean precheck) {
        long start = System.nanoTime();
        List<Attempt> attempts = new ArrayList<>();
        for (LoadStrategy strategy : strategies) {
            try (Stream<Candidate> candidates = strategy.candidates(request)) {
                Iterator<Candidate> it = candidates.iterator();
                while (it.hasNext()) {
                    Candidate candidate = it.next();
                    long t0 = System.nanoTime();
                    Optional<Success> loaded = attempt(request, strategy, candidate, mode, precheck, attempts, t0, start);
                    if (loaded.isPresent()) {
                        return loaded.get();
                    }
                }
            } catch (RuntimeException broken) {
                attempts.add(new Attempt(strategy.name(), "strategy", strategy.toString(), new Outcome.Failed(
                        Diagnosis.of(FailureKind.UNKNOWN, "the step failed: " + broken,
                                "a custom strategy threw; fix it to report problems as Candidate.Unavailable")),
                        Duration.ZERO));
                LOG.debug("strategy {} threw", strategy.name(), broken);
            }
        }
        LoadReport report = new LoadReport(request.name(), access.host(), attempts, Duration.ofNanos(System.nanoTime() - start));
        Diagnosis cause = report.cause().orElseGet(() -> Diagnosis.of(FailureKind.NOT_FOUND,
                "no step proposed any candidate for \"" + request.name() + "\"",
                "configure a strategy, or set -Dnativeload." + request.name() + ".path"));
        NativeLoadException failure = NativeLoadException.of(report, cause);
        if (LOG.isWarnEnabled()) {
            LOG.warn("nativeload: {}", failure.getMessage());
        }
        throw failure;
    }

    /** Opens a library set's dependencies in order; the first that fails is the attempt's failure. */
    private Optional<Outcome> loadFirst(Candidate.File file, OpenMode mode, List<LibraryHandle> opened) {
        for (Path dep : file.loadFirst()) {
            switch (access.open(file.openName(dep), mode)) {
                case OpenResult.Opened o -> opened.add(o.handle());
                case OpenResult.Failed failed -> {
                    Diagnosis why = classifier().classify(new Candidate.File(dep, file.origin()), failed.error());
                    return Optional.of(new Outcome.Failed(why.dependency().isPresent() ? why
                            : why.withDependency(String.valueOf(dep.getFileName()), String.valueOf(file.path().getFileName()))));
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Success> attempt(LoadRequest request, LoadStrategy strategy, Candidate candidate, OpenMode mode,
                                      boolean precheck, List<Attempt> attempts, long t0, long start) {
        Outcome outcome;
        Optional<Success> success = Optional.empty();
        if (candidate instanceof Candidate.Unavailable u) {
            outcome = new Outcome.Skipped(u.why());
        } else {
            Optional<Diagnosis> rejected = precheck && candidate instanceof Candidate.File f ? check.check(f.path()) : Optional.empty();
            if (rejected.isPresent()) {
                outcome = new Outcome.Skipped(rejected.get());
            } else {
                List<LibraryHandle> first = new ArrayList<>();
                Optional<Outcome> depFailed = candidate instanceof Candidate.File f ? loadFirst(f, mode, first) : Optional.empty();
                OpenResult result = depFailed.isPresent() ? null
                        : access.open(candidate instanceof Candidate.File f ? f.openName(f.path()) : candidate.target(), mode);
                first.forEach(access::close); // the library itself now holds its dependencies, if it loaded
                outcome = depFailed.isPresent() ? depFailed.get() : switch (result) {
                    case OpenResult.Failed failed -> new Outcome.Failed(classifier().classify(candidate, failed.error()));
                    case OpenResult.Opened opened -> {
                        Path path = (candidate instanceof Candidate.File f && f.openAs().containsKey(f.path())
                                ? Optional.of(f.path()) : access.loadedPath(opened.handle())) // not /proc/self/fd/N
                                .or(() -> candidate instanceof Candidate.File f ? Optional.of(f.path()) : Optional.empty())
                                .orElse(Path.of(candidate.target()));
                        success = Optional.of(new Success(opened.handle(), path, null));
                        yield new Outcome.Loaded(path);
                    }
                };
            }
        }
        Attempt attempt = new Attempt(strategy.name(), candidate.origin(), candidate.target(), outcome,
                Duration.ofNanos(System.nanoTime() - t0));
        attempts.add(attempt);
        LOG.debug("nativeload {}: {} {} -> {}", request.name(), strategy.name(), candidate.target(), outcome);
        if (success.isPresent()) {
            LoadReport report = new LoadReport(request.name(), access.host(), attempts, Duration.ofNanos(System.nanoTime() - start));
            if (LOG.isInfoEnabled()) {
                LOG.info("nativeload: loaded {} from {} via {} in {} ms", request.name(), success.get().path(), strategy.name(),
                        String.format(java.util.Locale.ROOT, "%.2f", report.elapsed().toNanos() / 1e6));
            }
            return Optional.of(new Success(success.get().handle(), success.get().path(), report));
        }
        return Optional.empty();
    }
}
