package dev.nativeload;

import java.util.Objects;

/** The rule a logical library name meets: a bare name, never a path the working directory would resolve. */
final class LibraryNames {
    private LibraryNames() {
    }

    /**
     * Refuses a name that is a path or could become one.
     *
     * @param name the logical name given to {@link NativeLoader#load(String)}
     * @throws IllegalArgumentException if it is empty or holds {@code '/'}, {@code '\\'}, {@code ".."} or a NUL character
     */
    static void requireBareName(String name) {
        Objects.requireNonNull(name, "name");
        String shown = name.replace("\0", "\\0");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a library name cannot be empty");
        }
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a library name cannot contain a NUL character: \"" + shown + "\"");
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0 || name.contains("..")) {
            throw new IllegalArgumentException("\"" + shown + "\" is a path, not a library name (it holds a separator or \"..\");"
                    + " load a file with NativeLoader.load(Path.of(...)) instead");
        }
    }
}
