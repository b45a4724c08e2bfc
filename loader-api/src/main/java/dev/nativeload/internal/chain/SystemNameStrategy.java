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
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * What {@link System#loadLibrary} does, with real diagnostics: hand the platform file name
 * ({@code libz.so}, {@code libz.dylib}, {@code z.dll}) to the OS loader's own search, then look in
 * each {@code java.library.path} directory.
 */
public record SystemNameStrategy() implements LoadStrategy {
    private static final Origin JAVA_LIBRARY_PATH = Origin.of(Origin.Source.JAVA_LIBRARY_PATH, "java.library.path");

    /**
     * {@return a hash of the components, written out}: the record's generated one bootstraps
     * {@code ObjectMethods} on first use, tens of milliseconds in a new JVM, and every first load
     * hashes the default chain, which holds this step.
     */
    @Override
    public int hashCode() {
        return 0; // no components: every instance is equal
    }

    @Override
    public String name() {
        return "system";
    }

    @Override
    public Stream<Candidate> candidates(LoadRequest request) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(new Candidates(request),
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /**
     * The OS search by name first; the {@code java.library.path} directories only when the chain
     * asks for more. A library found by name (the common first load) so never probes those
     * directories nor builds the text saying they lacked it. A named class, not a lambda or
     * {@code Stream.concat}: this runs on every first load, where each would cost classes.
     */
    private static final class Candidates implements Iterator<Candidate> {
        private final LoadRequest request;
        private final LibraryFileNames names;
        private List<Candidate> rest;
        private int next = -1;

        Candidates(LoadRequest request) {
            this.request = request;
            this.names = new LibraryFileNames(request.host().os(), request.name());
        }

        @Override
        public boolean hasNext() {
            if (next < 0) {
                return true;
            }
            if (rest == null) {
                rest = libraryPathCandidates();
            }
            return next < rest.size();
        }

        @Override
        public Candidate next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            if (next < 0) {
                next = 0;
                return new Candidate.Name(names.systemName(), Origin.of(Origin.Source.OS_SEARCH, "OS loader search"));
            }
            return rest.get(next++);
        }

        private List<Candidate> libraryPathCandidates() {
            List<Candidate> out = new ArrayList<>();
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
            if (out.isEmpty()) {
                out.add(new Candidate.Unavailable(names.systemName(), JAVA_LIBRARY_PATH, Diagnosis.of(FailureKind.NOT_FOUND,
                        "no " + names.systemName() + " in java.library.path " + searched,
                        "add the library's directory to -Djava.library.path, or name the file with -Dnativeload."
                                + request.name() + ".path")));
            }
            return out;
        }
    }
}
