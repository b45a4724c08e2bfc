package dev.nativeload.ffm;

import dev.nativeload.spi.OpenMode;
import dev.nativeload.binary.TargetOs;
import dev.nativeload.ffm.generated.posix.dlfcn_h;
import java.lang.foreign.AddressLayout;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.Optional;

/**
 * The idiomatic layer over jextract's bindings of {@code <dlfcn.h>} ({@link dlfcn_h}, generated from
 * glibc's header by {@code scripts/jextract.sh}): the {@code RTLD_*} table of each OS, {@code dlopen}
 * with {@code errno} captured (a linker option jextract does not emit, added here to the generated
 * descriptor and address), and {@code dlinfo} only where the C library has it. Every C signature,
 * and every Linux constant, is the generated one; those the success path reads (the Linux
 * {@code RTLD_*} table, {@code RTLD_DI_LINKMAP}, {@code dlsym}'s descriptor) are spelled out equal
 * to them ({@code BindingsInUseAreGeneratedTest}), so a first load does not initialise
 * {@link dlfcn_h}. The function signatures are the same on every POSIX system, so macOS calls the
 * same descriptors.
 */
@SuppressWarnings("restricted") // this module is the native boundary; run with --enable-native-access
final class Dlfcn {
    /**
     * {@code RTLD_DI_LINKMAP} of {@code dlinfo}: glibc's header's value (musl and FreeBSD number it 2
     * too), equal to the generated constant ({@code BindingsInUseAreGeneratedTest}). Written as a
     * literal like the {@link Flags#LINUX} table: reading the generated one initialises
     * {@link dlfcn_h}, whose symbol lookup spins two classes on every first load.
     */
    static final int RTLD_DI_LINKMAP = 2;

    /** The capture of {@code errno}: only calls that fail need it, so it is made on first use. */
    private static final class Errno {
        static final Linker.Option OPTION = Linker.Option.captureCallState("errno");
        static final VarHandle VALUE = Scratch.stateHandle("errno");
    }

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
        /**
         * glibc and musl: the constants of glibc's {@code <dlfcn.h>} (musl's are the same), equal to the
         * generated ones ({@code BindingsInUseAreGeneratedTest} compares them). Literals, because
         * reading the generated accessors initialises {@link dlfcn_h}, whose symbol lookup
         * ({@code loaderLookup().or(defaultLookup())}) spins two classes in every new JVM's first load.
         */
        static final Flags LINUX = new Flags(0x1, 0x2, 0x0, 0x100, 0x4);
        /**
         * macOS ({@code <dlfcn.h>} of the macOS SDK). Written by hand: no macOS SDK header is
         * available to jextract here (the SDK is not redistributable), so these five values are not
         * generated.
         */
        static final Flags DARWIN = new Flags(0x1, 0x2, 0x4, 0x8, 0x10);

        /** {@return the table for an OS, or empty where none is known} @param os the OS */
        static Optional<Flags> forOs(TargetOs os) {
            // Comparisons, not a switch: a switch over an enum is a class of its own, loaded on every first load.
            if (os == TargetOs.LINUX || os == TargetOs.ANDROID) {
                return Optional.of(LINUX);
            }
            return os == TargetOs.MACOS ? Optional.of(DARWIN) : Optional.empty();
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
        return scratch.captured(Errno.VALUE);
    }

    private static final class dlopen$ {
        /** The generated descriptor and address, with {@code errno} captured as the call returns. */
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(dlfcn_h.dlopen$address(),
                dlfcn_h.dlopen$descriptor(), Errno.OPTION);
    }

    /**
     * {@snippet lang=c :
     * void *dlopen(const char *filename, int flags);
     * }
     * The first argument receives the captured {@code errno}.
     */
    static MemorySegment dlopen(MemorySegment callState, MemorySegment filename, int flags) {
        try {
            return (MemorySegment) dlopen$.HANDLE.invokeExact(callState, filename, flags);
        } catch (Throwable t) {
            throw Downcall.rethrow(t);
        }
    }

