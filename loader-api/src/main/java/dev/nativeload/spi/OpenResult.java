package dev.nativeload.spi;

/** What one attempt to open a library returned: a handle, or the OS's raw error. */
public sealed interface OpenResult {
    /** @param handle the new handle; the caller owns one reference to it */
    record Opened(LibraryHandle handle) implements OpenResult {
    }

    /** @param error the OS's raw error facts */
    record Failed(OsError error) implements OpenResult {
    }
}
