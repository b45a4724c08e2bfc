package dev.nativeload.ffm;

import dev.nativeload.binary.TargetOs;
import dev.nativeload.internal.chain.ServiceAccess;
import dev.nativeload.platform.Host;
import dev.nativeload.spi.NativeAccess;

/**
 * The {@link NativeAccess} service of this module: {@code LoadLibraryExW} and friends on Windows,
 * {@code dlopen} and friends everywhere else. loader-api initialises this class by name, and its
 * initialiser offers the provider there ({@code ServiceAccess}); where loader-api's class loader does
 * not see this module, {@link java.util.ServiceLoader} finds it through {@link #provider()}.
 *
 * <p>The process needs native access for this module: {@code --enable-native-access=dev.nativeload.ffm}
 * (or {@code ALL-UNNAMED} on the class path).
 */
public final class FfmNativeAccess {
    static {
        // loader-api initialises this class by name before it turns to ServiceLoader (ServiceAccess).
        ServiceAccess.offer(provider());
    }

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
