package dev.nativeload.internal.diagnose;

/** Small pieces of advice text shared by the classifiers. */
final class Hints {
    private Hints() {
    }

    /** {@return the last element of a path or a bare name, for either separator} */
    static String baseName(String pathOrName) {
        int slash = Math.max(pathOrName.lastIndexOf('/'), pathOrName.lastIndexOf('\\'));
        return slash >= 0 ? pathOrName.substring(slash + 1) : pathOrName;
    }

    /** {@return what to do about a dependency that was not found} */
    static String missingDependency(String dependency) {
        return "install the package that provides " + dependency + ", or put it next to the library (RUNPATH $ORIGIN) "
                + "or on LD_LIBRARY_PATH; `nativeload tree <library>` shows the whole tree";
    }
}
