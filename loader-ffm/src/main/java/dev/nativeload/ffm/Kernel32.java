package dev.nativeload.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.VarHandle;

/**
 * Bindings of {@code kernel32.dll} ({@code <libloaderapi.h>}, {@code <winbase.h>},
 * {@code <errhandlingapi.h>}, {@code <sysinfoapi.h>}). {@code DWORD} and {@code BOOL} are 32-bit
 * {@code int}s; handles and strings are pointers; {@code LPCWSTR} is NUL-terminated UTF-16LE.
 *
 * <p>Nothing here is touched off Windows: the library lookup and the {@code GetLastError}
 * capture option exist only there, and every holder initializes on first use.
 */
@SuppressWarnings("restricted") // this module is the native boundary; run with --enable-native-access
final class Kernel32 {
    /** {@code LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR}: the DLL's own directory is searched for its dependencies. */
    static final int LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR = 0x0000_0100;
    /** {@code LOAD_LIBRARY_SEARCH_DEFAULT_DIRS}: application dir, System32, and {@code AddDllDirectory} dirs. */
    static final int LOAD_LIBRARY_SEARCH_DEFAULT_DIRS = 0x0000_1000;
    /** {@code FORMAT_MESSAGE_IGNORE_INSERTS}. */
    static final int FORMAT_MESSAGE_IGNORE_INSERTS = 0x0000_0200;
    /** {@code FORMAT_MESSAGE_FROM_SYSTEM}. */
    static final int FORMAT_MESSAGE_FROM_SYSTEM = 0x0000_1000;

    private Kernel32() {
    }

    private static final class Lib {
        static final SymbolLookup KERNEL32 = SymbolLookup.libraryLookup("kernel32", Arena.global());
        static final Linker.Option LAST_ERROR = Linker.Option.captureCallState("GetLastError");
        static final VarHandle LAST_ERROR_VALUE = Scratch.stateHandle("GetLastError");
    }

    /** {@return the {@code GetLastError()} the last capturing call on this thread left in {@code scratch}} @param scratch this thread's scratch */
    static int lastError(Scratch scratch) {
        return scratch.captured(Lib.LAST_ERROR_VALUE);
    }

