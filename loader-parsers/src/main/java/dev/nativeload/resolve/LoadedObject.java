package dev.nativeload.resolve;

import dev.nativeload.binary.BinaryImage;
import java.util.Optional;

/**
 * An object the emulated loader has mapped: the root or a dependency found on disk.
 *
 * @param name    the name it was requested under (the root: the path as given)
 * @param path    the path it was opened under, unnormalized, as the loader would record it
 * @param image   the parsed image (the matching slice of a fat Mach-O file)
 * @param loader  the object whose request loaded it first; empty for the root
 * @param fileKey the file identity (device and inode), may be null when the file system gives none
 * @param origin  the directory {@code $ORIGIN} / {@code @loader_path} stand for
 * @param depth   0 for the root
 * @param node    the tree node being built for it
 */
record LoadedObject(String name, String path, BinaryImage image, Optional<LoadedObject> loader, Object fileKey,
                    String origin, int depth, PendingNode node) {

    /** {@return the root of the loader chain (the main program)} */
    LoadedObject main() {
        LoadedObject o = this;
        while (o.loader.isPresent()) {
            o = o.loader.get();
        }
        return o;
    }
}
