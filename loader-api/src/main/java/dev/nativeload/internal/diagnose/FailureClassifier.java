package dev.nativeload.internal.diagnose;

import dev.nativeload.report.Attempt.Origin;

import dev.nativeload.resolve.ResolveHost;

import dev.nativeload.report.Diagnosis.Culprit;
import dev.nativeload.report.Diagnosis;
import dev.nativeload.report.Errno;

import dev.nativeload.report.FailureKind;
import dev.nativeload.binary.TargetOs;
import dev.nativeload.spi.Candidate;
import dev.nativeload.resolve.MissingDependency;
import dev.nativeload.spi.OsError;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Turns the raw facts of a failed open (the OS's text and number) plus what the filesystem and
 * the parsers say about the candidate into one {@link Diagnosis}: the real cause and a fix.
 *
 * <p>glibc's {@code dlopen} restores {@code errno}, so the number is mostly absent; the cause comes
 * from the message's shape, its trailing {@code strerror} text matched against the host's own
 * table, and the file's headers. Some glibc messages mislead, and are corrected here: "No such
 * file or directory" for an existing library of another machine, "invalid ELF header" about
 * {@code libc.so} for a musl library, "failed to map segment" with no reason for a noexec mount.
 */
public final class FailureClassifier {
    private final PreLoadCheck check;
    private final StrerrorIndex strerror;
    private final ResolveHost loader;
    private final String library;
    private final MessageTable table = MessageTable.standard();

    /**
     * @param check    the file and header checks
     * @param strerror the host's error texts
     * @param loader   the loader whose search a missing dependency is traced with: the load's own host and environment
     * @param library  the library as the caller named it ({@code z}): its {@code nativeload.NAME.path} is what a hint names
     */
    public FailureClassifier(PreLoadCheck check, StrerrorIndex strerror, ResolveHost loader, String library) {
        this.check = Objects.requireNonNull(check, "check");
        this.strerror = Objects.requireNonNull(strerror, "strerror");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.library = Objects.requireNonNull(library, "library");
    }

    /**
     * {@return the diagnosis of one failed open}
     *
     * @param candidate what was handed to the OS
     * @param error     what the OS said
     */
    public Diagnosis classify(Candidate candidate, OsError error) {
        Diagnosis d;
        Optional<Errno> name;
        if (check.host().os() == TargetOs.WINDOWS) {
            d = WindowsErrors.classify(candidate, error, check);
            name = d.errno();
        } else {
            LoaderMessage msg = LoaderMessage.parse(error.message());
            Optional<Errno> errno = errnoOf(error, msg);
            d = classifyPosix(candidate, msg, errno);
            name = d.errno().or(() -> errno);
        }
        OptionalInt code = error.code().isPresent() ? error.code()
                : name.map(n -> strerror.table().number(n)).orElse(OptionalInt.empty());
        return d.withOs(error.message(), name, code);
    }

    /** The error name a POSIX failure stands for: the message's strerror tail, else the number the OS left. */
    private Optional<Errno> errnoOf(OsError error, LoaderMessage msg) {
        return msg.reason().flatMap(strerror::match)
                .or(() -> strerror.match(error.message()))
                .or(() -> error.code().stream().boxed().findFirst().flatMap(c -> strerror.table().name(c)));
    }

    private Diagnosis classifyPosix(Candidate candidate, LoaderMessage msg, Optional<Errno> errno) {
        Optional<Path> file = candidate instanceof Candidate.File f ? Optional.of(f.path()) : Optional.empty();
        boolean aboutCandidate = msg.object().map(o -> isCandidate(o, candidate)).orElse(true);
        String target = candidate.target();

        if (msg.shape() == LoaderMessage.Shape.VERSION_NOT_FOUND) {
            String dep = msg.object().orElse("?");
            String by = msg.requiredBy().orElse(target);
            String version = msg.version().orElse("?");
            return Diagnosis.of(FailureKind.VERSION_NOT_FOUND,
                    by + " needs version " + version + " of " + dep + ", which the " + dep + " found here lacks"
                            + glibcNote(version),
                    "use a build of the library made for this system's " + Hints.baseName(dep) + " (older toolchain), or upgrade it")
                    .withCulprit(new Culprit.Version(version, dep, by));
        }
        if (msg.shape() == LoaderMessage.Shape.UNDEFINED_SYMBOL) {
            String sym = msg.symbol().orElse("?");
            String obj = msg.object().orElse(target);
            return Diagnosis.of(FailureKind.UNDEFINED_SYMBOL,
                    obj + " references symbol " + sym + msg.version().map(v -> " (version " + v + ")").orElse("")
                            + ", which no loaded library defines",
                    "load the library that defines " + sym + " first (with GLOBAL visibility), or link " + Hints.baseName(obj)
                            + " against it; RTLD_LAZY only defers the failure to the first call")
                    .withCulprit(new Culprit.Symbol(sym, msg.version(), msg.object()));
        }
        if (msg.shape() == LoaderMessage.Shape.DYLD_LIBRARY_NOT_LOADED) {
            String dep = msg.object().orElse("?");
            return Diagnosis.of(FailureKind.MISSING_DEPENDENCY,
                    msg.requiredBy().orElse(target) + " needs " + dep + ", which dyld could not find",
                    Hints.missingDependency(dep)).withDependency(dep, msg.requiredBy().orElse(target));
        }
        boolean tableDecides = msg.shape() == LoaderMessage.Shape.OTHER || msg.shape() == LoaderMessage.Shape.DYLD_NO_SUCH_FILE
                || (msg.shape() == LoaderMessage.Shape.CANNOT_READ && aboutCandidate);
        Optional<MessageTable.Match> known = tableDecides ? table.match(msg.text()) : Optional.empty();
        if (known.isPresent()) {
            Optional<Diagnosis> facts = aboutCandidate ? file.flatMap(check::check) : Optional.empty();
            return facts.orElseGet(() -> new KnownMessageDiagnosis(check, e -> fromErrno(e, candidate), loader)
                    .diagnose(candidate, known.get(), errno, aboutCandidate));
        }
        if (!aboutCandidate && file.isPresent()) {
            Optional<Diagnosis> own = file.flatMap(check::check);
            if (own.isPresent()) {
                return own.get();
            }
            return dependencyFailure(file.get(), msg, errno);
        }
        if (!aboutCandidate && candidate instanceof Candidate.Name && msg.shape() == LoaderMessage.Shape.CANNOT_OPEN
                && errno.orElse(null) == Errno.ENOENT) {
            String dep = msg.object().orElseThrow();
            return Diagnosis.of(FailureKind.MISSING_DEPENDENCY,
                    target + " was found by the OS loader, but the library it needs, " + dep + ", was not",
                    Hints.missingDependency(dep)).withDependency(dep, msg.requiredBy().orElse(target));
        }
        if (file.isPresent()) {
            Optional<Diagnosis> facts = check.check(file.get());
            if (facts.isPresent()) {
                return misled(facts.get(), msg);
            }
        }
        return fromShapeAndErrno(candidate, msg, errno, file);
    }

    private Diagnosis dependencyFailure(Path root, LoaderMessage msg, Optional<Errno> errno) {
        String dep = msg.object().orElse("?");
        Optional<Diagnosis> own = ownFailure(root, dep, msg, errno);
        if (own.isPresent()) {
            return own.get();
        }
        FailureKind kind = switch (msg.shape()) {
            case WRONG_ELF_CLASS -> FailureKind.WRONG_ARCHITECTURE;
            case INVALID_ELF_HEADER -> dep.endsWith("/libc.so") ? FailureKind.WRONG_LIBC : FailureKind.WRONG_FORMAT;
            default -> FailureKind.MISSING_DEPENDENCY;
        };
        Optional<MissingDependency> chain = kind == FailureKind.MISSING_DEPENDENCY
                ? DependencyChains.firstMissing(root, loader)
                        .filter(m -> m.missing().name().equals(dep) || m.missing().name().equals(Hints.baseName(dep)))
                : Optional.empty();
        String by = msg.requiredBy()
                .or(() -> chain.map(m -> m.neededBy().path().orElse(m.neededBy().name())))
                .orElse(root.toString());
        String cause = switch (kind) {
            case WRONG_LIBC -> root.getFileName() + " needs plain \"libc.so\", which is how musl-linked libraries name "
                    + "their C library; glibc found its linker script " + dep + " instead";
            case WRONG_ARCHITECTURE, WRONG_FORMAT -> by + " needs " + Hints.baseName(dep) + ", and the one found ("
                    + dep + ") cannot load here";
            default -> chain.map(m -> DependencyClaims.missing(m).cause())
                    .orElse(by + " needs " + Hints.baseName(dep) + ", which was not found")
                    + errno.filter(e -> e != Errno.ENOENT).map(e -> " (" + e + ")").orElse("");
        };
        String hint = switch (kind) {
            case WRONG_LIBC -> "use the glibc build of the library, not the -musl one";
            case WRONG_ARCHITECTURE, WRONG_FORMAT -> "install the " + check.host().platformId() + " build of " + Hints.baseName(dep);
            default -> chain.map(m -> DependencyClaims.missing(m).hint()).orElse(Hints.missingDependency(Hints.baseName(dep)));
        };
        String named = chain.map(m -> m.missing().name()).orElse(Hints.baseName(dep));
        return Diagnosis.of(kind, cause, hint).withDependency(named, by);
    }

    /**
     * A dependency the loader found and opened, which then failed on its own (too short, not ELF, a
     * directory, unmappable): diagnosed as if it were loaded itself, naming it and who needs it.
     */
    private Optional<Diagnosis> ownFailure(Path root, String dep, LoaderMessage msg, Optional<Errno> errno) {
        boolean opened = switch (msg.shape()) {
            case FILE_TOO_SHORT, CANNOT_READ, MAP_SEGMENT_FAILED, INVALID_ELF_HEADER -> true;
            default -> false;
        };
        if (!opened || !dep.startsWith("/") || dep.endsWith("/libc.so")) {
            return Optional.empty();
        }
        Path depFile = Path.of(dep);
        Candidate asLoaded = new Candidate.File(depFile, Origin.custom("dependency"), java.util.List.of());
        Diagnosis d = check.check(depFile).orElseGet(() -> fromShapeAndErrno(asLoaded, msg, errno, Optional.of(depFile)));
        String by = DependencyClaims.neededBy(new Candidate.File(root, Origin.custom(""), java.util.List.of()), dep, loader).orElse(root.toString());
        String name = Hints.baseName(dep);
        return Optional.of(Diagnosis.of(d.kind(), root.getFileName() + " was found, but its dependency " + name
                + " failed on its own: " + d.cause(), d.hint()).withDependency(name, by));
    }

    /** The file facts explain the failure; say what the OS's words hid. */
    private static Diagnosis misled(Diagnosis facts, LoaderMessage msg) {
        boolean saidMissing = msg.shape() == LoaderMessage.Shape.CANNOT_OPEN && facts.kind() != FailureKind.NOT_FOUND
                && facts.kind() != FailureKind.SYMLINK_LOOP;
        if (!saidMissing) {
            return facts;
        }
        return new Diagnosis(facts.kind(), facts.osMessage(), facts.errno(), facts.osCode(),
                "the loader said the file is missing, but it exists: " + facts.cause(), facts.hint(),
                facts.culprit());
    }

    private Diagnosis fromShapeAndErrno(Candidate candidate, LoaderMessage msg, Optional<Errno> errno, Optional<Path> file) {
        String target = candidate.target();
        switch (msg.shape()) {
            case WRONG_ELF_CLASS:
                return Diagnosis.of(FailureKind.WRONG_ARCHITECTURE, target + " has the wrong ELF class (32/64-bit) for this JVM",
                        "use the " + check.host().platformId() + " build of the library");
            case INVALID_ELF_HEADER, DYLD_NOT_MACHO:
                return Diagnosis.of(FailureKind.WRONG_FORMAT, target + " is not a library for this OS",
                        "use the " + check.host().platformId() + " build of the library");
            case DYLD_INCOMPATIBLE_ARCH:
                return Diagnosis.of(FailureKind.WRONG_ARCHITECTURE, target + " has no slice for " + check.host().arch(),
                        "use the " + check.host().platformId() + " build of the library");
            case DYLD_CODE_SIGNATURE:
                return Diagnosis.of(FailureKind.ACCESS_DENIED, target + " was refused by code signing",
                        "sign the library, or remove the quarantine attribute (xattr -d com.apple.quarantine)");
            case FILE_TOO_SHORT:
                return Diagnosis.of(FailureKind.TRUNCATED, target + " is too short to be a library",
                        "the file was cut short: reinstall or re-extract it");
            case MAP_SEGMENT_FAILED:
                return mapFailed(target, file, errno);
            default:
                break;
        }
        if (errno.isPresent()) {
            return fromErrno(errno.get(), candidate);
        }
        if (!msg.text().isBlank()) {
            return Diagnosis.of(FailureKind.UNKNOWN, "the OS loader refused " + target + " and said \"" + msg.text().strip()
                            + "\", a message nativeload does not know",
                    "read the loader's words above; `nativeload doctor " + target + "` shows the host and file facts");
        }
        return Diagnosis.of(FailureKind.UNKNOWN, "the OS loader refused " + target + " and did not say why",
                "read the OS message above; `nativeload doctor " + target + "` shows the host and file facts");
    }

    private Diagnosis mapFailed(String target, Optional<Path> file, Optional<Errno> errno) {
        Optional<Diagnosis> noexec = file.flatMap(check::noexecMount);
        if (noexec.isPresent()) {
            return noexec.get();
        }
        if (errno.isPresent() && errno.get() != Errno.ENOMEM) {
            return fromErrno(errno.get(), new Candidate.Name(target, Origin.custom("")));
        }
        String span = file.flatMap(LoadSpan::of).map(b -> "; its segments ask for " + LoadSpan.describe(b) + " of address space").orElse("");
        return Diagnosis.of(FailureKind.OUT_OF_MEMORY,
                "the loader could not map " + target + " into memory" + span,
                "check the process's memory limits (ulimit -v, the container's limit); a library asking for absurd sizes is corrupt");
    }

    private Diagnosis fromErrno(Errno errno, Candidate candidate) {
        String target = candidate.target();
        return switch (errno) {
            case ENOENT, ENOTDIR -> candidate instanceof Candidate.Name
                    ? Diagnosis.of(FailureKind.NOT_FOUND, "the OS loader found no " + target + " in its search path",
                    "install the library, or name its file with -Dnativeload." + library + ".path=/path/to/" + target)
                    : Diagnosis.of(FailureKind.NOT_FOUND, "no file " + target, "check the path");
            case ENOEXEC -> Diagnosis.of(FailureKind.WRONG_FORMAT, target + " is not an executable format this OS loads (ENOEXEC)",
                    "use the " + check.host().platformId() + " build of the library");
            case ENOMEM -> Diagnosis.of(FailureKind.OUT_OF_MEMORY, "the loader ran out of memory mapping " + target + " (ENOMEM)",
                    "check the process's memory limits (ulimit -v, the container's limit)");
            case ENOSYS -> Diagnosis.of(FailureKind.SYSCALL_UNAVAILABLE,
                    "a system call the loader needs is not implemented here (ENOSYS) while loading " + target,
                    "a seccomp profile, an emulator (gVisor, qemu-user) or an old kernel blocks it: allow the call or run on a full kernel");
            case EOPNOTSUPP, ENOTSUP -> Diagnosis.of(FailureKind.OPERATION_NOT_SUPPORTED,
                    "the filesystem or kernel refused an operation the loader needs (" + errno + ") while loading " + target,
                    "move the library to a local filesystem (not FUSE, NFS or an overlay that lacks mmap support)");
            case ELOOP -> Diagnosis.of(FailureKind.SYMLINK_LOOP, target + " runs through a loop of symbolic links (ELOOP)",
                    "fix the symbolic links on the path");
            case EACCES, EPERM -> Diagnosis.of(FailureKind.ACCESS_DENIED, "permission denied opening or mapping " + target + " (" + errno + ")",
                    "make the file readable and its directories searchable; a security policy (SELinux, AppArmor) may forbid mapping it executable");
            case EISDIR -> Diagnosis.of(FailureKind.NOT_A_FILE, target + " is a directory", "name the library file inside it");
            default -> Diagnosis.of(FailureKind.UNKNOWN, "the OS loader refused " + target + " (" + errno + ")",
                    "read the OS message above");
        };
    }

    private String glibcNote(String version) {
        if (!version.startsWith("GLIBC_")) {
            return "";
        }
        return check.host().libcVersion().map(v -> " (this host has glibc " + v + ")").orElse("");
    }

    private static boolean isCandidate(String object, Candidate candidate) {
        String target = candidate.target();
        if (object.equals(target)) {
            return true;
        }
        if (candidate instanceof Candidate.File f) {
            return Hints.baseName(object).equals(String.valueOf(f.path().getFileName())) && !object.contains("/");
        }
        return false;
    }
}