    private static final class LoadLibraryExW$ {
        static final Downcall CALL = Downcall.find(Lib.KERNEL32, "LoadLibraryExW",
                FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, JAVA_INT), Lib.LAST_ERROR);
    }

    /**
     * {@snippet lang=c :
     * HMODULE LoadLibraryExW(LPCWSTR lpLibFileName, HANDLE hFile, DWORD dwFlags);
     * }
     * The first argument receives the captured {@code GetLastError()}.
     */
    static MemorySegment LoadLibraryExW(MemorySegment callState, MemorySegment fileName, MemorySegment file, int flags) {
        try {
            return (MemorySegment) LoadLibraryExW$.CALL.handle().invokeExact(callState, fileName, file, flags);
        } catch (Throwable t) {
            throw Downcall.rethrow(t);
        }
    }

    private static final class GetProcAddress$ {
        static final Downcall CALL = Downcall.find(Lib.KERNEL32, "GetProcAddress",
                FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
    }

    /**
     * {@snippet lang=c :
     * FARPROC GetProcAddress(HMODULE hModule, LPCSTR lpProcName);
     * }
     */
    static MemorySegment GetProcAddress(MemorySegment module, MemorySegment procName) {
        try {
            return (MemorySegment) GetProcAddress$.CALL.handle().invokeExact(module, procName);
        } catch (Throwable t) {
            throw Downcall.rethrow(t);
        }
    }

    private static final class FreeLibrary$ {
        static final Downcall CALL = Downcall.find(Lib.KERNEL32, "FreeLibrary",
                FunctionDescriptor.of(JAVA_INT, ADDRESS), Lib.LAST_ERROR);
    }

    /**
     * {@snippet lang=c :
     * BOOL FreeLibrary(HMODULE hLibModule);
     * }
     * The first argument receives the captured {@code GetLastError()}.
     */
    static int FreeLibrary(MemorySegment callState, MemorySegment module) {
        try {
            return (int) FreeLibrary$.CALL.handle().invokeExact(callState, module);
        } catch (Throwable t) {
            throw Downcall.rethrow(t);
        }
    }

    private static final class FormatMessageW$ {
        static final Downcall CALL = Downcall.find(Lib.KERNEL32, "FormatMessageW",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS));
    }

    /**
     * {@snippet lang=c :
     * DWORD FormatMessageW(DWORD dwFlags, LPCVOID lpSource, DWORD dwMessageId, DWORD dwLanguageId,
     *                      LPWSTR lpBuffer, DWORD nSize, va_list *Arguments);
     * }
     */
    static int FormatMessageW(int flags, MemorySegment source, int messageId, int languageId, MemorySegment buffer,
                              int size, MemorySegment arguments) {
        try {
            return (int) FormatMessageW$.CALL.handle().invokeExact(flags, source, messageId, languageId, buffer, size,
                    arguments);
        } catch (Throwable t) {
            throw Downcall.rethrow(t);
        }
    }

    private static final class GetModuleFileNameW$ {
        static final Downcall CALL = Downcall.find(Lib.KERNEL32, "GetModuleFileNameW",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT), Lib.LAST_ERROR);
    }

    /**
     * {@snippet lang=c :
     * DWORD GetModuleFileNameW(HMODULE hModule, LPWSTR lpFilename, DWORD nSize);
     * }
     * The first argument receives the captured {@code GetLastError()}.
     */
    static int GetModuleFileNameW(MemorySegment callState, MemorySegment module, MemorySegment fileName, int size) {
        try {
            return (int) GetModuleFileNameW$.CALL.handle().invokeExact(callState, module, fileName, size);
        } catch (Throwable t) {
            throw Downcall.rethrow(t);
        }
    }

    private static final class SetDefaultDllDirectories$ {
        static final Downcall CALL = Downcall.find(Lib.KERNEL32, "SetDefaultDllDirectories",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT), Lib.LAST_ERROR);
    }

    /**
     * {@snippet lang=c :
     * BOOL SetDefaultDllDirectories(DWORD DirectoryFlags);
     * }
     * Process-wide; nativeload never calls it on its own. The first argument receives {@code GetLastError()}.
     */
    static int SetDefaultDllDirectories(MemorySegment callState, int directoryFlags) {
        try {
            return (int) SetDefaultDllDirectories$.CALL.handle().invokeExact(callState, directoryFlags);
        } catch (Throwable t) {
            throw Downcall.rethrow(t);
        }
    }

    private static final class AddDllDirectory$ {
        static final Downcall CALL = Downcall.find(Lib.KERNEL32, "AddDllDirectory",
                FunctionDescriptor.of(ADDRESS, ADDRESS), Lib.LAST_ERROR);
    }

    /**
     * {@snippet lang=c :
     * DLL_DIRECTORY_COOKIE AddDllDirectory(PCWSTR NewDirectory);
     * }
     * The first argument receives the captured {@code GetLastError()}.
     */
    static MemorySegment AddDllDirectory(MemorySegment callState, MemorySegment newDirectory) {
        try {
            return (MemorySegment) AddDllDirectory$.CALL.handle().invokeExact(callState, newDirectory);
        } catch (Throwable t) {
            throw Downcall.rethrow(t);
        }
    }

    private static final class GetSystemInfo$ {
        static final Downcall CALL = Downcall.find(Lib.KERNEL32, "GetSystemInfo", FunctionDescriptor.ofVoid(ADDRESS));
    }

    /** At least {@code sizeof(SYSTEM_INFO)}: 48 bytes on 64-bit Windows, 36 on 32-bit. */
    static final long SYSTEM_INFO_SIZE = 48;
    /** {@code offsetof(SYSTEM_INFO, dwPageSize)}, the same on 32- and 64-bit Windows. */
    static final long SYSTEM_INFO_PAGE_SIZE = 4;

    /**
     * {@snippet lang=c :
     * void GetSystemInfo(LPSYSTEM_INFO lpSystemInfo);
     * }
     */
    static void GetSystemInfo(MemorySegment systemInfo) {
        try {
            GetSystemInfo$.CALL.handle().invokeExact(systemInfo);
        } catch (Throwable t) {
            throw Downcall.rethrow(t);
        }
    }
}
