package dev.nativeload.spi;

/**
 * How the dynamic loader binds a library's symbols and whom it shows them to.
 *
 * <p>The default, {@link #DEFAULT}, is {@code RTLD_NOW | RTLD_LOCAL}: a missing symbol fails the
 * load with a clear message instead of crashing at the first call, and the library's symbols do
 * not leak into the global namespace. Windows has no such modes; they are ignored there.
 *
 * @param binding    when undefined functions are resolved
 * @param visibility whether the library's symbols resolve later loads' references
 */
public record OpenMode(Binding binding, Visibility visibility) {
    /** {@code RTLD_NOW | RTLD_LOCAL}. */
    public static final OpenMode DEFAULT = new OpenMode(Binding.NOW, Visibility.LOCAL);

    /**
     * {@return a hash of the components, written out}: the record's generated one bootstraps
     * {@code ObjectMethods} on first use, tens of milliseconds in a new JVM, and every first load
     * hashes its loader's mode.
     */
    @Override
    public int hashCode() {
        return 31 * binding.hashCode() + visibility.hashCode();
    }

    /** When function references are resolved. */
    public enum Binding {
        /** {@code RTLD_NOW}: at load time; a missing symbol fails the load. */
        NOW,
        /** {@code RTLD_LAZY}: at each function's first call. */
        LAZY
    }

    /** Who sees the library's symbols. */
    public enum Visibility {
        /** {@code RTLD_LOCAL}: only this library's own dependents. */
        LOCAL,
        /** {@code RTLD_GLOBAL}: every library loaded afterwards. */
        GLOBAL
    }

    /** Checks the components: none may be null. */
    public OpenMode {
        java.util.Objects.requireNonNull(binding, "binding");
        java.util.Objects.requireNonNull(visibility, "visibility");
    }
}
