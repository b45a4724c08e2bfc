package dev.nativeload.internal.chain;

import dev.nativeload.report.Attempt.Origin;

import dev.nativeload.platform.LibraryFileNames;
import dev.nativeload.spi.Candidate;

import dev.nativeload.report.FailureKind;
import dev.nativeload.report.Diagnosis;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The candidates one directory holds for a library: its plain names, then its versioned names. */
final class DirectoryListing {
    private DirectoryListing() {
    }

    /**
     * {@return the library's files in {@code dir}, or one {@link Candidate.Unavailable} saying none are there}
     *
     * @param dir    the directory
     * @param names  the library's file names on this OS
     * @param origin where the directory came from
     */
    static List<Candidate> candidates(Path dir, LibraryFileNames names, Origin origin) {
        String[] matching = dir.toFile().list((d, fileName) -> names.mayMatch(fileName));
        if (matching == null) {
            return List.of(new Candidate.Unavailable(dir.toString(), origin, Diagnosis.of(FailureKind.ACCESS_DENIED,
                    "cannot list directory " + dir, "check that it is a directory this user may read")));
        }
        List<String> listing = List.of(matching);
        List<Candidate> out = new ArrayList<>();
        for (String plain : names.plain()) {
            if (listing.contains(plain)) {
                out.add(new Candidate.File(dir.resolve(plain), WritablePaths.origin(dir.resolve(plain), origin)));
            }
        }
        for (String versioned : names.versioned(listing)) {
            out.add(new Candidate.File(dir.resolve(versioned), WritablePaths.origin(dir.resolve(versioned), origin)));
        }
        if (out.isEmpty()) {
            out.add(new Candidate.Unavailable(dir.resolve(names.systemName()).toString(), origin,
                    Diagnosis.of(FailureKind.NOT_FOUND, "no " + names.systemName() + " or versioned variant in " + dir,
                            "install the library there, or name its file with -Dnativeload." + names.name() + ".path=/path/to/"
                                    + names.systemName())));
        }
        return out;
    }
}
