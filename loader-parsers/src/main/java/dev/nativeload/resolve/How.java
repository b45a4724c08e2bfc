package dev.nativeload.resolve;

import java.util.Objects;
import java.util.Optional;

/**
 * How a dependency was found, or that it was not. An open value: {@link #kind()} is one of the
 * constants below for the loaders emulated here, and {@link #via()} names the image whose
 * {@code LC_RPATH} supplied the directory for an {@code RPATH_VIA} match ({@link #rpathVia(String)}).
 *
 * @param kind the search step that produced the path, such as {@code "RUNPATH"}
 * @param via  for {@code @rpath} names, the image (its path) whose run path matched
 */
public record How(String kind, Optional<String> via) {
    /** The file the caller asked about. */
    public static final How INPUT = of("INPUT");
    /** An object already in the process under this name, SONAME or file. */
    public static final How ALREADY_LOADED = of("ALREADY_LOADED");
    /** The name holds a slash: opened as given, no search. */
    public static final How DIRECT = of("DIRECT");
    /** ELF {@code DT_RPATH} of the requester or of one of its loaders. */
    public static final How RPATH = of("RPATH");
    /** The {@code LD_LIBRARY_PATH} environment variable. */
    public static final How LD_LIBRARY_PATH = of("LD_LIBRARY_PATH");
    /** ELF {@code DT_RUNPATH} of the requester. */
    public static final How RUNPATH = of("RUNPATH");
    /** glibc's {@code ld.so.cache}. */
    public static final How LD_SO_CACHE = of("LD_SO_CACHE");
    /** musl's {@code /etc/ld-musl-ARCH.path} file. */
    public static final How MUSL_PATH_FILE = of("MUSL_PATH_FILE");
    /** The loader's built-in default directories. */
    public static final How DEFAULT = of("DEFAULT");
    /** dyld {@code @loader_path}. */
    public static final How LOADER_PATH = of("LOADER_PATH");
    /** dyld {@code @executable_path}. */
    public static final How EXECUTABLE_PATH = of("EXECUTABLE_PATH");
    /** dyld {@code DYLD_LIBRARY_PATH}. */
    public static final How DYLD_LIBRARY_PATH = of("DYLD_LIBRARY_PATH");
    /** dyld {@code DYLD_FALLBACK_LIBRARY_PATH} (or its default). */
    public static final How FALLBACK = of("FALLBACK");
    /** dyld {@code DYLD_FRAMEWORK_PATH}: a directory joined with the framework-relative part of the name. */
    public static final How DYLD_FRAMEWORK_PATH = of("DYLD_FRAMEWORK_PATH");
    /** dyld {@code DYLD_FALLBACK_FRAMEWORK_PATH} (or its default), with the framework-relative part of the name. */
    public static final How FALLBACK_FRAMEWORK = of("FALLBACK_FRAMEWORK");
    /** A macOS system library that exists only inside the dyld shared cache: assumed present. */
    public static final How SHARED_CACHE = of("SHARED_CACHE");
    /** Windows: the directory of the application (the executable). */
    public static final How APP_DIR = of("APP_DIR");
    /** Windows: the directory of the DLL being loaded ({@code LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR}). */
    public static final How DLL_LOAD_DIR = of("DLL_LOAD_DIR");
    /** Windows: the system directory. */
    public static final How SYSTEM32 = of("SYSTEM32");
    /** Windows: a KnownDLL, always taken from the system directory. */
    public static final How KNOWN_DLL = of("KNOWN_DLL");
    /** Windows: an API-set contract name, resolved virtually by the loader. */
    public static final How API_SET = of("API_SET");
    /** Windows: the current directory. */
    public static final How CURRENT_DIR = of("CURRENT_DIR");
    /** Windows: a {@code PATH} directory. */
    public static final How PATH = of("PATH");
    /** Not found anywhere; {@link DependencyNode#tried()} lists every place. */
    public static final How NOT_FOUND = of("NOT_FOUND");

    /** Rejects null components. */
    public How {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(via, "via");
    }

    /**

     * {@return a kind with no image}

     *

     * @param kind the kind name

     */
    public static How of(String kind) {
        return new How(kind, Optional.empty());
    }

    /**

     * {@return an {@code @rpath} match through the {@code LC_RPATH} of {@code image}}

     *

     * @param image the image's path

     */
    public static How rpathVia(String image) {
        return new How("RPATH_VIA", Optional.of(image));
    }

    /**

     * {@return true when this is the kind {@code other} names, whatever the image}

     *

     * @param other a kind

     */
    public boolean is(How other) {
        return kind.equals(other.kind);
    }

    @Override
    public String toString() {
        return via.map(v -> kind + "(" + v + ")").orElse(kind);
    }
}
