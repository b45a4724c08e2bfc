package dev.nativeload.report;

import java.util.Objects;
import java.util.Optional;

/**
 * What a failure blames, where it blames something more precise than the library asked for: a
 * dependency, a symbol, or a symbol version a dependency lacks.
 */
public sealed interface Culprit {
    /**
     * A library the loaded one needs, which is missing or failed on its own.
     *
     * @param name     the dependency as the loader names it ({@code libbar.so.7}, {@code dep.dll})
     * @param neededBy the library whose dependency it is
     */
    record Dependency(String name, String neededBy) implements Culprit {
        public Dependency {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(neededBy, "neededBy");
        }
    }

    /**
     * A symbol that no loaded library defines, or that a lookup did not find.
     *
     * @param name    the symbol
     * @param version the symbol version it was asked for, if any ({@code GLIBC_2.38})
     */
    record Symbol(String name, Optional<String> version) implements Culprit {
        public Symbol {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
        }
    }

    /**
     * A symbol version that a dependency does not define: the dependency is too old.
     *
     * @param version  the missing version ({@code GLIBC_2.38}, {@code GLIBCXX_3.4.30})
     * @param file     the dependency that lacks it
     * @param neededBy the library that needs that version
     */
    record Version(String version, String file, String neededBy) implements Culprit {
        public Version {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(neededBy, "neededBy");
        }
    }
}
