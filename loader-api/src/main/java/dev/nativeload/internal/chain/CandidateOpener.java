package dev.nativeload.internal.chain;

import dev.nativeload.internal.diagnose.ErrnoTable;
import dev.nativeload.internal.diagnose.FailureClassifier;
import dev.nativeload.internal.diagnose.PreLoadCheck;
import dev.nativeload.internal.diagnose.StrerrorIndex;
import dev.nativeload.internal.diagnose.SymbolPreCheck;
import dev.nativeload.report.Diagnosis;
import dev.nativeload.report.FailureKind;
import dev.nativeload.report.Outcome;
import dev.nativeload.spi.Candidate;
import dev.nativeload.spi.LibraryHandle;
import dev.nativeload.spi.NativeAccess;
import dev.nativeload.spi.OpenMode;
import dev.nativeload.spi.OpenResult;
import java.nio.file.Path;
import dev.nativeload.resolve.ResolveHost;
import dev.nativeload.spi.LoadRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * Tries one candidate: the header pre-check, the dependencies shipped with it opened first, the
 * OS's open, and the classification of a refusal. Owns nothing between calls but what depends
 * only on the OS boundary.
 */
final class CandidateOpener {
    /**
     * The strerror index of each OS boundary, built on its first failure (it asks the OS for every
     * errno's text). Weak keys, and an index holds no reference to its boundary, so an entry ends
     * with the boundary it describes.
     */
    private static final Map<NativeAccess, StrerrorIndex> STRERROR = new WeakHashMap<>();

    private final NativeAccess access;
    private final LoadRequest request;
    /**
     * The loader of the request's host and environment, which the pre-check and every diagnosis
     * emulate; built on the first file to check or failure to explain ({@link #loader()}), so a
     * load the OS's search satisfies at once neither loads the resolver nor reads the CPU's flags.
     */
    private ResolveHost loader;
    private PreLoadCheck check;
    private SymbolPreCheck symbols;
    private FailureClassifier classifier;

    /**
     * @param access  the OS boundary
     * @param request the load, whose host and environment the checks and every diagnosis use
     */
    CandidateOpener(NativeAccess access, LoadRequest request) {
        this.access = access;
        this.request = request;
    }

    /** {@return the request's loader, built on first use} */
    private ResolveHost loader() {
        ResolveHost l = loader;
        if (l == null) {
            l = loaderOf(request);
            loader = l;
        }
        return l;
    }

    /** {@return the header pre-check, built on first use with the request's loader} */
    private PreLoadCheck check() {
        PreLoadCheck c = check;
        if (c == null) {
            c = new PreLoadCheck(access.host(), access::mountFlags, loader());
            check = c;
        }
        return c;
    }

    /** {@return the symbol pre-check, built on first use with the request's loader} */
    private SymbolPreCheck symbols() {
        SymbolPreCheck s = symbols;
        if (s == null) {
            s = new SymbolPreCheck(access.host(), loader(), access::globalSymbolDefined);
            symbols = s;
        }
        return s;
    }

    /**
     * What one try ended with: the outcome for the report, or the OS's refusal still to explain
     * (exactly one of the two is null), and, when it loaded, the handle.
     */
    record Tried(Outcome outcome, Refusal refusal, Optional<LibraryHandle> handle) {
    }

    /**
     * Tries one candidate.
     *
     * @param strategy    the step that proposed it
     * @param candidate   what to open
     * @param mode        how the OS binds and shows symbols
     * @param precheck    whether to read a file's headers first and skip one that cannot load here
     * @param bindSymbols whether the pre-check also binds a file's symbols offline (with {@code precheck} only)
     */
    Tried open(String strategy, Candidate candidate, OpenMode mode, boolean precheck, boolean bindSymbols) {
        // A name goes to the OS as it is. Tested first, and the other kinds only after it, since
        // instanceof loads the class it names: the common first load, by name, loads neither of theirs.
        if (candidate instanceof Candidate.Name) {
            return openAs(strategy, candidate, candidate.target(), mode);
        }
        if (candidate instanceof Candidate.Unavailable u) {
            return new Tried(new Outcome.Skipped(u.why()), null, Optional.empty());
        }
        Candidate.File f = (Candidate.File) candidate;
        if (precheck) {
            Optional<Diagnosis> rejected = check().checkBeforeOpen(f.path());
            if (rejected.isEmpty() && bindSymbols && f.loadFirst().isEmpty()) {
                rejected = symbols().check(f.path());
            }
            if (rejected.isPresent()) {
                return new Tried(new Outcome.Skipped(rejected.get()), null, Optional.empty());
            }
        }
        List<LibraryHandle> first = new ArrayList<>();
        try {
            Optional<Outcome> depFailed = loadFirst(f, mode, first);
            if (depFailed.isPresent()) {
                return new Tried(depFailed.get(), null, Optional.empty());
            }
            return openAs(strategy, f, f.openName(f.path()), mode);
        } finally {
            for (LibraryHandle dependency : first) {
                access.close(dependency); // the library itself now holds its dependencies, if it loaded
            }
        }
    }

