package dev.nativeload.bench;

import dev.nativeload.OpenMode;
import dev.nativeload.ffm.FfmNativeAccess;
import dev.nativeload.platform.Host;
import dev.nativeload.spi.LibraryHandle;
import dev.nativeload.spi.MountFlags;
import dev.nativeload.spi.NativeAccess;
import dev.nativeload.spi.OpenResult;
import dev.nativeload.spi.OsError;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Makes loader-ffm's {@link NativeAccess} findable by {@link java.util.ServiceLoader} on the class
 * path, where the benchmark jar runs. loader-ffm registers its provider in its module descriptor
 * only ({@code provides ... with FfmNativeAccess}, a static {@code provider()} method), which the
 * class path ignores; a {@code META-INF/services} entry needs a public class with a public no-arg
 * constructor. Every call goes straight to {@link FfmNativeAccess#provider()}; the JIT inlines the
 * extra hop. Remove this class once loader-ffm ships a class-path service entry of its own.
 */
public final class ClassPathNativeAccess implements NativeAccess {
    private final NativeAccess delegate = FfmNativeAccess.provider();

    /** Creates the adapter; {@link java.util.ServiceLoader} calls this. */
    public ClassPathNativeAccess() {
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public boolean isSupported() {
        return delegate.isSupported();
    }

    @Override
    public OpenResult open(String target, OpenMode mode) {
        return delegate.open(target, mode);
    }

    @Override
    public Optional<MemorySegment> symbol(LibraryHandle library, String name) {
        return delegate.symbol(library, name);
    }

    @Override
    public Optional<Path> loadedPath(LibraryHandle library) {
        return delegate.loadedPath(library);
    }

    @Override
    public Optional<OsError> close(LibraryHandle library) {
        return delegate.close(library);
    }

    @Override
    public Host host() {
        return delegate.host();
    }

    @Override
    public String errorText(int code) {
        return delegate.errorText(code);
    }

    @Override
    public Optional<MountFlags> mountFlags(Path directory) {
        return delegate.mountFlags(directory);
    }
}
