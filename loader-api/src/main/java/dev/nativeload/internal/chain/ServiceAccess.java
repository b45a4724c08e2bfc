package dev.nativeload.internal.chain;

import dev.nativeload.spi.NativeAccess;
import java.util.ServiceLoader;

/** The {@link NativeAccess} a step uses when none is given: the first supported one {@link ServiceLoader} finds. */
final class ServiceAccess {
    private ServiceAccess() {
    }

    private static final class Holder {
        static final NativeAccess FOUND = lookUp();
    }

    /**
     * {@return the first supported implementation on this class loader's path, then on the context's}
     *
     * @throws IllegalStateException if there is none
     */
    static NativeAccess find() {
        return Holder.FOUND;
    }

    private static NativeAccess lookUp() {
        for (ClassLoader loader : new ClassLoader[] {ServiceAccess.class.getClassLoader(), Thread.currentThread().getContextClassLoader()}) {
            for (NativeAccess access : ServiceLoader.load(NativeAccess.class, loader)) {
                if (access.isSupported()) {
                    return access;
                }
            }
        }
        throw new IllegalStateException("no NativeAccess implementation for this OS on the class or module path: add loader-ffm");
    }
}
