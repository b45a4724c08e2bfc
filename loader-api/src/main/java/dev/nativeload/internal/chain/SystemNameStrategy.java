package dev.nativeload.internal.chain;

import dev.nativeload.report.Attempt.Origin;

import dev.nativeload.platform.LibraryFileNames;
import dev.nativeload.spi.Candidate;
import dev.nativeload.spi.LoadRequest;
import dev.nativeload.spi.LoadStrategy;

import dev.nativeload.report.FailureKind;
import dev.nativeload.report.Diagnosis;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What {@link System#loadLibrary} does, with real diagnostics: hand the platform file name
 * ({@code libz.so}, {@code libz.dylib}, {@code z.dll}) to the OS loader's own search, then look in
 * each {@code java.library.path} directory.
 */
public record SystemNameStrategy() implements LoadStrategy {
    private static final Origin JAVA_LIBRARY_PATH = Origin.of(Origin.Source.JAVA_LIBRARY_PATH, "java.library.path");

    @Override
    public String name() {
        return "system";
    }

    @Override
    public Stream<Candidate> candidates(LoadRequest request) {
        LibraryFileNames names = new LibraryFileNames(request.host().os(), request.name());
        List<Candidate> out = new ArrayList<>();
        out.add(new Candidate.Name(names.systemName(), Origin.of(Origin.Source.OS_SEARCH, "OS loader search")));
        String libraryPath = request.environment().property("java.library.path").orElse("");
        List<String> searched = new ArrayList<>();
        for (String dir : libraryPath.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            searched.add(dir);
            Path file = Path.of(dir).resolve(names.systemName());
            if (Files.exists(file)) {
                out.add(new Candidate.File(file, WritablePaths.origin(file, JAVA_LIBRARY_PATH)));
            }
        }
        if (out.size() == 1) {
            out.add(new Candidate.Unavailable(names.systemName(), JAVA_LIBRARY_PATH, Diagnosis.of(FailureKind.NOT_FOUND,
                    "no " + names.systemName() + " in java.library.path " + searched,
                    "add the library's directory to -Djava.library.path, or name the file with -Dnativeload."
                            + request.name() + ".path")));
        }
        return out.stream();
    }
}
