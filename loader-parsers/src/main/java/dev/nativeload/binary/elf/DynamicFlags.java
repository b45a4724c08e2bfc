package dev.nativeload.binary.elf;

import java.util.List;

/**
 * The {@code DT_FLAGS} bits ({@code DF_*}). Bits without a name are kept and print as hex.
 *
 * @param bits the raw value
 */
public record DynamicFlags(long bits) {
    public static final long DF_ORIGIN = 0x1;
    public static final long DF_SYMBOLIC = 0x2;
    public static final long DF_TEXTREL = 0x4;
    public static final long DF_BIND_NOW = 0x8;
    public static final long DF_STATIC_TLS = 0x10;

    private static final String[] NAMES = {"ORIGIN", "SYMBOLIC", "TEXTREL", "BIND_NOW", "STATIC_TLS"};

    /**

     * {@return whether every bit of {@code flag} is set}

     *

     * @param flag one of the {@code DF_*} constants

     */
    public boolean has(long flag) {
        return (bits & flag) == flag;
    }

    /** {@return the set bits' names without the {@code DF_} prefix, in bit order; unnamed bits as hex} */
    public List<String> names() {
        return FlagNames.decode(bits, NAMES);
    }

    @Override
    public String toString() {
        return String.join(" ", names());
    }
}
