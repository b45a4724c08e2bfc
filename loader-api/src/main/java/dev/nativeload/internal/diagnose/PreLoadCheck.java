package dev.nativeload.internal.diagnose;

import dev.nativeload.resolve.ResolveHost;

import dev.nativeload.report.Diagnosis;

import dev.nativeload.report.FailureKind;
import dev.nativeload.platform.Host;
import dev.nativeload.spi.NativeAccess.MountFlags;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What can be known about a candidate file without asking the OS to load it: whether it exists,
 * is a regular readable file, sits on an executable filesystem, and has headers this host accepts.
 * The chain skips a candidate this check rejects; the classifier uses it to explain a failure.
 */
public final class PreLoadCheck {
    private final Host host;
    private final CompatibilityCheck compatibility;
    private final CrashGuard crashGuard;
    private final Function<Path, Optional<MountFlags>> mountFlags;

    /**
     * @param host       the host
     * @param mountFlags reads a directory's mount flags ({@code statvfs})
     */
    public PreLoadCheck(Host host, Function<Path, Optional<MountFlags>> mountFlags) {
        this(host, mountFlags, ResolveHost.forHost(host).withEnv(System.getenv()).withCurrentDir(Path.of("").toAbsolutePath()));
    }

    /**
     * @param host       the host
     * @param mountFlags reads a directory's mount flags ({@code statvfs})
     * @param loader     the loader whose search finds a candidate's dependencies: the load's own host and environment
     */
    public PreLoadCheck(Host host, Function<Path, Optional<MountFlags>> mountFlags, ResolveHost loader) {
        this.host = Objects.requireNonNull(host, "host");
        this.compatibility = new CompatibilityCheck(host);
        this.crashGuard = new CrashGuard(host, loader);
        this.mountFlags = Objects.requireNonNull(mountFlags, "mountFlags");
    }

    /** {@return the header check this one uses} */
    public CompatibilityCheck compatibility() {
        return compatibility;
    }

    /**
     * {@return why the file cannot load, or empty when the OS should be asked}
     *
     * @param file the candidate, absolute
     */
    public Optional<Diagnosis> check(Path file) {
        return check(file, true);
    }

    /**
     * {@return why the file must not be handed to the OS, or empty when the OS should be asked}: the
     * file's facts, headers and crash guard, without the noexec mount check. The OS refuses a library on
     * a noexec filesystem safely ("failed to map segment"), and {@link FailureClassifier} then names the
     * mount; asking the filesystem first costs every first load of a file a {@code statvfs} binding.
     *
     * @param file the candidate, absolute
     */
    public Optional<Diagnosis> checkBeforeOpen(Path file) {
        return check(file, false);
    }

    private Optional<Diagnosis> check(Path file, boolean mount) {
        FileFacts facts = FileFacts.of(file);
        Optional<Diagnosis> fileProblem = fileProblem(facts);
        if (fileProblem.isPresent()) {
            return fileProblem;
        }
        if (mount) {
            Optional<Diagnosis> noexec = noexecMount(file);
            if (noexec.isPresent()) {
                return noexec;
            }
        }
        if (facts.size() >= 0 && facts.size() < CompatibilityCheck.MIN_HEADER) {
            Optional<Diagnosis> content = ContentDiagnosis.recognized(file);
            if (content.isPresent()) {
                return content;
            }
            return Optional.of(Diagnosis.of(FailureKind.TRUNCATED,
                    file.getFileName() + " is only " + facts.size() + " bytes, too short for any library header",
                    "the file was cut short (an interrupted download or extraction?): reinstall or re-extract it"));
        }
        Optional<Diagnosis> incompatible = compatibility.check(file); // no lambda: this runs on every first load of a file
        return incompatible.isPresent() ? incompatible : crashGuard.check(file);
    }

    /**
     * {@return a problem with the file itself (absent, a link loop, a directory, unreadable), if any}
     *
     * @param facts the file's facts
     */
    public Optional<Diagnosis> fileProblem(FileFacts facts) {
        Path file = facts.path();
        if (facts.symlinkLoop()) {
            return Optional.of(Diagnosis.of(FailureKind.SYMLINK_LOOP,
                    file + " is a loop of symbolic links",
                    "fix the links: " + file + " leads back to itself; `ls -l` each link in the chain"));
        }
        if (!facts.exists()) {
            Optional<Path> blocked = SearchPermission.blockedDirectory(file);
            if (blocked.isPresent()) {
                return Optional.of(Diagnosis.of(FailureKind.ACCESS_DENIED,
                        "this user may not search directory " + blocked.get() + " (no execute permission), so "
                                + file + " cannot be reached (Permission denied)",
                        "give this user search (execute) permission on " + blocked.get() + " (e.g. chmod a+x "
                                + blocked.get() + "), or move the library to a directory this user can enter"));
            }
            return Optional.of(Diagnosis.of(FailureKind.NOT_FOUND, "no file " + file,
                    "check the path; a dangling symbolic link also reads as absent"));
        }
        if (facts.directory()) {
            return Optional.of(Diagnosis.of(FailureKind.NOT_A_FILE, file + " is a directory, not a library file",
                    "name the library file inside it, e.g. " + file.resolve(System.mapLibraryName("name"))));
        }
        if (!facts.regularFile()) {
            return Optional.of(Diagnosis.of(FailureKind.NOT_A_FILE, file + " is not a regular file",
                    "point the loader at the library file itself"));
        }
        if (!facts.readable()) {
            return Optional.of(Diagnosis.of(FailureKind.ACCESS_DENIED, file + " is not readable by this user",
                    "make it readable (chmod a+r) and its directories searchable, or run as its owner"));
        }
        return Optional.empty();
    }

    /**
     * {@return a diagnosis if the file's filesystem is mounted noexec}
     *
     * @param file the candidate
     */
    public Optional<Diagnosis> noexecMount(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null) {
            return Optional.empty();
        }
        return mountFlags.apply(dir).filter(MountFlags::noExec).map(flags -> Diagnosis.of(FailureKind.NOEXEC_MOUNT,
                dir + " is on a filesystem mounted noexec, so no library there can be mapped executable",
                "move the library to a filesystem mounted with exec, or point nativeload.cacheDir / java.io.tmpdir at one"));
    }

    /** {@return the host} */
    public Host host() {
        return host;
    }
}
