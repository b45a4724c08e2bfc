package dev.nativeload.internal.diagnose;

import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.NotABinaryException;
import dev.nativeload.resolve.DependencyNode;
import dev.nativeload.resolve.DependencyResolver;
import dev.nativeload.resolve.ResolveHost;
import dev.nativeload.resolve.MissingDependency;
import dev.nativeload.resolve.Tried;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Names the whole chain to a missing dependency ({@code libtop.so → libmid.so → libbar.so.7}) and
 * every place it was looked for, since glibc's message names only the missing file. Uses the
 * resolver, the loader's search emulated in Java: nothing is run.
 */
final class DependencyChains {
    private DependencyChains() {
    }

    /**
     * {@return the first missing dependency under {@code root}, as the OS loader would search for it}
     *
     * @param root   the library that failed
     * @param loader the loader to emulate: the load's own host and environment
     */
    static Optional<MissingDependency> firstMissing(Path root, ResolveHost loader) {
        try {
            return new DependencyResolver(loader).firstMissing(root.toString());
        } catch (IOException | NotABinaryException | MalformedBinaryException unreadable) {
            // The classifier still has glibc's own words; the chain is extra detail.
            return Optional.empty();
        }
    }

    /** {@return where the missing dependency was looked for, for the cause text} */
    static String searched(DependencyNode missing) {
        if (missing.tried().isEmpty()) {
            return "";
        }
        return missing.tried().stream().map(Tried::path).distinct().limit(12)
                .collect(Collectors.joining(", ", "; looked in ", missing.tried().size() > 12 ? ", ..." : ""));
    }
}
