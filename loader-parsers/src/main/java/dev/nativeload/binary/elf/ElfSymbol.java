package dev.nativeload.binary.elf;

import java.util.Optional;

/**
 * A dynamic symbol, with its version from {@code DT_VERSYM}.
 *
 * @param index         the symbol's index in the dynamic symbol table
 * @param name          the symbol's name
 * @param value         {@code st_value} (the address, for a defined symbol)
 * @param size          {@code st_size}
 * @param info          {@code st_info}: binding in the high nibble, type in the low
 * @param other         {@code st_other}: visibility in the low two bits
 * @param sectionIndex  {@code st_shndx}; 0 ({@code SHN_UNDEF}) for a reference to another object
 * @param version       the version name ({@code ZOO_2.0}, {@code GLIBC_2.34}), if the symbol has one
 * @param hiddenVersion whether the version is hidden (a non-default {@code name@VERSION} definition)
 */
public record ElfSymbol(long index, String name, long value, long size, int info, int other, int sectionIndex,
                        Optional<String> version, boolean hiddenVersion) {
    public static final int STB_LOCAL = 0;
    public static final int STB_GLOBAL = 1;
    public static final int STB_WEAK = 2;
    public static final int STT_NOTYPE = 0;
    public static final int STT_OBJECT = 1;
    public static final int STT_FUNC = 2;
    public static final int STT_TLS = 6;
    public static final int STT_GNU_IFUNC = 10;

    /** {@return the binding ({@code STB_*}): the high nibble of {@code st_info}} */
    public int binding() {
        return info >>> 4;
    }

    /** {@return the type ({@code STT_*}): the low nibble of {@code st_info}} */
    public int type() {
        return info & 0xF;
    }

    /** {@return the visibility ({@code STV_*}): the low two bits of {@code st_other}} */
    public int visibility() {
        return other & 0x3;
    }

    /** {@return whether this object defines the symbol (not {@code SHN_UNDEF})} */
    public boolean isDefined() {
        return sectionIndex != 0;
    }

    /** {@return the name as {@code readelf} shows it: {@code name@@VERSION}, {@code name@VERSION} or {@code name}} */
    public String displayName() {
        if (version.isEmpty()) {
            return name;
        }
        return name + (hiddenVersion || !isDefined() ? "@" : "@@") + version.get();
    }
}
