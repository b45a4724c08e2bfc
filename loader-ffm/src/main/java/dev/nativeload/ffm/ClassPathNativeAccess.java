package dev.nativeload.ffm;

import dev.nativeload.internal.os.FileDescriptors;

import dev.nativeload.spi.OpenMode;
import dev.nativeload.platform.Host;
import dev.nativeload.spi.LibraryHandle;
import dev.nativeload.spi.NativeAccess.MountFlags;
import dev.nativeload.spi.NativeAccess;
import dev.nativeload.spi.OpenResult;
import dev.nativeload.spi.OsError;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The service entry for the class path ({@code META-INF/services}), where {@link java.util.ServiceLoader}
 * needs a public no-argument constructor: every call goes to {@link FfmNativeAccess#provider()}.
 * On the module path the module's {@code provides} clause reaches the provider directly.
 */
public final class ClassPathNativeAccess implements NativeAccess, FileDescriptors {
    private final NativeAccess delegate = FfmNativeAccess.provider();

    /** Creates the entry; the real implementation is shared. */
    public ClassPathNativeAccess() {
        // The delegate is the one instance per JVM.
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
    public Optional<MemorySegment> symbol(LibraryHandle library, String name, Arena scope) {
        return delegate.symbol(library, name, scope);
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

    /**
     * {@return whether the process's global scope defines the symbol, as the provider answers it}
     *
     * @param name    the symbol's name
     * @param version the version the reference asks for, if any
     */
    @Override
    public Optional<Boolean> globalSymbolDefined(String name, Optional<String> version) {
        return delegate.globalSymbolDefined(name, version);
    }

    @Override
    public dev.nativeload.internal.os.FileOpenResult openNoFollow(Path file) {
        return FileDescriptors.of(delegate).openNoFollow(file);
    }

    @Override
    public java.util.OptionalInt effectiveUid() {
        return FileDescriptors.of(delegate).effectiveUid();
    }

    @Override
    public dev.nativeload.internal.os.LockFileResult openLockFile(Path file) {
        return FileDescriptors.of(delegate).openLockFile(file);
    }
}
