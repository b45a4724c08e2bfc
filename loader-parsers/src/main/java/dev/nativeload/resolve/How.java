package dev.nativeload.resolve;

import java.util.Objects;
import java.util.Optional;

/**
 * How a dependency was found, or that it was not: the search {@link #step()}, and for dyld's
 * {@code @rpath} the image whose {@code LC_RPATH} supplied the directory ({@link #via()}).
 *
 * @param step the search step that produced the path, such as {@link Step#RUNPATH}
 * @param via  for {@code @rpath} names, the image (its path) whose run path matched
 */
public record How(Step step, Optional<String> via) {
    /** The search steps of the loaders emulated here: a closed set, as libtree's {@code how_t}. */
    public enum Step {
        /** The file the caller asked about. */
        INPUT,
        /** An object already in the process under this name, SONAME or file. */
        ALREADY_LOADED,
        /** The name holds a slash: opened as given, no search. */
        DIRECT,
        /** ELF {@code DT_RPATH} of the requester or of one of its loaders. */
        RPATH,
        /** The {@code LD_LIBRARY_PATH} environment variable. */
        LD_LIBRARY_PATH,
        /** ELF {@code DT_RUNPATH} of the requester. */
        RUNPATH,
        /** glibc's {@code ld.so.cache}. */
        LD_SO_CACHE,
        /** musl's {@code /etc/ld-musl-ARCH.path} file. */
        MUSL_PATH_FILE,
        /** The loader's built-in default directories. */
        DEFAULT,
        /** dyld {@code @loader_path}. */
        LOADER_PATH,
        /** dyld {@code @executable_path}. */
        EXECUTABLE_PATH,
        /** dyld {@code DYLD_LIBRARY_PATH}. */
        DYLD_LIBRARY_PATH,
        /** dyld {@code DYLD_FALLBACK_LIBRARY_PATH} (or its default). */
        FALLBACK,
        /** dyld {@code DYLD_FRAMEWORK_PATH}: a directory joined with the framework-relative part of the name. */
        DYLD_FRAMEWORK_PATH,
        /** dyld {@code DYLD_FALLBACK_FRAMEWORK_PATH} (or its default), with the framework-relative part of the name. */
        FALLBACK_FRAMEWORK,
        /** A macOS system library that exists only inside the dyld shared cache: assumed present. */
        SHARED_CACHE,
        /** Windows: the directory of the application (the executable). */
        APP_DIR,
        /** Windows: the directory of the DLL being loaded ({@code LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR}). */
        DLL_LOAD_DIR,
        /** Windows: the system directory. */
        SYSTEM32,
        /** Windows: a KnownDLL, always taken from the system directory. */
        KNOWN_DLL,
        /** Windows: an API-set contract name, resolved virtually by the loader. */
        API_SET,
        /** Windows: the current directory. */
        CURRENT_DIR,
        /** Windows: a {@code PATH} directory. */
        PATH,
        /** Windows: the Windows directory. */
        WINDOWS_DIR,
        /** dyld {@code @rpath}: a directory from the {@code LC_RPATH} of the image {@link How#via()} names. */
        RPATH_VIA,
        /** Not found anywhere; {@link DependencyNode#tried()} lists every place. */
        NOT_FOUND
    }


    /** The file the caller asked about. */
    public static final How INPUT = of(Step.INPUT);
    /** An object already in the process under this name, SONAME or file. */
    public static final How ALREADY_LOADED = of(Step.ALREADY_LOADED);
    /** The name holds a slash: opened as given, no search. */
    public static final How DIRECT = of(Step.DIRECT);
    /** ELF {@code DT_RPATH} of the requester or of one of its loaders. */
    public static final How RPATH = of(Step.RPATH);
    /** The {@code LD_LIBRARY_PATH} environment variable. */
    public static final How LD_LIBRARY_PATH = of(Step.LD_LIBRARY_PATH);
    /** ELF {@code DT_RUNPATH} of the requester. */
    public static final How RUNPATH = of(Step.RUNPATH);
    /** glibc's {@code ld.so.cache}. */
    public static final How LD_SO_CACHE = of(Step.LD_SO_CACHE);
    /** musl's {@code /etc/ld-musl-ARCH.path} file. */
    public static final How MUSL_PATH_FILE = of(Step.MUSL_PATH_FILE);
    /** The loader's built-in default directories. */
    public static final How DEFAULT = of(Step.DEFAULT);
    /** dyld {@code @loader_path}. */
    public static final How LOADER_PATH = of(Step.LOADER_PATH);
    /** dyld {@code @executable_path}. */
    public static final How EXECUTABLE_PATH = of(Step.EXECUTABLE_PATH);
    /** dyld {@code DYLD_LIBRARY_PATH}. */
    public static final How DYLD_LIBRARY_PATH = of(Step.DYLD_LIBRARY_PATH);
    /** dyld {@code DYLD_FALLBACK_LIBRARY_PATH} (or its default). */
    public static final How FALLBACK = of(Step.FALLBACK);
    /** dyld {@code DYLD_FRAMEWORK_PATH}: a directory joined with the framework-relative part of the name. */
    public static final How DYLD_FRAMEWORK_PATH = of(Step.DYLD_FRAMEWORK_PATH);
    /** dyld {@code DYLD_FALLBACK_FRAMEWORK_PATH} (or its default), with the framework-relative part of the name. */
    public static final How FALLBACK_FRAMEWORK = of(Step.FALLBACK_FRAMEWORK);
    /** A macOS system library that exists only inside the dyld shared cache: assumed present. */
    public static final How SHARED_CACHE = of(Step.SHARED_CACHE);
    /** Windows: the directory of the application (the executable). */
    public static final How APP_DIR = of(Step.APP_DIR);
    /** Windows: the directory of the DLL being loaded ({@code LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR}). */
    public static final How DLL_LOAD_DIR = of(Step.DLL_LOAD_DIR);
    /** Windows: the system directory. */
    public static final How SYSTEM32 = of(Step.SYSTEM32);
    /** Windows: a KnownDLL, always taken from the system directory. */
    public static final How KNOWN_DLL = of(Step.KNOWN_DLL);
    /** Windows: an API-set contract name, resolved virtually by the loader. */
    public static final How API_SET = of(Step.API_SET);
    /** Windows: the current directory. */
    public static final How CURRENT_DIR = of(Step.CURRENT_DIR);
    /** Windows: a {@code PATH} directory. */
    public static final How PATH = of(Step.PATH);
    /** Not found anywhere; {@link DependencyNode#tried()} lists every place. */
    public static final How NOT_FOUND = of(Step.NOT_FOUND);

    public How {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(via, "via");
    }

    /** {@return a step with no image} @param step the step */
    public static How of(Step step) {
        return new How(step, Optional.empty());
    }

    /** {@return an {@code @rpath} match through the {@code LC_RPATH} of {@code image}} @param image the image's path */
    public static How rpathVia(String image) {
        return new How(Step.RPATH_VIA, Optional.of(image));
    }

    /** {@return true when this is the step {@code other} names, whatever the image} @param other a step */
    public boolean is(How other) {
        return step == other.step;
    }

    @Override
    public String toString() {
        return via.map(v -> step + "(" + v + ")").orElse(step.name());
    }
}
