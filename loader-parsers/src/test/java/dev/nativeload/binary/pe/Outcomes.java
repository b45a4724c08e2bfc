package dev.nativeload.binary.pe;

import static org.junit.jupiter.api.Assertions.fail;

import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.MalformedBinaryException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;

/**
 * Runs the reader on one input and insists it ends in a result or a MalformedBinaryException,
 * quickly. The bound is wall time, generous enough for a loaded machine: a well-behaved parse
 * takes well under a millisecond, a hang or quadratic walk far longer.
 */
final class Outcomes {
    /** The longest any single input may take. */
    static final long MAX_NANOS_PER_INPUT = 3_000_000_000L;

    int results;
    int malformed;
    long slowestNanos;
    String slowest = "";

    /** Reads the first {@code length} bytes of {@code bytes}. */
    void read(byte[] bytes, int length, String what) {
        BinaryData data = BinaryData.of(MemorySegment.ofArray(bytes).asSlice(0, length), ByteOrder.LITTLE_ENDIAN);
        long start = now();
        try {
            PeFile pe = PeFile.read(data);
            pe.summary();
            results++;
        } catch (MalformedBinaryException e) {
            if (e.getMessage() == null || e.problem().isBlank()) {
                fail(what + ": MalformedBinaryException without a message");
            }
            malformed++;
        } catch (Throwable t) {
            fail(what + ": ended in " + t + " instead of a result or MalformedBinaryException", t);
        }
        long took = now() - start;
        if (took > slowestNanos) {
            slowestNanos = took;
            slowest = what;
        }
        if (took > MAX_NANOS_PER_INPUT) {
            fail(what + ": took " + took / 1_000_000 + " ms");
        }
    }

    private static long now() {
        return System.nanoTime();
    }

    int total() {
        return results + malformed;
    }
}
