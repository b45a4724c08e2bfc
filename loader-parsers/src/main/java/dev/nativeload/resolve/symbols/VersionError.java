package dev.nativeload.resolve.symbols;

import java.util.Objects;

/**
 * A symbol version an object requires ({@code DT_VERNEED}) that the dependency it names does not
 * define ({@code DT_VERDEF}): {@code ld.so} says
 * "FILE: version `VERSION' not found (required by OBJECT)" and refuses to load.
 *
 * @param version   the missing version, such as {@code GLIBCXX_3.4.30}
 * @param file      the dependency as the requirement names it ({@code vn_file}, usually its soname)
 * @param filePath  the path of the dependency that lacks it, as loaded
 * @param object    the path of the object that requires it
 */
public record VersionError(String version, String file, String filePath, String object) {
    /** Checks that every component is given. */
    public VersionError {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(filePath, "filePath");
        Objects.requireNonNull(object, "object");
    }

    /** {@return the loader's words: {@code PATH: version `V' not found (required by OBJECT)}} */
    public String message() {
        return filePath + ": version `" + version + "' not found (required by " + object + ")";
    }
}
