package dev.nativeload.binary.elf;

import java.util.Map;

/**
 * An ELF {@code EI_OSABI} value.
 *
 * @param value the raw byte
 */
public record OsAbi(int value) {
    public static final OsAbi NONE = new OsAbi(0);
    public static final OsAbi NETBSD = new OsAbi(2);
    public static final OsAbi GNU = new OsAbi(3);
    public static final OsAbi SOLARIS = new OsAbi(6);
    public static final OsAbi FREEBSD = new OsAbi(9);
    public static final OsAbi OPENBSD = new OsAbi(12);
    public static final OsAbi ARM_AEABI = new OsAbi(64);
    public static final OsAbi STANDALONE = new OsAbi(255);

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0, "ELFOSABI_NONE"), Map.entry(1, "ELFOSABI_HPUX"), Map.entry(2, "ELFOSABI_NETBSD"),
            Map.entry(3, "ELFOSABI_GNU"), Map.entry(6, "ELFOSABI_SOLARIS"), Map.entry(7, "ELFOSABI_AIX"),
            Map.entry(8, "ELFOSABI_IRIX"), Map.entry(9, "ELFOSABI_FREEBSD"), Map.entry(10, "ELFOSABI_TRU64"),
            Map.entry(12, "ELFOSABI_OPENBSD"), Map.entry(64, "ELFOSABI_ARM_AEABI"), Map.entry(97, "ELFOSABI_ARM"),
            Map.entry(255, "ELFOSABI_STANDALONE"));

    /** Rejects a value that does not fit the 8-bit {@code EI_OSABI} byte. */
    public OsAbi {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException("EI_OSABI is 8 bits: " + value);
        }
    }

    /** {@return the constant's name, such as {@code ELFOSABI_GNU}, or {@code 0x...}} */
    public String name() {
        String n = NAMES.get(value);
        return n != null ? n : "0x" + Integer.toHexString(value);
    }

    @Override
    public String toString() {
        return name();
    }
}
