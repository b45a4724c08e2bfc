package dev.nativeload.binary.elf;

/**
 * An ELF {@code e_type} value: relocatable, executable, shared object, core, or another value
 * kept as is.
 *
 * @param value the raw 16-bit {@code e_type}
 */
public record ElfType(int value) {
    public static final ElfType NONE = new ElfType(0);
    public static final ElfType REL = new ElfType(1);
    public static final ElfType EXEC = new ElfType(2);
    public static final ElfType DYN = new ElfType(3);
    public static final ElfType CORE = new ElfType(4);

    /** Rejects a value that does not fit the 16-bit {@code e_type} field. */
    public ElfType {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException("e_type is 16 bits: " + value);
        }
    }

    /** {@return {@code REL}, {@code EXEC}, {@code DYN}, {@code CORE}, {@code NONE}, or {@code 0x...}} */
    public String name() {
        return switch (value) {
            case 0 -> "NONE";
            case 1 -> "REL";
            case 2 -> "EXEC";
            case 3 -> "DYN";
            case 4 -> "CORE";
            default -> "0x" + Integer.toHexString(value);
        };
    }

    @Override
    public String toString() {
        return name();
    }
}
