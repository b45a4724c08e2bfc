package dev.nativeload.internal.cache;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A library and the dependencies shipped next to it, extracted into one cache entry.
 *
 * @param directory    the entry directory, {@code <cache>/<sha256>} (or {@code <sha256>-<n>} when
 *                     earlier entries of that content were found corrupted)
 * @param library      the library asked for
 * @param dependencies its dependencies found next to it on the class path, in load order (each
 *                     before the libraries that need it)
 * @param log          what happened, in order, by kind: refused cache directories and why, entries
 *                     passed over, each file extracted or reused with its hash, how they were verified
 * @param refused      the cache directories refused before this one
 * @param loaderNames  for each file verified through an open descriptor, the name the OS loader
 *                     opens that very descriptor by ({@code /proc/self/fd/N} on Linux); empty
 *                     where the host has none, and the file is then opened by its path
 */
public record Extraction(Path directory, ExtractedFile library, List<ExtractedFile> dependencies, List<ExtractionStep> log,
                         List<CacheRefusal> refused, Map<Path, String> loaderNames) {
    public Extraction {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(library, "library");
        dependencies = List.copyOf(dependencies);
        log = List.copyOf(log);
        refused = List.copyOf(refused);
        loaderNames = Map.copyOf(loaderNames);
    }

    /**
     * An extraction whose files are opened by path.
     *
     * @param directory    the entry directory
     * @param library      the library asked for
     * @param dependencies its dependencies, in load order
     * @param steps        what happened, in order
     * @param refused      the cache directories refused before this one
     */
    public Extraction(Path directory, ExtractedFile library, List<ExtractedFile> dependencies, List<ExtractionStep> steps,
                      List<CacheRefusal> refused) {
        this(directory, library, dependencies, steps, refused, Map.of());
    }

    /** {@return what happened, in order, as the report words it} */
    public List<String> steps() {
        return log.stream().map(ExtractionStep::text).toList();
    }
}
