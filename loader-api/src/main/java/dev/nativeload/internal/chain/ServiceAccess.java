package dev.nativeload.internal.chain;

import dev.nativeload.spi.NativeAccess;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The one search for the {@link NativeAccess} service: the first supported implementation that
 * {@link ServiceLoader} finds through this library's class loader, then the thread's context class
 * loader. The facade turns its absence, or a provider that fails to start, into a typed set-up
 * failure; a step built without a boundary (tests, benchmarks) uses {@link #find()}.
 */
public final class ServiceAccess {
    private ServiceAccess() {
    }

    private static final class Holder {
        static final Optional<NativeAccess> FOUND = lookUp();
    }

    /**
     * {@return the first supported implementation, or empty when none is on the class or module path}
     *
     * @throws java.util.ServiceConfigurationError if a provider fails to start (native access denied to it)
     */
    public static Optional<NativeAccess> lookUp() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        for (ClassLoader loader : new ClassLoader[] {ServiceAccess.class.getClassLoader(), context}) {
            for (NativeAccess access : ServiceLoader.load(NativeAccess.class, loader)) {
                if (access.isSupported()) {
                    return Optional.of(access);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * {@return the implementation found once for this class loader}
     *
     * @throws IllegalStateException if there is none
     */
    static NativeAccess find() {
        return Holder.FOUND.orElseThrow(() -> new IllegalStateException(
                "no NativeAccess implementation for this OS on the class or module path: add dev.nativeload:loader-ffm"));
    }
}
