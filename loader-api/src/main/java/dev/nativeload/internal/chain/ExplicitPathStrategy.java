package dev.nativeload.internal.chain;

import dev.nativeload.report.Attempt.Origin;

import dev.nativeload.platform.LibraryFileNames;
import dev.nativeload.spi.Candidate;
import dev.nativeload.spi.LoadRequest;
import dev.nativeload.spi.LoadStrategy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The operator's override, always first: a file or directory named by a system property
 * ({@code nativeload.<name>.path} unless configured otherwise) or an environment variable the
 * application names (such as {@code ZSTD_LIBRARY_PATH}).
 *
 * @param propertyName        the system property to read; {@code %s} stands for the library name
 * @param environmentVariable the environment variable to read, or empty
 */
public record ExplicitPathStrategy(String propertyName, Optional<String> environmentVariable) implements LoadStrategy {
    /** The default property, {@code nativeload.<name>.path}. */
    public static final String DEFAULT_PROPERTY = "nativeload.%s.path";

    /** {@return the strategy reading {@code nativeload.<name>.path} and no environment variable} */
    public static ExplicitPathStrategy defaults() {
        return new ExplicitPathStrategy(DEFAULT_PROPERTY, Optional.empty());
    }

    /**
     * {@return a hash of the components, written out}: the record's generated one bootstraps
     * {@code ObjectMethods} on first use, tens of milliseconds in a new JVM, and every first load
     * hashes the default chain, which holds this step.
     */
    @Override
    public int hashCode() {
        return 31 * propertyName.hashCode() + environmentVariable.hashCode();
    }

    @Override
    public String name() {
        return "explicit";
    }

    @Override
    public Stream<Candidate> candidates(LoadRequest request) {
        // Plain code, no lambdas: this step runs on every first load, where each lambda costs its
        // class at start-up.
        List<Candidate> out = new ArrayList<>();
        // The default property without a Formatter (its classes, on every first load).
        String property = propertyName.equals(DEFAULT_PROPERTY) ? "nativeload." + request.name() + ".path"
                : propertyName.formatted(request.name());
        String value = request.environment().property(property).orElse("");
        if (!value.isBlank()) {
            addPath(request, Path.of(value.strip()), Origin.of(Origin.Source.SYSTEM_PROPERTY, "system property " + property), out);
        }
        if (environmentVariable.isPresent()) {
            String variable = environmentVariable.get();
            String path = request.environment().variable(variable).orElse("");
            if (!path.isBlank()) {
                addPath(request, Path.of(path.strip()), Origin.of(Origin.Source.ENVIRONMENT_VARIABLE, "environment variable " + variable), out);
            }
        }
        return out.stream();
    }

    private static void addPath(LoadRequest request, Path path, Origin origin, List<Candidate> out) {
        if (!Files.isDirectory(path)) {
            out.add(new Candidate.File(path, WritablePaths.origin(path, origin)));
            return;
        }
        List<Candidate> inDir = DirectoryListing.candidates(path, new LibraryFileNames(request.host().os(), request.name()), origin);
        out.addAll(inDir);
    }
}
