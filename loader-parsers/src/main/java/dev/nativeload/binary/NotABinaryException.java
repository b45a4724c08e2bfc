package dev.nativeload.binary;

/**
 * A file that is none of the formats the parsers read: its first bytes match no ELF, PE or
 * Mach-O magic (a text file, an archive, a Java class file, an empty file).
 */
public final class NotABinaryException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message for a person.
     *
     * @param message what the file looks like instead
     */
    public NotABinaryException(String message) {
        super(message);
    }
}
