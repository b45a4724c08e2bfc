package dev.nativeload;

import java.util.Objects;

/** The rule for a library's logical name: a name, never a path (paths go through {@link NativeLoader#load(java.nio.file.Path)}). */
final class LibraryName {
    private LibraryName() {
    }

    /**
     * {@return the name, checked}
     *
     * @param name {@code "z"}, {@code "libz.so.1"}
     * @throws IllegalArgumentException if it is blank, or holds a NUL, a path separator or {@code ..}
     */
    static String check(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("library name is blank");
        }
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("library name holds a NUL character: " + name.replace("\0", "\\0"));
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0 || name.contains("..")) {
            throw new IllegalArgumentException("\"" + name + "\" is a path, not a library name: load a file with "
                    + "NativeLoader.load(Path.of(\"" + name + "\")), or give the name alone (\"z\" for libz.so)");
        }
        return name;
    }
}
