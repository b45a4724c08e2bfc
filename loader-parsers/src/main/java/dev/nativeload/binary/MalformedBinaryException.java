package dev.nativeload.binary;

import java.util.OptionalLong;

/**
 * A file is not a well-formed binary of the format it claims to be.
 *
 * <p>The one error every parser raises for bad input. It names what was wrong, where (the byte
 * offset in the file, when known) and the offending value, and renders like
 * {@code "invalid ELF program header count 65535 at offset 0x38"}.
 */
public final class MalformedBinaryException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The byte offset of the problem in the file, or -1 when unknown. */
    private final long offset;
    /** What is wrong, without the offset. */
    private final String problem;

    /**
     * An exception whose message is the problem followed by its offset, when known.
     *
     * @param offset  byte offset in the file where the problem was found, or -1 when unknown
     * @param problem what is wrong, e.g. {@code "invalid ELF program header count 65535"}
     */
    public MalformedBinaryException(long offset, String problem) {
        super(offset >= 0 ? problem + " at offset 0x" + Long.toHexString(offset) : problem);
        this.offset = offset;
        this.problem = problem;
    }

    /** {@return the byte offset in the file where the problem was found, if known} */
    public OptionalLong offset() {
        return offset >= 0 ? OptionalLong.of(offset) : OptionalLong.empty();
    }

    /** {@return what is wrong, without the offset} */
    public String problem() {
        return problem;
    }
}
