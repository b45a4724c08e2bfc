package dev.nativeload.chain;

import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Loads one file the caller named, by absolute path: {@code NativeLoader.load(Path)}.
 *
 * @param file the library file
 */
public record FileStrategy(Path file) implements LoadStrategy {
    public FileStrategy {
        file = file.toAbsolutePath();
    }

    @Override
    public String name() {
        return "file";
    }

    @Override
    public Stream<Candidate> candidates(LoadRequest request) {
        return Stream.of(new Candidate.File(file, "path given by the caller"));
    }
}
