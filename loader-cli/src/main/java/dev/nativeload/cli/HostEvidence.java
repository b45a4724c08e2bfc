package dev.nativeload.cli;

import dev.nativeload.binary.Binaries;
import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.NativeBinary;
import dev.nativeload.binary.NotABinaryException;
import dev.nativeload.platform.Compatibility;
import dev.nativeload.platform.HostProbe;
import dev.nativeload.platform.Incompatibility;
import dev.nativeload.report.FailureKind;
import dev.nativeload.resolve.DependencyResolver;
import dev.nativeload.resolve.MissingDependency;
import dev.nativeload.resolve.ResolveHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Sharpens a failure read from a log with the files of this host, as {@code doctor} and {@code tree}
 * would: when the log names, by absolute path, a library that exists here, its headers and its
 * dependencies are read (never loaded). glibc says "No such file or directory" for a file that exists
 * when a dependency is missing or the file is built for another machine; here the missing dependency,
 * or the machine, is named. The log may come from another host: only what this host's files show is
 * added, and the cause says it was examined here.
 */
final class HostEvidence {
    private ResolveHost loader;

    /** {@return the failure, sharpened where a file it names exists on this host} @param failure as read from the log */
    ExplainedFailure sharpen(ExplainedFailure failure) {
        boolean aboutTheFile = failure.kind() == FailureKind.NOT_FOUND && failure.dependency().isEmpty();
        boolean missingUnnamed = failure.kind() == FailureKind.MISSING_DEPENDENCY;
        if (!aboutTheFile && !missingUnnamed) {
            return failure;
        }
        Optional<Path> file = existing(failure.neededBy().orElse(failure.library()));
        if (file.isEmpty()) {
            return failure;
        }
        try {
            Optional<MissingDependency> missing = new DependencyResolver(loader()).firstMissing(file.get().toString());
            if (missing.isPresent()) {
                MissingDependency m = missing.get();
                String neededBy = m.neededBy().path().orElse(m.neededBy().name());
                return failure.sharpened(FailureKind.MISSING_DEPENDENCY,
                        file.get() + " exists on this host; what is missing is its dependency " + m.missing().name()
                                + ", needed by " + neededBy + " and found in no directory the loader searches here ("
                                + m.describe() + ")",
                        "install " + m.missing().name() + " or put its directory on the loader's search path; "
                                + "`nativeload tree " + file.get() + "` shows every place searched",
                        Optional.of(m.missing().name()), Optional.of(neededBy));
            }
            if (aboutTheFile) {
                NativeBinary binary = Binaries.read(file.get());
                Optional<Incompatibility> problem = Compatibility.check(binary, HostProbe.fromFiles().platform());
                if (problem.isPresent() && problem.get() instanceof Incompatibility.WrongMachine w) {
                    return failure.sharpened(FailureKind.WRONG_ARCHITECTURE,
                            file.get() + " exists on this host and is built for " + w.found() + " (" + w.foundBits()
                                    + "-bit), not this machine: glibc says \"No such file or directory\" for it",
                            "use the build of the library for this machine", Optional.empty(), Optional.empty());
                }
            }
        } catch (IOException | java.io.UncheckedIOException | NotABinaryException | MalformedBinaryException unreadable) {
            // The file cannot be read here: the verdict stays what the log says.
            return failure;
        }
        return failure;
    }

    private ResolveHost loader() {
        if (loader == null) {
            loader = ResolveHost.thisMachine();
        }
        return loader;
    }

    private static Optional<Path> existing(String named) {
        try {
            Path p = Path.of(named);
            return p.isAbsolute() && Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        } catch (InvalidPathException notAPath) {
            return Optional.empty();
        }
    }
}