    /**
     * {@return {@code dlopen(filename, flags)} with no state captured, through the success path's
     * one shape ({@link TwoWords})} The success path's call, where {@link #dlopen(MemorySegment, MemorySegment, int)}
     * brings the call-state machinery with it.
     *
     * @param filename a C string, or NULL for the main program
     * @param flags    the {@code RTLD_*} mode
     */
    static MemorySegment dlopen(MemorySegment filename, int flags) {
        if (flags < 0) {
            throw new IllegalArgumentException("RTLD_* modes are non-negative: " + flags);
        }
        return twoWords(TwoWords.DLOPEN, filename, MemorySegment.ofAddress(flags));
    }

    /** {@return {@code dlsym(handle, symbol)}, through the generated descriptor} @param handle a handle @param symbol a C string */
    static MemorySegment dlsym(MemorySegment handle, MemorySegment symbol) {
        return twoWords(TwoWords.DLSYM, handle, symbol);
    }

    /**
     * The success path's one downcall shape, {@code void *f(void *, void *)}: the generated
     * {@code dlsym} descriptor, bound to no address. Every call of a first load goes through it
     * ({@code gnu_get_libc_version} too: {@link #callWithoutArguments}), since each distinct shape
     * costs milliseconds in a new JVM ({@code benchmarks/startup.sh load}).
     * {@code dlsym} is called as declared. {@code dlopen(const char *, int)} is called with its
     * mode widened to a pointer-sized word, which is the same call on every ABI the FFM linker
     * supports: the mode is the second integer argument, passed in a full register (x86-64 SysV
     * {@code rsi}, AArch64 {@code x1}, and likewise ppc64le, s390x and RISC-V, whose callers extend a
     * 32-bit int to the register's width, which for a non-negative mode is the same word), and the
     * callee reads its low 32 bits. The errno-capturing {@code dlopen} of the error path keeps the
     * generated {@code int} signature.
     */
    private static final class TwoWords {
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(twoWordsDescriptor());
        /** Found where the generated bindings look: the process's default lookup. */
        static final MemorySegment DLOPEN = Linker.nativeLinker().defaultLookup().find("dlopen").orElseThrow();
        static final MemorySegment DLSYM = Linker.nativeLinker().defaultLookup().find("dlsym").orElseThrow();
        /** Found with the two above, before any {@code dlopen}: finding it after a failed one would come between the failure and its message. */
        static final MemorySegment DLERROR = Linker.nativeLinker().defaultLookup().find("dlerror").orElseThrow();
    }

    /**
     * {@return {@code dlsym}'s generated descriptor, {@code void *(void *, void *)}, spelled out}
     * Asking the generated class for it would bind its own handle, and even reading its pointer layout
     * initialises the generated classes (their symbol lookup spins two classes); jextract's
     * {@code C_POINTER} is the linker's canonical {@code void *} aimed at a byte sequence of any
     * length, built here the same way ({@code BindingsInUseAreGeneratedTest} compares the two).
     */
    static FunctionDescriptor twoWordsDescriptor() {
        AddressLayout pointer = ((AddressLayout) Linker.nativeLinker().canonicalLayouts().get("void*"))
                .withTargetLayout(MemoryLayout.sequenceLayout(Long.MAX_VALUE, ValueLayout.JAVA_BYTE));
        return FunctionDescriptor.of(pointer, pointer, pointer);
    }

    /**
     * {@return {@code dlerror()} through the success path's one shape ({@link TwoWords}), as
     * {@link #callWithoutArguments} calls a function of no arguments} Linked with {@code dlopen}
     * itself, so called right after a failed {@link #dlopen(MemorySegment, int)} nothing is linked in
     * between that could replace the message (the JVM resolves a new call site partly through {@code dlsym}).
     */
    static MemorySegment dlerrorThroughOpenShape() {
        return callWithoutArguments(TwoWords.DLERROR);
    }

