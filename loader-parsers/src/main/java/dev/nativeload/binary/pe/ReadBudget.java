package dev.nativeload.binary.pe;

import dev.nativeload.binary.MalformedBinaryException;

/**
 * Bounds the total work of walking tables that point at each other. A well-formed file reads each
 * table entry and name about once, so the total stays near the file's size; tables that share or
 * overlap (thousands of import descriptors pointing at one huge thunk table, say) would otherwise
 * make the work quadratic.
 */
final class ReadBudget {
    private final long limit;
    private long spent;

    private ReadBudget(long limit) {
        this.limit = limit;
    }

    /** {@return a budget for a file of {@code fileSize} bytes: several passes over it} @param fileSize bytes */
    static ReadBudget forFile(long fileSize) {
        return new ReadBudget(Math.addExact(Math.multiplyExact(Math.max(fileSize, 0), 8L), 1L << 20));
    }

    void charge(long bytes, long offset, String what) throws MalformedBinaryException {
        spent += Math.max(bytes, 1);
        if (spent > limit) {
            throw new MalformedBinaryException(offset, what + ": the tables reference more than 0x"
                    + Long.toHexString(limit) + " bytes in total, far more than the file holds (overlapping tables?)");
        }
    }
}
