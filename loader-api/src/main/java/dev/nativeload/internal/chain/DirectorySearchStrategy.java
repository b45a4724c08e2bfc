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
        // The directories without the library, grouped by origin in order. Plain loops, no lambdas, and
        // origins told apart by identity (SearchDirectories makes one Origin per source): hashing a
        // record bootstraps ObjectMethods, and each lambda spins a class, on every first load that gets here.
        List<Origin> missOrigins = new ArrayList<>();
        List<List<Path>> misses = new ArrayList<>();
        for (Map.Entry<Path, Origin> entry : dirs.entrySet()) {
            Path dir = entry.getKey();
            Origin origin = entry.getValue();
            boolean named = origin.source() == Origin.Source.CONFIGURED_DIRECTORY;
            if (!Files.isDirectory(dir)) {
                if (named) {
                    out.add(new Candidate.Unavailable(dir.toString(), origin, Diagnosis.of(FailureKind.NOT_FOUND,
                            "directory " + dir + " does not exist", "fix the directory given to NativeLoader.Builder.directories")));
                }
                continue;
            }
            List<Candidate> found = DirectoryListing.candidates(dir, names, origin);
            if (found.size() == 1 && found.getFirst() instanceof Candidate.Unavailable u
                    && u.why().kind() == FailureKind.NOT_FOUND) {
                missed(missOrigins, misses, origin).add(dir);
            } else {
                out.addAll(found);
            }
        }
        for (int i = 0; i < missOrigins.size(); i++) {
            out.add(new Candidate.Unavailable(names.systemName() + "*", missOrigins.get(i),
                    Diagnosis.of(FailureKind.NOT_FOUND, "no " + names.systemName() + " or versioned variant in " + misses.get(i),
                            "install the library, or point -Dnativeload." + request.name() + ".path at it")));
        }
        return out.stream();
    }

    /** {@return the list of missed directories of {@code origin}, added at the end if new} */
    private static List<Path> missed(List<Origin> origins, List<List<Path>> misses, Origin origin) {
        for (int i = 0; i < origins.size(); i++) {
            if (origins.get(i) == origin) {
                return misses.get(i);
            }
        }
        origins.add(origin);
        List<Path> list = new ArrayList<>();
        misses.add(list);
        return list;
    }
}
