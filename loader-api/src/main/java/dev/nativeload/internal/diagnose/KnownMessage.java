package dev.nativeload.internal.diagnose;

import dev.nativeload.report.FailureKind;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of the loader-message table: a message a platform loader gives when a load fails, and
 * what it means. The rows live in {@code loader-messages.tsv} beside this class; {@link MessageTable}
 * reads them.
 *
 * @param id       a stable name, e.g. {@code glibc.static-tls}
 * @param loader   which loader says it
 * @param kind     the cause it stands for, or empty when the OS error the message ends with decides
 * @param template the message with placeholders: {@code {obj}} (the object it is about), {@code {err}}
 *                 (a {@code strerror} text), {@code {sym}}, {@code {ver}}, {@code {by}} (who needs it),
 *                 {@code {n}} (a number), {@code {name}} (a name
 *                 without spaces, captured as {@code obj}) and {@code {any}}; for Windows, the error code in decimal
 * @param meaning  what it means, in plain words
 * @param hint     what to do about it
 * @param captures what each placeholder holds
 * @param source   where the loader's source says it (file and function)
 * @param here     {@code zoo2:<set-up>} when a test here produces it, else {@code no: <why not>}
 * @param sample   an example of the full message
 */
public record KnownMessage(String id, Loader loader, Optional<FailureKind> kind, String template, String meaning,
                           String hint, String captures, String source, String here, String sample) {

    /** The loaders the table covers. */
    public enum Loader {
        /** glibc 2.36's {@code ld.so}, through {@code dlerror()}. */
        GLIBC,
        /** musl 1.2.3's dynamic linker, through {@code dlerror()}. */
        MUSL,
        /** macOS dyld, through {@code dlerror()}. */
        DYLD,
        /** Windows {@code LoadLibraryExW}, through {@code GetLastError()}. */
        WINDOWS,
        /**
         * What the JVM and Java libraries (JNA, netty, sqlite-jdbc, ...) write around a failed load, as logs
         * show it: read by {@code nativeload explain}, never by the classifier of a load.
         */
        JAVA;

        /** {@return whether this loader's texts are a {@code dlerror()} string (glibc, musl, dyld)} */
        public boolean isPosix() {
            return this == GLIBC || this == MUSL || this == DYLD;
        }
    }

    /** Canonical constructor: every part is required. */
    public KnownMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(loader, "loader");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(meaning, "meaning");
        Objects.requireNonNull(hint, "hint");
        Objects.requireNonNull(captures, "captures");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(here, "here");
        Objects.requireNonNull(sample, "sample");
    }

    /** {@return the fixture set-up producing this message here, when there is one} */
    public Optional<String> producedBy() {
        return here.startsWith("zoo2:") ? Optional.of(here.substring("zoo2:".length())) : Optional.empty();
    }
}
