package dev.nativeload.cli;

import dev.nativeload.NativeLibrary;
import dev.nativeload.NativeLoadException;
import dev.nativeload.NativeLoader;
import dev.nativeload.binary.TargetOs;
import dev.nativeload.platform.Host;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.List;
import java.util.Optional;

/**
 * The three functions of libdeflate that {@code scan} calls to inflate a whole entry in one call, bound by hand:
 * {@code libdeflate.h} is not installed where this was written (Debian's {@code libdeflate0} ships the library
 * alone), and three prototypes of a stable ABI (soname 0 since libdeflate 1.0) need no generator.
 * {@snippet lang=c :
 * struct libdeflate_decompressor *libdeflate_alloc_decompressor(void);
 * enum libdeflate_result libdeflate_deflate_decompress(struct libdeflate_decompressor *decompressor,
 *         const void *in, size_t in_nbytes, void *out, size_t out_nbytes_avail, size_t *actual_out_nbytes_ret);
 * void libdeflate_free_decompressor(struct libdeflate_decompressor *decompressor);
 * }
 * With {@code actual_out_nbytes_ret} NULL, {@code libdeflate_deflate_decompress} succeeds only when the data
 * inflates to exactly {@code out_nbytes_avail} bytes. The handles take the function's address first, so they are
 * made once per JVM (a holder per function, linked on first use) whichever library the addresses come from.
 */
final class LibDeflate {
    /** {@code LIBDEFLATE_SUCCESS}; the others are {@code BAD_DATA} 1, {@code SHORT_OUTPUT} 2, {@code INSUFFICIENT_SPACE} 3. */
    static final int SUCCESS = 0;

    private final NativeLibrary library;
    private final MemorySegment alloc;
    private final MemorySegment decompress;
    private final MemorySegment free;

    private LibDeflate(NativeLibrary library) {
        this.library = library;
        this.alloc = library.lookup("libdeflate_alloc_decompressor");
        this.decompress = library.lookup("libdeflate_deflate_decompress");
        this.free = library.lookup("libdeflate_free_decompressor");
    }

    /**
     * Loads libdeflate through nativeload's own loader, when this JVM lets this module call native code.
     *
     * @return the library, or empty when this module has no native access ({@code --enable-native-access}: without
     * it the JDK would print a warning), {@code size_t} is not 64 bits wide, or no libdeflate loads
     */
    static Optional<LibDeflate> load() {
        if (!LibDeflate.class.getModule().isNativeAccessEnabled()
                || Linker.nativeLinker().canonicalLayouts().get("size_t") != ValueLayout.JAVA_LONG) {
            return Optional.empty();
        }
        for (String name : fileNames(Host.osFromJvm(System.getProperty("os.name")))) {
            Optional<NativeLibrary> found = NativeLoader.builder(name).build().tryLoad(LibDeflate::absent);
            if (found.isPresent()) {
                try {
                    return Optional.of(new LibDeflate(found.get()));
                } catch (NativeLoadException e) {
                    // a library of that name without these functions is not libdeflate: zlib inflates instead
                    found.get().close();
                }
            }
        }
        return Optional.empty();
    }

    private static void absent(NativeLoadException e) {
        // no libdeflate: zlib inflates, as without this class
    }

    /**
     * {@return the names tried, in order} On Linux the soname of the ABI bound here, which the OS loader finds in one
     * {@code dlopen} (the default chain, given "deflate", finds {@code libdeflate.so.0} too, but only by its directory
     * search after the OS search for the dev link {@code libdeflate.so} failed: several times the cost); macOS and
     * Windows take the default chain's names for "deflate" ({@code libdeflate.dylib}, {@code libdeflate.0.dylib};
     * {@code deflate.dll}, {@code libdeflate.dll}).
     *
     * @param os this host's OS
     */
    static List<String> fileNames(TargetOs os) {
        return switch (os) {
            case MACOS, WINDOWS, UNKNOWN -> List.of("deflate");
            default -> List.of("libdeflate.so.0");
        };
    }

    /** {@return a new decompressor, or NULL when libdeflate could not allocate one} Not thread-safe: one per thread. */
    MemorySegment allocDecompressor() {
        try {
            return (MemorySegment) Alloc.HANDLE.invokeExact(alloc);
        } catch (Throwable t) {
            throw new IllegalStateException("libdeflate_alloc_decompressor failed", t);
        }
    }

    /**
     * Inflates raw DEFLATE data that must fill {@code out} exactly.
     *
     * @param decompressor this thread's decompressor
     * @param in           the compressed bytes, all of the segment
     * @param out          where they inflate to, all of the segment
     * @return {@link #SUCCESS}, or libdeflate's reason for failing
     */
    int decompress(MemorySegment decompressor, MemorySegment in, MemorySegment out) {
        try {
            return (int) Decompress.HANDLE.invokeExact(decompress, decompressor, in, in.byteSize(), out, out.byteSize(),
                    MemorySegment.NULL);
        } catch (Throwable t) {
            throw new IllegalStateException("libdeflate_deflate_decompress failed", t);
        }
    }

    /** @param decompressor one {@link #allocDecompressor()} returned, used no more */
    void freeDecompressor(MemorySegment decompressor) {
        try {
            Free.HANDLE.invokeExact(free, decompressor);
        } catch (Throwable t) {
            throw new IllegalStateException("libdeflate_free_decompressor failed", t);
        }
    }

    @Override
    public String toString() {
        return "libdeflate (" + library.path() + ")";
    }

    private static final class Alloc {
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(FunctionDescriptor.of(ValueLayout.ADDRESS));
    }

    private static final class Decompress {
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(FunctionDescriptor.of(ValueLayout.JAVA_INT,
                ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG,
                ValueLayout.ADDRESS));
    }

    private static final class Free {
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(FunctionDescriptor.ofVoid(ValueLayout.ADDRESS));
    }
}
