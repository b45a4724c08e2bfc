package dev.nativeload.resolve;

import java.nio.file.Path;

/** Path strings as loaders build them: no normalization, {@code ..} and symlinks kept. */
final class LoaderPaths {
    private LoaderPaths() {
    }

    /** {@return {@code dir/name}, with the dir's trailing slashes folded to one; an empty dir yields {@code name}} */
    static String join(String dir, String name) {
        if (dir.isEmpty()) {
            return name;
        }
        int len = dir.length();
        while (len > 1 && dir.charAt(len - 1) == '/') {
            len--;
        }
        String d = dir.substring(0, len);
        return d.endsWith("/") ? d + name : d + "/" + name;
    }

    /** {@return the directory part of a path as ld.so computes an origin: absolute, without the last component} */
    static String origin(String path, Path currentDir) {
        String abs = path.startsWith("/") ? path : LoaderPaths.join(currentDir.toString(), path);
        int slash = abs.lastIndexOf('/');
        return slash <= 0 ? "/" : abs.substring(0, slash);
    }

    /** {@return musl's origin: the directory part exactly as written, {@code "."} for a bare name} */
    static String dirname(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "." : path.substring(0, slash);
    }

    /** {@return the file system path a loader path string names, relative ones against the working directory} */
    static Path resolve(String path, Path currentDir) {
        return currentDir.resolve(path);
    }
}
