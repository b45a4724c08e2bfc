package dev.nativeload.spi;

import dev.nativeload.report.Attempt.Origin;

import dev.nativeload.spi.LoadStrategy;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The step of {@link LoadStrategy#file(Path)}: one file the caller named, by absolute path. */
record FileStep(Path file) implements LoadStrategy {
    FileStep {
        file = file.toAbsolutePath();
    }

    @Override
    public String name() {
        return "file";
    }

    @Override
    public Stream<Candidate> candidates(LoadRequest request) {
        return Stream.of(new Candidate.File(file, Origin.of(Origin.Source.CALLER, "path given by the caller")));
    }
}
