package dev.nativeload.spi;

import dev.nativeload.spi.LoadStrategy;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * One step of the fallback chain: where to look for a library, in order.
 *
 * <p>A strategy only proposes {@link Candidate}s; the chain checks, opens and records each, and
 * stops at the first that loads. Candidates are produced lazily, so a step that must do work to
 * make one (extract a file, read a cache) does it only when the steps before it have failed.
 * Problems a step meets while proposing (an unreadable directory, a failed extraction) come back
 * as {@link Candidate.Unavailable} entries, never as exceptions, so the report keeps them.
 */
public interface LoadStrategy {
    /** {@return the step's name in reports: {@code explicit}, {@code system}, {@code directory-search}, ...} */
    String name();

    /**
     * {@return the candidates for one library, in the order they should be tried}
     *
     * @param request what is being loaded, and the context a step needs
     */
    Stream<Candidate> candidates(LoadRequest request);

    /**
     * {@return a step that proposes one file, by its absolute path: what {@code NativeLoader.load(Path)} runs}
     *
     * @param file the library file
     */
    static LoadStrategy file(Path file) {
        return new FileStep(file);
    }
}
