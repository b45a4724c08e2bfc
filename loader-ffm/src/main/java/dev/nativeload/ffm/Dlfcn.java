package dev.nativeload.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.nativeload.spi.OpenMode;
import dev.nativeload.binary.TargetOs;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.VarHandle;
import java.util.Optional;

/**
 * Bindings of {@code <dlfcn.h>}, shaped like jextract output: a holder class per function, so a
 * function this C library lacks ({@code dlinfo} on macOS) fails only when called.
 */
final class Dlfcn {
    /** {@code RTLD_DI_LINKMAP} of {@code dlinfo}: glibc, musl and FreeBSD all number it 2. */
    static final int RTLD_DI_LINKMAP = 2;

    private static final SymbolLookup LIBC = Linker.nativeLinker().defaultLookup();
    private static final Linker.Option ERRNO = Linker.Option.captureCallState("errno");
    private static final VarHandle ERRNO_VALUE = Scratch.stateHandle("errno");

    private Dlfcn() {
    }

    /**
     * The {@code RTLD_*} mode bits of one operating system's {@code <dlfcn.h>}.
     *
     * @param lazy   {@code RTLD_LAZY}
     * @param now    {@code RTLD_NOW}
     * @param local  {@code RTLD_LOCAL}
     * @param global {@code RTLD_GLOBAL}
     * @param noload {@code RTLD_NOLOAD}: only return a handle if the library is already loaded
     */
    record Flags(int lazy, int now, int local, int global, int noload) {
        /** glibc and musl. */
        static final Flags LINUX = new Flags(0x1, 0x2, 0x0, 0x100, 0x4);
        /** macOS ({@code <dlfcn.h>} of the macOS SDK). */
        static final Flags DARWIN = new Flags(0x1, 0x2, 0x4, 0x8, 0x10);

        /** {@return the table for an OS, or empty where none is known} @param os the OS */
        static Optional<Flags> forOs(TargetOs os) {
            return switch (os) {
                case LINUX, ANDROID -> Optional.of(LINUX);
                case MACOS -> Optional.of(DARWIN);
                default -> Optional.empty();
            };
        }

        /** {@return the {@code dlopen} mode for an open mode} @param mode binding and visibility */
        int of(OpenMode mode) {
            int binding = mode.binding() == OpenMode.Binding.NOW ? now : lazy;
            int visibility = mode.visibility() == OpenMode.Visibility.GLOBAL ? global : local;
            return binding | visibility;
        }
    }

    /** {@return the {@code errno} the last capturing call on this thread left in {@code scratch}} @param scratch this thread's scratch */
    static int errno(Scratch scratch) {
        return scratch.captured(ERRNO_VALUE);
    }

    private static final class dlopen$ {
        static final Downcall CALL = Downcall.find(LIBC, "dlopen", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT), ERRNO);
    }

    /**
     * {@snippet lang=c :
     * void *dlopen(const char *filename, int flags);
     * }
     * The first argument receives the captured {@code errno}.
     */
    static MemorySegment dlopen(MemorySegment callState, MemorySegment filename, int flags) {
        try {
            return (MemorySegment) dlopen$.CALL.handle().invokeExact(callState, filename, flags);
        } catch (Throwable t) {
            throw Downcall.rethrow(t);
        }
    }

    private static final class dlsym$ {
        static final Downcall CALL = Downcall.find(LIBC, "dlsym", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
    }

    /**
     * {@snippet lang=c :
     * void *dlsym(void *restrict handle, const char *restrict symbol);
     * }
     */
    static MemorySegment dlsym(MemorySegment handle, MemorySegment symbol) {
        try {
            return (MemorySegment) dlsym$.CALL.handle().invokeExact(handle, symbol);
        } catch (Throwable t) {
            throw Downcall.rethrow(t);
        }
    }

    private static final class dlerror$ {
        static final Downcall CALL = Downcall.find(LIBC, "dlerror", FunctionDescriptor.of(ADDRESS));
    }

    /**
     * {@snippet lang=c :
     * char *dlerror(void);
     * }
     */
    static MemorySegment dlerror() {
        try {
            return (MemorySegment) dlerror$.CALL.handle().invokeExact();
        } catch (Throwable t) {
            throw Downcall.rethrow(t);
        }
    }

    private static final class dlclose$ {
        static final Downcall CALL = Downcall.find(LIBC, "dlclose", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    }

    /**
     * {@snippet lang=c :
     * int dlclose(void *handle);
     * }
     */
    static int dlclose(MemorySegment handle) {
        try {
            return (int) dlclose$.CALL.handle().invokeExact(handle);
        } catch (Throwable t) {
            throw Downcall.rethrow(t);
        }
    }

    private static final class dladdr$ {
        static final Downcall CALL = Downcall.find(LIBC, "dladdr", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    }

    /**
     * {@snippet lang=c :
     * typedef struct { const char *dli_fname; void *dli_fbase; const char *dli_sname; void *dli_saddr; } Dl_info;
     * int dladdr(const void *addr, Dl_info *info);
     * }
     * {@code dli_fname} is the first field, so {@code info} needs four pointers.
     */
    static int dladdr(MemorySegment addr, MemorySegment info) {
        try {
            return (int) dladdr$.CALL.handle().invokeExact(addr, info);
        } catch (Throwable t) {
            throw Downcall.rethrow(t);
        }
    }

    private static final class dlinfo$ {
        static final Downcall CALL = Downcall.find(LIBC, "dlinfo", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS));
    }

    /** {@return whether this C library has {@code dlinfo} (glibc, musl, FreeBSD; not macOS)} */
    static boolean dlinfoAvailable() {
        return dlinfo$.CALL.available();
    }

    /**
     * {@snippet lang=c :
     * int dlinfo(void *restrict handle, int request, void *restrict info);
     * }
     * With {@link #RTLD_DI_LINKMAP}, {@code info} receives a {@code struct link_map *}:
     * {@snippet lang=c :
     * struct link_map { ElfW(Addr) l_addr; char *l_name; ElfW(Dyn) *l_ld; struct link_map *l_next, *l_prev; };
     * }
     */
    static int dlinfo(MemorySegment handle, int request, MemorySegment info) {
        try {
            return (int) dlinfo$.CALL.handle().invokeExact(handle, request, info);
        } catch (Throwable t) {
            throw Downcall.rethrow(t);
        }
    }
}
