package dev.nativeload.internal.diagnose;

import dev.nativeload.resolve.ResolveHost;

import dev.nativeload.report.Diagnosis;
import dev.nativeload.report.Errno;

import dev.nativeload.report.FailureKind;
import dev.nativeload.spi.Candidate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * The diagnosis of a loader message found in the {@link MessageTable}: its row's kind, meaning and
 * fix, made concrete with the files' own facts (the sizes behind a page-size or static-TLS failure,
 * the damage a text filter did) and, when the message is about a dependency, which one and who
 * needs it.
 */
final class KnownMessageDiagnosis {
    private final PreLoadCheck check;
    private final Function<Errno, Diagnosis> byErrno;
    private final ResolveHost loader;

    /**
     * @param check   the host and file checks
     * @param byErrno the diagnosis an error number alone gives, for rows the error decides
     * @param loader  the loader whose search tells who needs a dependency: the load's own host and environment
     */
    KnownMessageDiagnosis(PreLoadCheck check, Function<Errno, Diagnosis> byErrno, ResolveHost loader) {
        this.check = check;
        this.byErrno = byErrno;
        this.loader = loader;
    }

    /**
     * {@return the diagnosis of a known message}
     *
     * @param candidate      what was handed to the loader
     * @param match          the message's row and captures
     * @param errno          the error the message ends with, when it ends with one
     * @param aboutCandidate the message names the candidate itself (not a dependency)
     */
    Diagnosis diagnose(Candidate candidate, MessageTable.Match match, Optional<Errno> errno, boolean aboutCandidate) {
        KnownMessage row = match.row();
        String object = match.capture("obj").orElse(candidate.target());
        Optional<Path> file = objectFile(candidate, object, aboutCandidate);
        String name = Hints.baseName(object);
        Diagnosis d = switch (row.kind().orElse(FailureKind.UNKNOWN)) {
            case STATIC_TLS -> staticTls(row, match, name, file);
            case PAGE_SIZE_MISMATCH -> pageSize(row, name, file);
            case CORRUPT -> file.flatMap(ContentDiagnosis::damage)
                    .orElseGet(() -> Diagnosis.of(FailureKind.CORRUPT, name + ": " + row.meaning(), row.hint()));
            default -> generic(row, name, errno);
        };
        if (aboutCandidate || match.capture("obj").isEmpty()) {
            return d;
        }
        String by = match.capture("by").filter(b -> row.kind().isEmpty())
                .orElseGet(() -> DependencyClaims.neededBy(candidate, object, loader).orElse(candidate.target()));
        return Diagnosis.of(d.kind(), candidate.target() + " was found, but its dependency " + name + " failed on its own: "
                + d.cause(), d.hint()).withDependency(name, by);
    }

    private Diagnosis generic(KnownMessage row, String name, Optional<Errno> errno) {
        if (row.kind().isPresent()) {
            return Diagnosis.of(row.kind().get(), name + ": " + row.meaning(), row.hint());
        }
        if (errno.isEmpty()) {
            return Diagnosis.of(FailureKind.UNKNOWN, name + ": " + row.meaning() + ", and the loader gave no reason", row.hint());
        }
        Diagnosis e = byErrno.apply(errno.get());
        return Diagnosis.of(e.kind(), name + ": " + row.meaning() + " (" + errno.get() + ")",
                row.hint().startsWith("see the error") ? e.hint() : row.hint());
    }

    private Diagnosis staticTls(KnownMessage row, MessageTable.Match match, String name, Optional<Path> file) {
        if (row.loader() == KnownMessage.Loader.MUSL) {
            String definer = match.capture("by").map(Hints::baseName).orElse("a library loaded later");
            return Diagnosis.of(FailureKind.STATIC_TLS,
                    name + " uses initial-exec TLS for " + match.capture("sym").orElse("a variable") + ", defined in "
                            + definer + ", which was not loaded at program start; musl cannot place it in static TLS "
                            + "(this is not a memory shortage)",
                    "rebuild " + name + " with -ftls-model=global-dynamic, or link the program against " + definer);
        }
        String size = file.flatMap(SegmentFacts::of).filter(f -> f.tlsSize() > 0)
                .map(f -> " (" + SegmentFacts.size(f.tlsSize()) + " of TLS)").orElse("");
        String path = file.map(Path::toString).orElse(name);
        return Diagnosis.of(FailureKind.STATIC_TLS,
                name + " uses initial-exec thread-local storage" + size + ", which must fit in the static TLS block "
                        + "reserved when the program started, and the block has no room left for it: "
                        + "this is not a memory shortage",
                "preload it so it is loaded at program start (LD_PRELOAD=" + path + "), or reserve more with "
                        + "GLIBC_TUNABLES=glibc.rtld.optional_static_tls=<bytes>, or rebuild it with -ftls-model=global-dynamic");
    }

    private Diagnosis pageSize(KnownMessage row, String name, Optional<Path> file) {
        long page = check.host().pageSize();
        Optional<SegmentFacts> facts = file.flatMap(SegmentFacts::of);
        String built = facts.map(f -> "its load segments are laid out for pages of " + SegmentFacts.size(f.pageFit())
                + " (p_align " + SegmentFacts.size(f.loadAlign()) + ")").orElse("its load segments are laid out for smaller pages");
        String kernel = page > 0 ? SegmentFacts.size(page) : "this kernel's";
        return Diagnosis.of(FailureKind.PAGE_SIZE_MISMATCH,
                name + " cannot be mapped: " + built + ", but this kernel uses " + kernel + " pages",
                "relink it with -Wl,-z,max-page-size=" + Math.max(page, SegmentFacts.MAX_PAGE)
                        + " (64 KiB pages fit every Linux kernel), or use a build made for " + kernel + " pages");
    }

    /** The file the message is about, when it can be found: the candidate, or a dependency's path. */
    private static Optional<Path> objectFile(Candidate candidate, String object, boolean aboutCandidate) {
        if (aboutCandidate && candidate instanceof Candidate.File f) {
            return Optional.of(f.path());
        }
        if (object.startsWith("/")) {
            Path p = Path.of(object);
            return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        }
        return Optional.empty();
    }
}
