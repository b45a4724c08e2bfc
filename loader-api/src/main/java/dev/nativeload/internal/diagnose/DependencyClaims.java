package dev.nativeload.internal.diagnose;

import dev.nativeload.resolve.ResolveHost;

import dev.nativeload.report.Diagnosis;

import dev.nativeload.report.FailureKind;
import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.NotABinaryException;
import dev.nativeload.spi.Candidate;
import dev.nativeload.resolve.DependencyNode;
import dev.nativeload.resolve.DependencyResolver;
import dev.nativeload.resolve.MissingDependency;
import dev.nativeload.resolve.Tried;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks what the loader's words claim about a dependency against the files, before the report
 * states it: which library needs a dependency that failed on its own, whether a "missing"
 * dependency exists where the loader looked (and why it was skipped), or beside the library that
 * needs it but on no search path, and whether a fix can apply (an absolute {@code DT_NEEDED} is not
 * searched for, so RUNPATH cannot help it).
 */
final class DependencyClaims {
    private DependencyClaims() {
    }

    /**
     * {@return the library that needs {@code object}, from the resolved tree of the candidate}
     *
     * @param candidate what was loaded
     * @param object    the dependency's path or name, as the loader named it
     * @param loader    the loader to emulate: the load's own host and environment
     */
    static Optional<String> neededBy(Candidate candidate, String object, ResolveHost loader) {
        if (!(candidate instanceof Candidate.File f)) {
            return Optional.empty();
        }
        try {
            DependencyNode root = new DependencyResolver(loader).resolve(f.path().toString());
            return parentOf(root, object);
        } catch (IOException | NotABinaryException | MalformedBinaryException unreadable) {
            return Optional.empty();
        }
    }

    private static Optional<String> parentOf(DependencyNode node, String object) {
        for (DependencyNode child : node.children()) {
            boolean same = child.path().filter(p -> p.equals(object)).isPresent() || child.name().equals(object);
            if (same) {
                return Optional.of(node.path().orElse(node.name()));
            }
        }
        for (DependencyNode child : node.children()) {
            Optional<String> deeper = parentOf(child, object);
            if (deeper.isPresent()) {
                return deeper;
            }
        }
        return Optional.empty();
    }

    /**
     * {@return the diagnosis of a dependency nothing loadable was found for, with every claim checked:
     * candidates that exist where the loader looked and why each was skipped, a copy beside the
     * library that needs it, and fixes that apply to how it is named}
     *
     * @param missing the chain to the missing dependency, from the resolver
     */
    static Diagnosis missing(MissingDependency missing) {
        DependencyNode dep = missing.missing();
        DependencyNode needer = missing.neededBy();
        String name = dep.name();
        String by = needer.path().orElse(needer.name());
        boolean hasPath = name.contains("/");
        List<Tried> skipped = dep.tried().stream()
                .filter(t -> Hints.baseName(t.path()).equals(Hints.baseName(name)) && isFile(t.path())).toList();
        Optional<Path> beside = hasPath ? Optional.empty() : needer.path().map(Path::of).map(Path::getParent)
                .map(dir -> dir.resolve(name)).filter(Files::isRegularFile)
                .filter(p -> dep.tried().stream().noneMatch(t -> t.path().equals(p.toString())));
        StringBuilder cause = new StringBuilder(missing.describe()).append(": no loadable ").append(name).append(" was found");
        if (!skipped.isEmpty()) {
            cause.append("; candidates skipped: ").append(skipped.stream()
                    .map(t -> t.path() + " (" + t.reason() + ")").distinct().limit(6).collect(Collectors.joining(", ")));
        }
        beside.ifPresent(p -> cause.append("; ").append(p).append(" is beside ").append(Hints.baseName(by))
                .append(", but that directory is on no search path: ").append(Hints.baseName(by))
                .append(" has no RUNPATH with $ORIGIN"));
        cause.append(DependencyChains.searched(dep));
        String hint;
        if (hasPath) {
            hint = Hints.baseName(by) + " names its dependency by the path " + name + ", which the loader opens as is and "
                    + "never searches for: put the file at that path, or relink " + Hints.baseName(by) + " against a bare soname";
        } else if (beside.isPresent()) {
            hint = "load " + beside.get() + " first (NativeLoader loads an embedded library's dependencies first), "
                    + "or relink " + Hints.baseName(by) + " with -Wl,-rpath,'$ORIGIN' (patchelf --set-rpath '$ORIGIN')";
        } else if (!skipped.isEmpty()) {
            hint = "install the build of " + name + " for this machine; the files named above cannot load here";
        } else {
            hint = "install the package that provides " + name + ", or put it " + ownDirSearched(needer, dep)
                    .map(dir -> "in " + dir + " (the RUNPATH of " + Hints.baseName(by) + " searches it)")
                    .orElse("in a directory on LD_LIBRARY_PATH (" + Hints.baseName(by) + "'s own directory is not searched)")
                    + "; `nativeload tree <library>` shows the whole tree";
        }
        return Diagnosis.of(FailureKind.MISSING_DEPENDENCY, cause.toString(), hint).withDependency(name, by);
    }

    /** {@return the needing library's directory, when the loader looked there (a RUNPATH or RPATH with $ORIGIN)} */
    private static Optional<String> ownDirSearched(DependencyNode needer, DependencyNode dep) {
        try {
            Optional<Path> dir = needer.path().map(p -> Path.of(p).toAbsolutePath().normalize().getParent());
            return dir.filter(d -> dep.tried().stream()
                            .anyMatch(t -> Path.of(t.path()).toAbsolutePath().normalize().equals(d.resolve(dep.name()))))
                    .map(Path::toString);
        } catch (java.nio.file.InvalidPathException notAPath) {
            return Optional.empty();
        }
    }

    private static boolean isFile(String path) {
        try {
            return Files.isRegularFile(Path.of(path));
        } catch (java.nio.file.InvalidPathException notAPath) {
            return false;
        }
    }
}
