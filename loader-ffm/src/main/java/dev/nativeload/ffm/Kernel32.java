package dev.nativeload.ffm;

import dev.nativeload.ffm.generated.windows._SYSTEM_INFO;
import dev.nativeload.ffm.generated.windows.windows_h;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The idiomatic layer over jextract's bindings of {@code kernel32.dll} ({@link windows_h}, generated
 * from mingw-w64's {@code <windows.h>} by {@code scripts/jextract.sh}, {@code DWORD} as a Java
 * {@code int}): the calls whose {@code GetLastError()} matters get it captured by the linker as
 * they return (an option jextract does not emit, added here to the generated descriptor and
 * address); the others are the generated methods.
 *
 * <p>Nothing here is touched off Windows: {@link windows_h} opens {@code kernel32} when it
 * initializes, and the {@code GetLastError} capture option exists only there. The
 * {@code LOAD_LIBRARY_SEARCH_*} and {@code FORMAT_MESSAGE_*} constants, used by {@link WindowsText} on
 * every host, are generated from the same header into a package of their own that opens no library
 * ({@link dev.nativeload.ffm.generated.windows.constants.windows_h}).
 */
@SuppressWarnings("restricted") // this module is the native boundary; run with --enable-native-access
final class Kernel32 {
    private Kernel32() {
    }

    private static final class Lib {
        static final Linker.Option LAST_ERROR = Linker.Option.captureCallState("GetLastError");
        static final VarHandle LAST_ERROR_VALUE = Scratch.stateHandle("GetLastError");

        /** The generated function at {@code address} with {@code descriptor}, capturing {@code GetLastError()}. */
        static MethodHandle capturing(MemorySegment address, java.lang.foreign.FunctionDescriptor descriptor) {
            return Linker.nativeLinker().downcallHandle(address, descriptor, LAST_ERROR);
        }
    }

    /** {@return the {@code GetLastError()} the last capturing call on this thread left in {@code scratch}} @param scratch this thread's scratch */
    static int lastError(Scratch scratch) {
        return scratch.captured(Lib.LAST_ERROR_VALUE);
    }

    private static final class LoadLibraryExW$ {
        static final MethodHandle HANDLE = Lib.capturing(windows_h.LoadLibraryExW$address(), windows_h.LoadLibraryExW$descriptor());
    }

    /**
     * {@snippet lang=c :
     * HMODULE LoadLibraryExW(LPCWSTR lpLibFileName, HANDLE hFile, DWORD dwFlags);
     * }
     * The first argument receives the captured {@code GetLastError()}.
     */
    static MemorySegment LoadLibraryExW(MemorySegment callState, MemorySegment fileName, MemorySegment file, int flags) {
        try {
            return (MemorySegment) LoadLibraryExW$.HANDLE.invokeExact(callState, fileName, file, flags);
        } catch (Throwable t) {
            throw Downcall.rethrow(t);
        }
    }

    /** {@return {@code GetProcAddress(module, procName)}, through the generated binding} @param module a module handle @param procName a C string */
    static MemorySegment GetProcAddress(MemorySegment module, MemorySegment procName) {
        return windows_h.GetProcAddress(module, procName);
    }

    private static final class FreeLibrary$ {
        static final MethodHandle HANDLE = Lib.capturing(windows_h.FreeLibrary$address(), windows_h.FreeLibrary$descriptor());
    }

    /**
     * {@snippet lang=c :
     * BOOL FreeLibrary(HMODULE hLibModule);
     * }
     * The first argument receives the captured {@code GetLastError()}.
     */
    static int FreeLibrary(MemorySegment callState, MemorySegment module) {
        try {
            return (int) FreeLibrary$.HANDLE.invokeExact(callState, module);
        } catch (Throwable t) {
            throw Downcall.rethrow(t);
        }
    }

    /**
     * {@return {@code FormatMessageW(...)}, through the generated binding: the length of the text written}
     *
     * @param flags      {@code FORMAT_MESSAGE_*}
     * @param source     {@code lpSource}
     * @param messageId  the error code
     * @param languageId 0 for the default
     * @param buffer     receives UTF-16 text
     * @param size       the buffer's size in chars
     * @param arguments  {@code va_list *}, NULL with {@code FORMAT_MESSAGE_IGNORE_INSERTS}
     */
    static int FormatMessageW(int flags, MemorySegment source, int messageId, int languageId, MemorySegment buffer,
                              int size, MemorySegment arguments) {
        return windows_h.FormatMessageW(flags, source, messageId, languageId, buffer, size, arguments);
    }

    private static final class GetModuleFileNameW$ {
        static final MethodHandle HANDLE = Lib.capturing(windows_h.GetModuleFileNameW$address(),
                windows_h.GetModuleFileNameW$descriptor());
    }

    /**
     * {@snippet lang=c :
     * DWORD GetModuleFileNameW(HMODULE hModule, LPWSTR lpFilename, DWORD nSize);
     * }
     * The first argument receives the captured {@code GetLastError()}.
     */
    static int GetModuleFileNameW(MemorySegment callState, MemorySegment module, MemorySegment fileName, int size) {
        try {
            return (int) GetModuleFileNameW$.HANDLE.invokeExact(callState, module, fileName, size);
        } catch (Throwable t) {
            throw Downcall.rethrow(t);
        }
    }

    private static final class SetDefaultDllDirectories$ {
        static final MethodHandle HANDLE = Lib.capturing(windows_h.SetDefaultDllDirectories$address(),
                windows_h.SetDefaultDllDirectories$descriptor());
    }

    /**
     * {@snippet lang=c :
     * BOOL SetDefaultDllDirectories(DWORD DirectoryFlags);
     * }
     * Process-wide; nativeload never calls it on its own. The first argument receives {@code GetLastError()}.
     */
    static int SetDefaultDllDirectories(MemorySegment callState, int directoryFlags) {
        try {
            return (int) SetDefaultDllDirectories$.HANDLE.invokeExact(callState, directoryFlags);
        } catch (Throwable t) {
            throw Downcall.rethrow(t);
        }
    }

    private static final class AddDllDirectory$ {
        static final MethodHandle HANDLE = Lib.capturing(windows_h.AddDllDirectory$address(),
                windows_h.AddDllDirectory$descriptor());
    }

    /**
     * {@snippet lang=c :
     * DLL_DIRECTORY_COOKIE AddDllDirectory(PCWSTR NewDirectory);
     * }
     * The first argument receives the captured {@code GetLastError()}.
     */
    static MemorySegment AddDllDirectory(MemorySegment callState, MemorySegment newDirectory) {
        try {
            return (MemorySegment) AddDllDirectory$.HANDLE.invokeExact(callState, newDirectory);
        } catch (Throwable t) {
            throw Downcall.rethrow(t);
        }
    }

    /** {@code sizeof(SYSTEM_INFO)}, from the generated layout (48 bytes on 64-bit Windows). */
    static final long SYSTEM_INFO_SIZE = _SYSTEM_INFO.sizeof();
    /** {@code offsetof(SYSTEM_INFO, dwPageSize)}, from the generated layout. */
    static final long SYSTEM_INFO_PAGE_SIZE = _SYSTEM_INFO.dwPageSize$offset();

    /**
     * Fills a {@code SYSTEM_INFO}, through the generated binding.
     *
     * @param systemInfo at least {@link #SYSTEM_INFO_SIZE} bytes
     */
    static void GetSystemInfo(MemorySegment systemInfo) {
        windows_h.GetSystemInfo(systemInfo);
    }
}
