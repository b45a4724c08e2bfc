package dev.nativeload.spi;

/** What one attempt to open a library returned: a handle, or the OS's raw error. */
public sealed interface OpenResult {
    /**
     * The OS opened the library.
     *
     * @param handle the new handle; the caller owns one reference to it
     */
    record Opened(LibraryHandle handle) implements OpenResult {
    }

    /**
     * The OS refused it.
     *
     * @param error the OS's raw error facts
     */
    record Failed(OsError error) implements OpenResult {
    }
}