    /** Hands a candidate to the OS under the name it is opened by. */
    private Tried openAs(String strategy, Candidate candidate, String openName, OpenMode mode) {
        // instanceof and plain loops, no pattern switch or lambda: this runs on every first load,
        // where each would cost a class spun at run time. The test is for success, so a load that
        // succeeds never loads the failure's class (a cast resolves its class only when it runs).
        OpenResult result = access.open(openName, mode);
        if (result instanceof OpenResult.Opened opened) {
            LibraryHandle handle = opened.handle();
            return new Tried(new Outcome.Loaded(loadedPath(candidate, handle)), null, Optional.of(handle));
        }
        // Explained when a report is made: a later step does not depend on why this one failed.
        return new Tried(null, new Refusal(strategy, candidate, ((OpenResult.Failed) result).error()), Optional.empty());
    }

    /**
     * {@return the classified outcome of a refusal}: what an eager classification would have said,
     * since the classifier reads only the candidate, the OS's words and the filesystem
     *
     * @param refusal the OS's refusal, as it was read
     */
    Outcome explain(Refusal refusal) {
        try {
            return new Outcome.Failed(classifier().classify(refusal.candidate(), refusal.error()));
        } catch (RuntimeException broken) {
            // Read after the run, where the step's own guard no longer is: the OS's words still stand.
            return new Outcome.Failed(Diagnosis.of(FailureKind.UNKNOWN, "the OS refused " + refusal.candidate().target()
                    + " and explaining why threw " + broken, "the OS's own words are below")
                    .withOs(refusal.error().message(), Optional.empty(), refusal.error().code()));
        }
    }

    /** {@return the path to report for a loaded candidate} */
    private Path loadedPath(Candidate candidate, LibraryHandle handle) {
        // Name tested first, as in open: a load by name then never loads the File class.
        if (!(candidate instanceof Candidate.Name) && candidate instanceof Candidate.File f) {
            // A verified descriptor opened as /proc/self/fd/N: report the cache path, not the descriptor.
            return f.openAs().containsKey(f.path()) ? f.path() : access.loadedPath(handle).orElse(f.path());
        }
        return access.loadedPath(handle).orElse(Path.of(candidate.target()));
    }

    /** Opens a library set's dependencies in order; the first that fails is the attempt's failure. */
    private Optional<Outcome> loadFirst(Candidate.File file, OpenMode mode, List<LibraryHandle> opened) {
        for (Path dep : file.loadFirst()) {
            switch (access.open(file.openName(dep), mode)) {
                case OpenResult.Opened o -> opened.add(o.handle());
                case OpenResult.Failed failed -> {
                    Diagnosis why = classifier().classify(new Candidate.File(dep, file.origin()), failed.error());
                    return Optional.of(new Outcome.Failed(why.culprit().isPresent() ? why
                            : why.withDependency(String.valueOf(dep.getFileName()), String.valueOf(file.path().getFileName()))));
                }
            }
        }
        return Optional.empty();
    }

    /** {@return the loader of the request's host, seeing the request's environment} */
    private static ResolveHost loaderOf(LoadRequest request) {
        Map<String, String> env = new HashMap<>();
        for (String name : ResolveHost.ENVIRONMENT_VARIABLES) {
            request.environment().variable(name).ifPresent(v -> env.put(name, v));
        }
        Path cwd = request.environment().property("user.dir").map(Path::of).orElse(Path.of("/"));
        return ResolveHost.forHost(request.host()).withEnv(env).withCurrentDir(cwd);
    }

    /** The classifier, built on the first failure: the success path never reads the host's strerror table. */
    private FailureClassifier classifier() {
        FailureClassifier c = classifier;
        if (c == null) {
            StrerrorIndex index;
            synchronized (STRERROR) {
                index = STRERROR.computeIfAbsent(access, a -> {
                    var host = a.host();
                    ErrnoTable table = ErrnoTable.forHost(host.os(), host.arch()).orElse(ErrnoTable.LINUX);
                    return new StrerrorIndex(table, a::errorText);
                });
            }
            c = new FailureClassifier(check(), index, loader(), request.name());
            classifier = c;
        }
        return c;
    }
}
