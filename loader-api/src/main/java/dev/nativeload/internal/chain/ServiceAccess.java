package dev.nativeload.internal.chain;

import dev.nativeload.spi.NativeAccess;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The one search for the {@link NativeAccess} service. First the bundled boundary, loader-ffm's, when
 * this library's class loader sees it: its class is initialised by name and its initialiser
 * {@linkplain #offer offers} its provider here, the way a JDBC driver registers itself. Then what
 * {@link ServiceLoader} finds through this library's class loader and the thread's context class loader.
 * The facade turns its absence, or a provider that fails to start, into a typed set-up failure; a step
 * built without a boundary (tests, benchmarks) uses {@link #find()}.
 *
 * <p>Why not {@link ServiceLoader} alone: in a new JVM it costs about 20 ms before the first load
 * (reading {@code META-INF/services} through jar URL connections, then a reflective constructor
 * call that spins method handles); initialising a known class costs under 1 ms
 * ({@code benchmarks/startup.sh load}). The result is the same object: loader-ffm's one provider.
 */
public final class ServiceAccess {
    /** The bundled boundary's class, whose initialiser calls {@link #offer}. */
    static final String BUNDLED = "dev.nativeload.ffm.FfmNativeAccess";

    private static volatile NativeAccess offered;

    private ServiceAccess() {
    }

    private static final class Holder {
        static final Optional<NativeAccess> FOUND = lookUp();
    }

    /**
     * Receives the bundled boundary's provider; called by {@value #BUNDLED}'s class initialiser only.
     *
     * @param access loader-ffm's provider
     */
    public static void offer(NativeAccess access) {
        offered = access;
    }

    /**
     * {@return the first supported implementation, or empty when none is on the class or module path}
     *
     * @throws java.util.ServiceConfigurationError if a provider fails to start (native access denied to it)
     * @throws ExceptionInInitializerError if the bundled boundary fails to start
     */
    public static Optional<NativeAccess> lookUp() {
        NativeAccess bundled = bundled();
        if (bundled != null && bundled.isSupported()) {
            return Optional.of(bundled);
        }
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

    /** {@return loader-ffm's provider when this library's class loader sees it, else null} */
    private static NativeAccess bundled() {
        try {
            Class.forName(BUNDLED, true, ServiceAccess.class.getClassLoader());
        } catch (ClassNotFoundException absent) {
            return null;
        }
        return offered;
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
