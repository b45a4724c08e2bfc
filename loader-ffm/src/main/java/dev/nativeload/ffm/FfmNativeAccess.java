package dev.nativeload.ffm;

import dev.nativeload.binary.TargetOs;
import dev.nativeload.internal.chain.ServiceAccess;
import dev.nativeload.platform.Host;
import dev.nativeload.spi.NativeAccess;
import java.lang.foreign.MemorySegment;

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
    /**
     * The one boundary of this process. A field of this class, not of a holder: whoever asks first,
     * loader-api by name or {@link java.util.ServiceLoader} through {@link #provider()}, initialises
     * this class either way.
     */
    private static final NativeAccess ACCESS = forOs(Host.osFromJvm(System.getProperty("os.name")));

    static {
        // loader-api initialises this class by name before it turns to ServiceLoader (ServiceAccess).
        ServiceAccess.offer(ACCESS);
    }

    private FfmNativeAccess() {
    }

    /** {@return the one {@link NativeAccess} for this host; the service-loader entry point} */
    public static NativeAccess provider() {
        return ACCESS;
    }

    /**
     * {@return a {@link NativeAccess} for an operating system}: Windows gets the
     * {@code kernel32} one, every other OS the {@code dlfcn} one (check {@link NativeAccess#isSupported()}).
     *
     * @param os the operating system
     */
    static NativeAccess forOs(TargetOs os) {
        requireNativeAccess();
        return os == TargetOs.WINDOWS ? new WindowsNativeAccess() : new PosixNativeAccess(os);
    }

    /**
     * Makes a restricted call on purpose, one that does nothing else ({@code reinterpret} of NULL to
     * zero bytes), so that a JVM that denies this module native access
     * ({@code --illegal-native-access=deny} without {@code --enable-native-access}) refuses here, while
     * loader-api looks the boundary up and reports the refusal as a set-up failure with its fix
     * ({@code SETUP_INCOMPLETE}), and not at the first downcall, in the middle of a load. Nothing else
     * made at construction is restricted: the bindings are made when first called.
     */
    @SuppressWarnings("restricted")
    private static void requireNativeAccess() {
        MemorySegment.NULL.reinterpret(0);
    }
}
