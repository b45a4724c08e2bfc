package dev.nativeload.internal.chain;

import dev.nativeload.report.Attempt.Origin;

import dev.nativeload.platform.LibraryFileNames;
import dev.nativeload.spi.Candidate;
import dev.nativeload.spi.LoadRequest;
import dev.nativeload.spi.LoadStrategy;

import dev.nativeload.report.FailureKind;
import dev.nativeload.report.Diagnosis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The absolute-path retry: every candidate directory ({@link SearchDirectories}) times every file
 * name the library takes ({@link LibraryFileNames}: {@code libz.so}, then {@code libz.so.1}, ...),
 * each opened by absolute path. It finds what a bare-name search misses: a versioned library with
 * no development symlink, a directory the OS loader does not search, a library behind a
 * wrong-architecture one of the same name earlier on the path.
 *
 * @param extraDirectories directories to search before all others
 */
public record DirectorySearchStrategy(List<Path> extraDirectories) implements LoadStrategy {
    public DirectorySearchStrategy {
        extraDirectories = List.copyOf(extraDirectories);
    }

    /**
     * {@return a hash of the components, written out}: the record's generated one bootstraps
     * {@code ObjectMethods} on first use, tens of milliseconds in a new JVM, and every first load
     * hashes the default chain, which holds this step.
     */
    @Override
    public int hashCode() {
        return extraDirectories.hashCode();
    }

    @Override
    public String name() {
        return "directory-search";
    }

    @Override
    public Stream<Candidate> candidates(LoadRequest request) {
        LibraryFileNames names = new LibraryFileNames(request.host().os(), request.name());
        Map<Path, Origin> dirs = SearchDirectories.of(request.host(), request.environment(), extraDirectories);
        List<Candidate> out = new ArrayList<>();
        Map<Origin, List<Path>> misses = new LinkedHashMap<>();
        dirs.forEach((dir, origin) -> {
            boolean named = origin.source() == Origin.Source.CONFIGURED_DIRECTORY;
            if (!Files.isDirectory(dir)) {
                if (named) {
                    out.add(new Candidate.Unavailable(dir.toString(), origin, Diagnosis.of(FailureKind.NOT_FOUND,
                            "directory " + dir + " does not exist", "fix the directory given to NativeLoader.Builder.directories")));
                }
                return;
            }
            List<Candidate> found = DirectoryListing.candidates(dir, names, origin);
            if (found.size() == 1 && found.getFirst() instanceof Candidate.Unavailable u
                    && u.why().kind() == FailureKind.NOT_FOUND) {
                misses.computeIfAbsent(origin, o -> new ArrayList<>()).add(dir);
            } else {
                out.addAll(found);
            }
        });
        misses.forEach((origin, missed) -> out.add(new Candidate.Unavailable(names.systemName() + "*", origin,
                Diagnosis.of(FailureKind.NOT_FOUND, "no " + names.systemName() + " or versioned variant in " + missed,
                        "install the library, or point -Dnativeload." + request.name() + ".path at it"))));
        return out.stream();
    }
}
