package dev.nativeload.binary;

import java.util.Objects;

/**
 * A file that is none of the formats the parsers read: its first bytes match no ELF, PE or
 * Mach-O magic (a text file, an archive, a Java class file, an empty file).
 */
public final class NotABinaryException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the file is not a binary, as far as the parsers decide it. */
    public enum Reason {
        /** The file has no bytes at all. */
        EMPTY,
        /** Its first bytes match no format the parsers read. */
        UNKNOWN_FORMAT,
        /**
         * An executable format of a system no loader of ours serves: AIX's XCOFF object (magic {@code 0x01DF},
         * 64-bit {@code 0x01F7}) or big archive ({@code <bigaf>}), which jars such as JNA ship, often named
         * {@code .so} or {@code .a}.
         */
        FOREIGN_FORMAT,
        /** Not a regular file, or unreadable as one (a directory, a device). */
        NOT_A_FILE
    }

    /** Why the file is not a binary. */
    private final Reason reason;

    /**
     * A file found not to be a binary.
     *
     * @param reason  why, as a kind a caller can act on
     * @param message what the file looks like instead
     */
    public NotABinaryException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** {@return why the file is not a binary} */
    public Reason reason() {
        return reason;
    }
}
