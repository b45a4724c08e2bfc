package dev.nativeload.failure;

import dev.nativeload.FailureKind;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The explanation of one failed or skipped attempt: the cause as a kind, the OS's own words,
 * what they really mean here, and what to do about it.
 *
 * @param kind       the cause
 * @param osMessage  what the OS said, verbatim ({@code dlerror()}, {@code FormatMessageW}), or empty
 *                   when the attempt was skipped before calling the OS
 * @param errno      the symbolic error name, where one applies ({@code ENOEXEC}, {@code ELOOP})
 * @param osCode     the raw number: {@code errno} or a Windows system error code
 * @param cause      the real cause in plain words, e.g. "libfoo.so is built for aarch64, this JVM is x86_64"
 * @param hint       one thing a person can do about it
 * @param dependency the missing or too-old dependency, where one is to blame
 * @param neededBy   the library that needs {@code dependency}
 * @param symbol     the undefined or missing symbol
 * @param version    the missing symbol version, e.g. {@code GLIBC_2.38}
 */
public record Diagnosis(
        FailureKind kind,
        Optional<String> osMessage,
        Optional<Errno> errno,
        OptionalInt osCode,
        String cause,
        String hint,
        Optional<String> dependency,
        Optional<String> neededBy,
        Optional<String> symbol,
        Optional<String> version) {

    public Diagnosis {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(osMessage, "osMessage");
        Objects.requireNonNull(errno, "errno");
        Objects.requireNonNull(osCode, "osCode");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(hint, "hint");
        Objects.requireNonNull(dependency, "dependency");
        Objects.requireNonNull(neededBy, "neededBy");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(version, "version");
    }

    /**
     * {@return a diagnosis with only a kind, a cause and a hint}
     *
     * @param kind  the cause
     * @param cause the cause in plain words
     * @param hint  what to do
     */
    public static Diagnosis of(FailureKind kind, String cause, String hint) {
        return new Diagnosis(kind, Optional.empty(), Optional.empty(), OptionalInt.empty(), cause, hint,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** {@return this diagnosis with the OS's message and error number attached} @param message the OS text @param name the symbolic name @param code the raw number */
    public Diagnosis withOs(String message, Optional<Errno> name, OptionalInt code) {
        return new Diagnosis(kind, Optional.ofNullable(message), name, code, cause, hint, dependency, neededBy, symbol, version);
    }

    /** {@return this diagnosis naming a dependency and who needs it} @param dep the dependency @param by who needs it */
    public Diagnosis withDependency(String dep, String by) {
        return new Diagnosis(kind, osMessage, errno, osCode, cause, hint, Optional.ofNullable(dep), Optional.ofNullable(by), symbol, version);
    }

    /** {@return this diagnosis naming a symbol and, optionally, its version} @param sym the symbol @param ver its version, or null */
    public Diagnosis withSymbol(String sym, String ver) {
        return new Diagnosis(kind, osMessage, errno, osCode, cause, hint, dependency, neededBy, Optional.ofNullable(sym), Optional.ofNullable(ver));
    }
}
