package dev.nativeload.internal.cache;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A library and the dependencies shipped next to it, extracted into one cache entry.
 *
 * @param directory    the entry directory, {@code <cache>/<sha256>} (or {@code <sha256>-<n>} when
 *                     earlier entries of that content were found corrupted)
 * @param library      the library asked for
 * @param dependencies its dependencies found next to it on the class path, in load order (each
 *                     before the libraries that need it)
 * @param steps        what happened, in order: refused cache directories and why, corrupted entries
 *                     passed over, each file extracted or reused with its hash
 * @param refused      the cache directories refused before this one
 */
public record Extraction(Path directory, ExtractedFile library, List<ExtractedFile> dependencies, List<String> steps,
                         List<CacheRefusal> refused) {
    public Extraction {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(library, "library");
        dependencies = List.copyOf(dependencies);
        steps = List.copyOf(steps);
        refused = List.copyOf(refused);
    }
}
