package dev.nativeload.binary;

/**
 * The memory {@link BinaryData#read(java.io.InputStream, long, StreamBuffer, BinaryData.Parser)} reads a stream into,
 * kept from one stream to the next: a reader of many archive entries, one after another, allocates (and the JVM
 * zeroes) its buffer once rather than once or more per entry. It keeps the largest array a stream needed. One
 * thread's: not thread-safe, and one stream at a time.
 */
public final class StreamBuffer {
    private byte[] bytes = new byte[0];

    /** An empty buffer; it grows as streams need. */
    public StreamBuffer() {
    }

    /** {@return an array of at least {@code length} bytes, the kept one when it is large enough} */
    byte[] atLeast(int length) {
        if (bytes.length < length) {
            bytes = new byte[length];
        }
        return bytes;
    }

    /** Keeps {@code grown} (a larger array holding what the current stream read so far) for the next streams. */
    void keep(byte[] grown) {
        if (grown.length > bytes.length) {
            bytes = grown;
        }
    }
}
