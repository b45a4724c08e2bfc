package dev.nativeload.ffm;

import dev.nativeload.ffm.generated.windows.constants.windows_h;

import dev.nativeload.spi.OpenMode;
import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.binary.TargetOs;
import dev.nativeload.platform.Host;
import dev.nativeload.platform.HostProbe;
import dev.nativeload.spi.LibraryHandle;
import dev.nativeload.spi.NativeAccess.MountFlags;
import dev.nativeload.spi.NativeAccess;
import dev.nativeload.spi.OpenResult;
import dev.nativeload.spi.OsError;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@link NativeAccess} for Windows through {@code LoadLibraryExW}/{@code GetProcAddress}/
 * {@code FreeLibrary}, with {@code GetLastError()} captured by the linker right as each call
 * returns and its text from {@code FormatMessageW}.
 */
final class WindowsNativeAccess implements NativeAccess {
    /** {@code GetModuleFileNameW} never needs more: the longest extended-length path. */
    private static final int MAX_PATH_CHARS = 32_768;
    private static final int MESSAGE_CHARS = 1024;

    private volatile Host host;

    @Override
    public String name() {
        return "ffm-windows";
    }

    @Override
    public boolean isSupported() {
        return Host.osFromJvm(System.getProperty("os.name")) == TargetOs.WINDOWS;
    }

    @Override
    public OpenResult open(String target, OpenMode mode) {
        Objects.requireNonNull(mode, "mode");
        String file = WindowsText.loadTarget(Objects.requireNonNull(target, "target"));
        Scratch scratch = Scratch.current();
        MemorySegment wide = scratch.wideString(file);
        if (wide == null) {
            throw new IllegalArgumentException("a library name cannot contain a NUL character: " + target.replace("\0", "\\0"));
        }
        MemorySegment module = Kernel32.LoadLibraryExW(scratch.callState(), wide, MemorySegment.NULL,
                WindowsText.loadFlags(target));
        if (module.address() != 0) {
            return new OpenResult.Opened(new LibraryHandle(module));
        }
        int code = Kernel32.lastError(scratch);
        return new OpenResult.Failed(new OsError("LoadLibraryExW", OptionalInt.of(code), errorText(code)));
    }

    @Override
    public Optional<MemorySegment> symbol(LibraryHandle library, String name, Arena scope) {
        MemorySegment cName = Scratch.current().cString(name);
        if (cName == null) {
            return Optional.empty();
        }
        MemorySegment address = Kernel32.GetProcAddress(library.address(), cName);
        return address.address() == 0 ? Optional.empty() : Optional.of(address.reinterpret(scope, null));
    }

    @Override
    public Optional<Path> loadedPath(LibraryHandle library) {
        Scratch scratch = Scratch.current();
        for (int chars = 260; chars <= MAX_PATH_CHARS; chars *= 2) {
            MemorySegment buffer = scratch.text(2L * chars);
            int length = Kernel32.GetModuleFileNameW(scratch.callState(), library.address(), buffer, chars);
            if (length == 0) {
                return Optional.empty();
            }
            // A result filling the whole buffer means truncated (ERROR_INSUFFICIENT_BUFFER): grow and ask again.
            if (length < chars) {
                return Optional.of(Path.of(Scratch.readWide(buffer, length)));
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<OsError> close(LibraryHandle library) {
        Scratch scratch = Scratch.current();
        if (Kernel32.FreeLibrary(scratch.callState(), library.address()) != 0) {
            return Optional.empty();
        }
        int code = Kernel32.lastError(scratch);
        return Optional.of(new OsError("FreeLibrary", OptionalInt.of(code), errorText(code)));
    }

    @Override
    public Host host() {
        Host h = host;
        if (h == null) {
            h = HostProbe.probe(new HostProbe.OsQueries() {
                @Override
                public Optional<String> glibcVersion() {
                    return Optional.empty();
                }

                @Override
                public long pageSize() {
                    return WindowsNativeAccess.pageSize();
                }

                @Override
                public boolean translated() {
                    return false;
                }
            });
            host = h;
        }
        return h;
    }

    private static long pageSize() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment info = arena.allocate(Kernel32.SYSTEM_INFO_SIZE, 8);
            Kernel32.GetSystemInfo(info);
            return Integer.toUnsignedLong(info.get(ValueLayout.JAVA_INT, Kernel32.SYSTEM_INFO_PAGE_SIZE));
        }
    }

    @Override
    public String errorText(int code) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(2L * MESSAGE_CHARS, 8);
            int length = Kernel32.FormatMessageW(windows_h.FORMAT_MESSAGE_FROM_SYSTEM() | windows_h.FORMAT_MESSAGE_IGNORE_INSERTS(),
                    MemorySegment.NULL, code, 0, buffer, MESSAGE_CHARS, MemorySegment.NULL);
            if (length == 0) {
                return "Unknown error " + Integer.toUnsignedString(code);
            }
            return WindowsText.trimMessage(Scratch.readWide(buffer, length));
        }
    }

    /** Windows has no noexec mounts; the flags are not read there. */
    @Override
    public Optional<MountFlags> mountFlags(Path directory) {
        return Optional.empty();
    }
}
