package dev.nativeload.report;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The explanation of one failed or skipped attempt: the cause as a kind, the OS's own words,
 * what they really mean here, what to do about it, and what it blames.
 *
 * @param kind      the cause
 * @param osMessage what the OS said, verbatim ({@code dlerror()}, {@code FormatMessageW}), or empty
 *                  when the attempt was skipped before calling the OS
 * @param errno     the symbolic error name, where one applies ({@code ENOEXEC}, {@code ELOOP})
 * @param osCode    the raw number: {@code errno} or a Windows system error code
 * @param cause     the real cause in plain words, e.g. "libfoo.so is built for aarch64, this JVM is x86_64"
 * @param hint      one thing a person can do about it
 * @param culprit   the dependency, symbol or symbol version to blame, where one is
 */
public record Diagnosis(
        FailureKind kind,
        Optional<String> osMessage,
        Optional<Errno> errno,
        OptionalInt osCode,
        String cause,
        String hint,
        Optional<Culprit> culprit) {

    /** Checks the components: none may be null. */
    public Diagnosis {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(osMessage, "osMessage");
        Objects.requireNonNull(errno, "errno");
        Objects.requireNonNull(osCode, "osCode");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(hint, "hint");
        Objects.requireNonNull(culprit, "culprit");
    }

    /**
     * {@return a diagnosis with only a kind, a cause and a hint}
     *
     * @param kind  the cause
     * @param cause the cause in plain words
     * @param hint  what to do
     */
    public static Diagnosis of(FailureKind kind, String cause, String hint) {
        return new Diagnosis(kind, Optional.empty(), Optional.empty(), OptionalInt.empty(), cause, hint, Optional.empty());
    }

    /**
     * {@return this diagnosis with the OS's message and error number attached}
     *
     * @param message the OS text
     * @param name    the symbolic name, if known
     * @param code    the raw number, if any
     */
    public Diagnosis withOs(String message, Optional<Errno> name, OptionalInt code) {
        return new Diagnosis(kind, Optional.of(message), name, code, cause, hint, culprit);
    }

    /**
     * {@return this diagnosis blaming {@code blamed}}
     *
     * @param blamed the dependency, symbol or version
     */
    public Diagnosis withCulprit(Culprit blamed) {
        return new Diagnosis(kind, osMessage, errno, osCode, cause, hint, Optional.of(blamed));
    }

    /**
     * {@return this diagnosis blaming a dependency}
     *
     * @param dependency the dependency
     * @param neededBy   the library that needs it
     */
    public Diagnosis withDependency(String dependency, String neededBy) {
        return withCulprit(new Culprit.Dependency(dependency, neededBy));
    }

    /** {@return the blamed dependency's name (a dependency, or the file lacking a version)} */
    public Optional<String> dependency() {
        return culprit.flatMap(c -> switch (c) {
            case Culprit.Dependency d -> Optional.of(d.name());
            case Culprit.Version v -> Optional.of(v.file());
            case Culprit.Symbol s -> Optional.empty();
        });
    }

    /** {@return the library that needs the blamed dependency or version} */
    public Optional<String> neededBy() {
        return culprit.flatMap(c -> switch (c) {
            case Culprit.Dependency d -> Optional.of(d.neededBy());
            case Culprit.Version v -> Optional.of(v.neededBy());
            case Culprit.Symbol s -> Optional.empty();
        });
    }

    /** {@return the blamed symbol's name} */
    public Optional<String> symbol() {
        return culprit.flatMap(c -> c instanceof Culprit.Symbol s ? Optional.of(s.name()) : Optional.empty());
    }

    /** {@return the blamed symbol version ({@code GLIBC_2.38})} */
    public Optional<String> version() {
        return culprit.flatMap(c -> switch (c) {
            case Culprit.Symbol s -> s.version();
            case Culprit.Version v -> Optional.of(v.version());
            case Culprit.Dependency d -> Optional.empty();
        });
    }

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
            /** Checks the components: none may be null. */
            public Dependency {
                Objects.requireNonNull(name, "name");
                Objects.requireNonNull(neededBy, "neededBy");
            }
        }

        /**
         * A symbol that no loaded library defines, or that a lookup did not find.
         *
         * @param name         the symbol
         * @param version      the symbol version it was asked for, if any ({@code GLIBC_2.38})
         * @param referencedBy the object whose relocation references it (the library, or one of its
         *                     dependencies), where known
         */
        record Symbol(String name, Optional<String> version, Optional<String> referencedBy) implements Culprit {
            /** Checks the components: none may be null. */
            public Symbol {
                Objects.requireNonNull(name, "name");
                Objects.requireNonNull(version, "version");
                Objects.requireNonNull(referencedBy, "referencedBy");
            }

            /**
             * A symbol whose referencing object is not known (a lookup by name, a loader message without it).
             *
             * @param name    the symbol
             * @param version the symbol version it was asked for, if any
             */
            public Symbol(String name, Optional<String> version) {
                this(name, version, Optional.empty());
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
            /** Checks the components: none may be null. */
            public Version {
                Objects.requireNonNull(version, "version");
                Objects.requireNonNull(file, "file");
                Objects.requireNonNull(neededBy, "neededBy");
            }
        }
    }
}
