package dev.nativeload.spi;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

/**
 * The operating system's handle of one opened library: a {@code dlopen} result or an
 * {@code HMODULE}. Opaque to everything but the {@link NativeAccess} that made it.
 *
 * @param address the handle's value
 */
public record LibraryHandle(MemorySegment address) {
    /** Checks the components: none may be null. */
    public LibraryHandle {
        Objects.requireNonNull(address, "address");
        if (address.equals(MemorySegment.NULL)) {
            throw new IllegalArgumentException("a library handle is never NULL");
        }
    }
}
