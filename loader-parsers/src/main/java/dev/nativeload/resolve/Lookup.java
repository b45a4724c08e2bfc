package dev.nativeload.resolve;

import dev.nativeload.binary.BinaryImage;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of one search: the place found (if any), every candidate rejected on the way, and a
 * remark.
 *
 * @param found the answer, empty when nothing was found
 * @param tried the rejected candidates, in order
 * @param note  a remark for the node (why the search stopped, that a file is assumed present, ...)
 */
record Lookup(Optional<Found> found, List<Tried> tried, Optional<String> note) {

    /**
     * A place the loader would take.
     *
     * @param path    the path as the loader would open it
     * @param how     the search step
     * @param image   the parsed image; empty for names the loader resolves without a file
     *                (dyld shared cache, API sets)
     * @param fileKey the file identity, or null
     * @param origin  the directory the object's own {@code $ORIGIN} / {@code @loader_path} means
     */
    record Found(String path, How how, Optional<BinaryImage> image, Object fileKey, String origin) {
    }

    static Lookup notFound(List<Tried> tried, Optional<String> note) {
        return new Lookup(Optional.empty(), tried, note);
    }
}
