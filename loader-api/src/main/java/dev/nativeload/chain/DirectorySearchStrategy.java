package dev.nativeload.chain;

import dev.nativeload.FailureKind;
import dev.nativeload.failure.Diagnosis;
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

    @Override
    public String name() {
        return "directory-search";
    }

    @Override
    public Stream<Candidate> candidates(LoadRequest request) {
        LibraryFileNames names = new LibraryFileNames(request.host().os(), request.name());
        Map<Path, String> dirs = SearchDirectories.of(request.host(), request.environment(), extraDirectories);
        List<Candidate> out = new ArrayList<>();
        List<Path> quietMisses = new ArrayList<>();
        dirs.forEach((dir, origin) -> {
            boolean quiet = origin.equals(SearchDirectories.STANDARD) || origin.equals(SearchDirectories.LD_SO_CONF);
            if (!Files.isDirectory(dir)) {
                if (!quiet) {
                    out.add(new Candidate.Unavailable(dir.toString(), origin, Diagnosis.of(FailureKind.NOT_FOUND,
                            "directory " + dir + " does not exist", "fix the directory named in " + origin)));
                }
                return;
            }
            List<Candidate> found = DirectoryListing.candidates(dir, names, origin);
            if (quiet && found.size() == 1 && found.getFirst() instanceof Candidate.Unavailable) {
                quietMisses.add(dir);
            } else {
                out.addAll(found);
            }
        });
        if (!quietMisses.isEmpty()) {
            out.add(new Candidate.Unavailable(names.systemName() + "*", "system directories", Diagnosis.of(FailureKind.NOT_FOUND,
                    "no " + names.systemName() + " or versioned variant in " + quietMisses,
                    "install the library, or point -Dnativeload." + request.name() + ".path at it")));
        }
        return out.stream();
    }
}
