package dev.nativeload;

import dev.nativeload.spi.NativeAccess;
import java.util.ServiceLoader;

/** Finds the {@link NativeAccess} service once: loader-ffm's, unless a test or an embedder supplies another. */
final class NativeAccessLookup {
    private NativeAccessLookup() {
    }

    private static final class Holder {
        static final NativeAccess ACCESS = find();
    }

    static NativeAccess get() {
        return Holder.ACCESS;
    }

    private static NativeAccess find() {
        ClassLoader loader = NativeAccessLookup.class.getClassLoader();
        for (NativeAccess access : ServiceLoader.load(NativeAccess.class, loader)) {
            if (access.isSupported()) {
                return access;
            }
        }
        for (NativeAccess access : ServiceLoader.load(NativeAccess.class)) {
            if (access.isSupported()) {
                return access;
            }
        }
        throw new IllegalStateException("no NativeAccess implementation for this OS on the class or module path: "
                + "add the dev.nativeload:loader-ffm dependency");
    }
}
