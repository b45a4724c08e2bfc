package dev.nativeload.ffm;

import dev.nativeload.binary.TargetOs;
import dev.nativeload.platform.Host;
import dev.nativeload.spi.NativeAccess;

/**
 * The {@link NativeAccess} service of this module, found by {@link java.util.ServiceLoader}
 * through {@link #provider()}: {@code LoadLibraryExW} and friends on Windows, {@code dlopen} and
 * friends everywhere else.
 *
 * <p>The process needs native access for this module: {@code --enable-native-access=dev.nativeload.ffm}
 * (or {@code ALL-UNNAMED} on the class path).
 */
public final class FfmNativeAccess {
    private FfmNativeAccess() {
    }

    private static final class Instance {
        static final NativeAccess ACCESS = forOs(Host.osFromJvm(System.getProperty("os.name")));
    }

    /** {@return the one {@link NativeAccess} for this host; the service-loader entry point} */
    public static NativeAccess provider() {
        return Instance.ACCESS;
    }

    /**
     * {@return a {@link NativeAccess} for an operating system}: Windows gets the
     * {@code kernel32} one, every other OS the {@code dlfcn} one (check {@link NativeAccess#isSupported()}).
     *
     * @param os the operating system
     */
    static NativeAccess forOs(TargetOs os) {
        return os == TargetOs.WINDOWS ? new WindowsNativeAccess() : new PosixNativeAccess(os);
    }
}
