package dev.nativeload.spi;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * The raw facts of one failed operating-system call, before any interpretation.
 *
 * @param call    the call that failed, e.g. {@code "dlopen"} or {@code "LoadLibraryExW"}
 * @param code    the error number the OS left: {@code errno} on POSIX (empty when it was 0, as
 *                glibc's dlopen leaves it), {@code GetLastError()} on Windows
 * @param message the loader's own text: {@code dlerror()} on POSIX, {@code FormatMessageW} on Windows
 */
public record OsError(String call, OptionalInt code, String message) {
    /** Checks the components: none may be null. */
    public OsError {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return call + " failed" + (code.isPresent() ? " (code " + code.getAsInt() + ")" : "") + ": " + message;
    }
}
