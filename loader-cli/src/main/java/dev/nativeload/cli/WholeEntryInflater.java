package dev.nativeload.cli;

import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.MalformedBinaryException;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.LongAdder;

/**
 * Inflates a DEFLATED native entry of an archive that lies in a file in one call of libdeflate, when the machine has
 * it: the compressed bytes read whole with positional reads into this thread's native buffer, inflated into its
 * second one, and parsed from there. libdeflate inflates these natives about 2.8 times as fast as zlib does
 * (benchmarks/README.md), and an ELF native must be inflated nearly whole anyway ({@code PT_DYNAMIC} follows the
 * code). Each reading thread keeps its two buffers, grown as needed up to {@link ScanNativeReader#IN_MEMORY_LIMIT}
 * bytes each, and its own decompressor (freed with them, once the thread is gone).
 *
 * <p>Whenever this does not inflate an entry (no libdeflate, not loaded yet, a size unknown or over the limit, a read
 * that fails, data libdeflate calls bad or that does not fill the entry's size exactly, no memory for the buffers),
 * the caller inflates it with zlib as before, which reads and reports it as it always did: the output never depends
 * on whether libdeflate is there.
 */
final class WholeEntryInflater {
    /**
     * The system property that turns libdeflate off ({@code -Dnativeload.scan.libdeflate=off}), a diagnostic: scan
     * then inflates with zlib alone.
     */
    static final String SWITCH = "nativeload.scan.libdeflate";

    private final Future<Optional<LibDeflate>> library;
    private final ThreadLocal<Buffers> buffers = new ThreadLocal<>();
    private final LongAdder inflated = new LongAdder();

    private WholeEntryInflater(Future<Optional<LibDeflate>> library) {
        this.library = library;
    }

    /**
     * {@return an inflater whose libdeflate loads on a daemon thread of its own, started now} Entries met before it has
     * loaded are inflated by zlib: the load (tens of milliseconds of class loading and linking) overlaps the reading of
     * the archive's central directory instead of delaying it.
     */
    static WholeEntryInflater loading() {
        if ("off".equals(System.getProperty(SWITCH))) {
            return with(Optional.empty());
        }
        FutureTask<Optional<LibDeflate>> load = new FutureTask<>(LibDeflate::load);
        Thread thread = new Thread(load, "nativeload-libdeflate");
        thread.setDaemon(true);
        thread.start();
        return new WholeEntryInflater(load);
    }

    /**
     * {@return an inflater with this library, or none}
     *
     * @param library libdeflate, or empty for zlib alone
     */
    static WholeEntryInflater with(Optional<LibDeflate> library) {
        return new WholeEntryInflater(CompletableFuture.completedFuture(library));
    }

    /** {@return how many entries libdeflate inflated} */
    long inflated() {
        return inflated.sum();
    }

    /**
     * Inflates an entry whole and parses it from memory, when it can.
     *
     * @param entry  the entry, whose first bytes the caller may already have read
     * @param size   its uncompressed size as the archive records it, or -1
     * @param parser what to make of its bytes, seen as a little-endian view; nothing may read them after it returns
     * @param <T>    the parser's result
     * @param <X>    a further exception the parser throws
     * @return the parser's result, or empty when the entry was not inflated here
     * @throws MalformedBinaryException if the parser finds the bytes malformed
     * @throws X                        as the parser does
     */
    <T, X extends Exception> Optional<T> parse(ScanEntryStream.Deflated entry, long size, BinaryData.Parser<T, X> parser)
            throws MalformedBinaryException, X {
        LibDeflate libdeflate = loaded();
        long compressed = entry.end() - entry.start();
        if (libdeflate == null || size <= 0 || size > ScanNativeReader.IN_MEMORY_LIMIT || compressed <= 0
                || compressed > ScanNativeReader.IN_MEMORY_LIMIT) {
            return Optional.empty();
        }
        Buffers memory = buffers(libdeflate, compressed, size);
        if (memory == null || !memory.read(entry, compressed)) {
            return Optional.empty();
        }
        MemorySegment out = memory.out.asSlice(0, size);
        if (libdeflate.decompress(memory.decompressor, memory.in.asSlice(0, compressed), out) != LibDeflate.SUCCESS) {
            return Optional.empty();
        }
        inflated.increment();
        // The parser's view lives in an arena of its own: a read through it after the parser returned throws, as one
        // of a stream's StreamBuffer does, instead of reading the next entry's bytes.
        try (Arena scope = Arena.ofConfined()) {
            return Optional.of(parser.parse(BinaryData.of(out.reinterpret(scope, null), ByteOrder.LITTLE_ENDIAN)));
        }
    }

    private LibDeflate loaded() {
        return switch (library.state()) {
            case SUCCESS -> library.resultNow().orElse(null);
            // RUNNING: not loaded yet; FAILED (an unexpected error of the load) or CANCELLED: as if absent
            default -> null;
        };
    }

    /** This thread's buffers, grown to hold both sizes; null when there is no memory for them. */
    private Buffers buffers(LibDeflate libdeflate, long compressed, long size) {
        Buffers memory = buffers.get();
        if (memory == null) {
            MemorySegment decompressor = libdeflate.allocDecompressor();
            memory = new Buffers(decompressor.equals(MemorySegment.NULL) ? null
                    : decompressor.reinterpret(Arena.ofAuto(), libdeflate::freeDecompressor));
            buffers.set(memory);
        }
        if (memory.decompressor == null) {
            return null;
        }
        if (memory.in.byteSize() >= compressed && memory.out.byteSize() >= size) {
            return memory;
        }
        if (memory.refused) {
            return null;
        }
        try {
            memory.in = Buffers.atLeast(memory.in, compressed);
            memory.out = Buffers.atLeast(memory.out, size);
            return memory;
        } catch (OutOfMemoryError e) {
            // Native memory counts against the JVM's direct memory limit (by default the heap's size): a small heap
            // with many threads may not hold two buffers for each, and zlib needs none. Not asked again on this
            // thread: each refusal first waits for a collection and up to half a second of retries.
            memory.refused = true;
            return null;
        }
    }

    /** One thread's decompressor and buffers; each is freed when unreachable (automatic arenas). */
    private static final class Buffers {
        /** Buffers grow in steps of this many bytes, so a few sizes cover most natives. */
        private static final long STEP = 1 << 20;

        /** This thread's decompressor, or null when libdeflate could not allocate one. */
        final MemorySegment decompressor;
        MemorySegment in = MemorySegment.NULL;
        MemorySegment out = MemorySegment.NULL;
        /** Whether the JVM refused memory for larger buffers once: they are not grown again. */
        boolean refused;

        Buffers(MemorySegment decompressor) {
            this.decompressor = decompressor;
        }

        static MemorySegment atLeast(MemorySegment buffer, long size) {
            if (buffer.byteSize() >= size) {
                return buffer;
            }
            long grown = Math.min(ScanNativeReader.IN_MEMORY_LIMIT, (size + STEP - 1) / STEP * STEP);
            return Arena.ofAuto().allocate(grown);
        }

        /** Reads the entry's compressed bytes into {@link #in}; false when the file ends first or a read fails. */
        boolean read(ScanEntryStream.Deflated entry, long compressed) {
            ByteBuffer target = in.asSlice(0, compressed).asByteBuffer();
            try {
                while (target.hasRemaining()) {
                    if (entry.file().read(target, entry.start() + target.position()) < 0) {
                        return false;
                    }
                }
                return true;
            } catch (IOException e) {
                // zlib's stream reads the same bytes again and reports the failure as a scan always has
                return false;
            }
        }
    }
}