    /**
     * {@return what a C function {@code const char *f(void)} returns, called through the success
     * path's one shape ({@link TwoWords})} For {@code gnu_get_libc_version}, the host's facts, read on
     * every first load: a shape of its own would cost that load a few milliseconds more. The two NULL
     * words the shape passes land in argument registers the function never reads (x86-64 SysV
     * {@code rdi}/{@code rsi}, AArch64 {@code x0}/{@code x1}, and likewise on ppc64le, s390x and
     * RISC-V), and where arguments go on the stack the caller removes them, so the call is the same
     * as one with none; only a variadic function would care, and this one is not.
     *
     * @param function the address of a function that takes no argument and returns a pointer
     */
    static MemorySegment callWithoutArguments(MemorySegment function) {
        return twoWords(function, MemorySegment.NULL, MemorySegment.NULL);
    }

    private static MemorySegment twoWords(MemorySegment function, MemorySegment first, MemorySegment second) {
        try {
            return (MemorySegment) TwoWords.HANDLE.invokeExact(function, first, second);
        } catch (Throwable t) {
            throw Downcall.rethrow(t);
        }
    }

    private static final class dlvsym$ {
        /**
         * glibc's {@code dlvsym}, a GNU extension absent in musl and on macOS: found where the
         * generated bindings look, not required. {@code scripts/jextract.sh} does not bind it; its
         * descriptor is the generated {@code dlsym} one with the version's {@code const char *} appended.
         */
        static final Downcall CALL = Downcall.find(Linker.nativeLinker().defaultLookup(), "dlvsym",
                dlfcn_h.dlsym$descriptor().appendArgumentLayouts(dlfcn_h.C_POINTER));
    }

    /** {@return whether this C library has {@code dlvsym} (glibc; not musl or macOS)} */
    static boolean dlvsymAvailable() {
        return dlvsym$.CALL.available();
    }

    /**
     * {@return {@code dlvsym(handle, symbol, version)}: the definition of that version, or NULL}
     * Call only when {@link #dlvsymAvailable()}.
     *
     * @param handle  a handle, or {@code RTLD_DEFAULT}
     * @param symbol  a C string
     * @param version a C string ({@code GLIBC_2.14})
     */
    static MemorySegment dlvsym(MemorySegment handle, MemorySegment symbol, MemorySegment version) {
        try {
            return (MemorySegment) dlvsym$.CALL.handle().invokeExact(handle, symbol, version);
        } catch (Throwable t) {
            throw Downcall.rethrow(t);
        }
    }

    /** {@return {@code dlerror()}, through the generated binding: this thread's last loader message, or NULL} */
    static MemorySegment dlerror() {
        return dlfcn_h.dlerror();
    }

    /** {@return {@code dlclose(handle)}, through the generated binding} @param handle a handle from {@code dlopen} */
    static int dlclose(MemorySegment handle) {
        return dlfcn_h.dlclose(handle);
    }

    /**
     * {@return {@code dladdr(addr, info)}, through the generated binding} {@code info} needs
     * {@code sizeof(Dl_info)} bytes ({@link dev.nativeload.ffm.generated.posix.Dl_info#sizeof()}).
     *
     * @param addr an address inside a loaded object
     * @param info receives the {@code Dl_info}
     */
    static int dladdr(MemorySegment addr, MemorySegment info) {
        return dlfcn_h.dladdr(addr, info);
    }

    private static final class dlinfo$ {
        /** Looked up where the generated binding would look (the default lookup): absent on macOS. */
        static final boolean AVAILABLE = Linker.nativeLinker().defaultLookup().find("dlinfo").isPresent();
    }

    /** {@return whether this C library has {@code dlinfo} (glibc, musl, FreeBSD; not macOS)} */
    static boolean dlinfoAvailable() {
        return dlinfo$.AVAILABLE;
    }

    /**
     * {@return {@code dlinfo(handle, request, info)}, through the generated binding} With
     * {@link #RTLD_DI_LINKMAP}, {@code info} receives a {@code struct link_map *}
     * ({@link WordSize#linkMapName}). Call only when {@link #dlinfoAvailable()}.
     *
     * @param handle  a handle from {@code dlopen}
     * @param request an {@code RTLD_DI_*} request
     * @param info    where the answer goes
     */
    static int dlinfo(MemorySegment handle, int request, MemorySegment info) {
        return dlfcn_h.dlinfo(handle, request, info);
    }
}
