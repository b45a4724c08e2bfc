package dev.nativeload.resolve;

import dev.nativeload.binary.BinaryImage;
import java.util.List;

/** One loader's rules: what an object asks for, how a name is searched, how names match. */
sealed interface SearchRules permits GlibcSearch, MuslSearch, DyldSearch, WindowsSearch {
    /**
     * One dependency an object requests.
     *
     * @param name      the name as recorded
     * @param weak      true when the loader accepts its absence (Mach-O weak dylibs)
     * @param delayLoad true for a PE delay-load import: loaded on the first call into it, not at startup
     */
    record Request(String name, boolean weak, boolean delayLoad) {
        /**
         * A dependency loaded with its requester.
         *
         * @param name the name as recorded
         * @param weak see {@link #weak}
         */
        Request(String name, boolean weak) {
            this(name, weak, false);
        }
    }

    /**
     * {@return the dependencies of an image, in load order}
     *
     * @param image the image
     */
    List<Request> requests(BinaryImage image);

    /**
     * {@return the names an object answers to in the already-loaded check}
     *
     * @param object a loaded object
     */
    List<String> aliases(LoadedObject object);

    /**
     * {@return objects in the process before any dependency is searched (glibc: the dynamic linker
     * named by the root's {@code PT_INTERP}, under that path and its SONAME)}
     *
     * @param root the root image
     */
    default List<String> preloaded(BinaryImage root) {
        return List.of();
    }

    /**
     * {@return the form names are compared in}
     *
     * @param name a name
     */
    default String key(String name) {
        return name;
    }

    /**
     * {@return the directory {@code $ORIGIN} / {@code @loader_path} means for the root}
     *
     * @param pathAsGiven the root path as given
     * @param image       the root image
     */
    String rootOrigin(String pathAsGiven, BinaryImage image);

    /**
     * Searches for a dependency.
     *
     * @param name      the name as requested
     * @param requester the object asking
     * @return the place found, or every place tried
     */
    Lookup find(String name, LoadedObject requester);

    /**
     * Searches for a delay-load import, at the time of the first call into it; by default as
     * {@link #find} does.
     *
     * @param name      the name as requested
     * @param requester the object asking
     * @return the place found, or every place tried
     */
    default Lookup findDelayLoaded(String name, LoadedObject requester) {
        return find(name, requester);
    }
}
