package dev.nativeload.binary.elf;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A symbol name made ready for hash-table lookups: its UTF-8 bytes and its GNU and System V
 * hashes, computed once. A binder looks one name up in every object of a scope; with this it
 * hashes the name once, and each object compares the name's bytes with its string table instead
 * of decoding the names of the candidates its hash chain offers.
 */
public final class LookupName {
    private final String text;
    private final byte[] bytes;
    private final long gnuHash;
    private final long sysvHash;

    private LookupName(String text) {
        this.text = text;
        this.bytes = text.getBytes(StandardCharsets.UTF_8);
        this.gnuHash = GnuHashTable.hash(bytes);
        this.sysvHash = SysvHashTable.hash(bytes);
    }

    /**
     * {@return the name, hashed}
     *
     * @param name the symbol name
     */
    public static LookupName of(String name) {
        return new LookupName(Objects.requireNonNull(name, "name"));
    }

    /** {@return the name} */
    public String text() {
        return text;
    }

    /** The UTF-8 bytes; not copied, so never handed out of the package. */
    byte[] bytes() {
        return bytes;
    }

    long gnuHash() {
        return gnuHash;
    }

    long sysvHash() {
        return sysvHash;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LookupName other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
