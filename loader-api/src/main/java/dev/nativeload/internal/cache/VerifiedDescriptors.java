package dev.nativeload.internal.cache;

import dev.nativeload.internal.os.FileStatus;
import dev.nativeload.internal.os.OpenFile;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The descriptors of verified files, kept open for the life of the JVM, one per file (device and
 * inode). The OS loader is handed {@code /proc/self/fd/N} and remembers a loaded library under that
 * name; were the descriptor closed, its number could later name another file, and a {@code dlopen}
 * of that name would return the old library. Keeping it open keeps every such name true. An entry
 * in use is pinned for the life of the JVM anyway, so this holds nothing the cache would free.
 */
final class VerifiedDescriptors {
    private record Identity(long device, long inode) {
    }

    private static final ConcurrentHashMap<Identity, OpenFile> OPEN = new ConcurrentHashMap<>();

    private VerifiedDescriptors() {
    }

    /**
     * Keeps a verified file's descriptor open and {@return the name the OS loader opens it by}: that
     * of the descriptor already kept for the same file, if any (the new one is then closed).
     *
     * @param file a verified open file
     */
    static Optional<String> keep(OpenFile file) {
        FileStatus s = file.status();
        OpenFile kept = OPEN.putIfAbsent(new Identity(s.device(), s.inode()), file);
        if (kept != null && kept != file) {
            file.close();
            return kept.loaderName();
        }
        return file.loaderName();
    }
}
