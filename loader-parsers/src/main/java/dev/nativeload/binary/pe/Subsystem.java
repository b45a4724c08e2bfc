package dev.nativeload.binary.pe;

import java.util.Map;

/**
 * The optional header's subsystem ({@code IMAGE_SUBSYSTEM_*}): which environment runs the image.
 *
 * <p>An open value: an unknown number still prints as its hex value.
 *
 * @param value the raw 16-bit subsystem field
 */
public record Subsystem(int value) {
    public static final Subsystem UNKNOWN = new Subsystem(0);
    public static final Subsystem NATIVE = new Subsystem(1);
    public static final Subsystem WINDOWS_GUI = new Subsystem(2);
    public static final Subsystem WINDOWS_CUI = new Subsystem(3);
    public static final Subsystem OS2_CUI = new Subsystem(5);
    public static final Subsystem POSIX_CUI = new Subsystem(7);
    public static final Subsystem NATIVE_WINDOWS = new Subsystem(8);
    public static final Subsystem WINDOWS_CE_GUI = new Subsystem(9);
    public static final Subsystem EFI_APPLICATION = new Subsystem(10);
    public static final Subsystem EFI_BOOT_SERVICE_DRIVER = new Subsystem(11);
    public static final Subsystem EFI_RUNTIME_DRIVER = new Subsystem(12);
    public static final Subsystem EFI_ROM = new Subsystem(13);
    public static final Subsystem XBOX = new Subsystem(14);
    public static final Subsystem WINDOWS_BOOT_APPLICATION = new Subsystem(16);

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0, "UNKNOWN"), Map.entry(1, "NATIVE"), Map.entry(2, "WINDOWS_GUI"),
            Map.entry(3, "WINDOWS_CUI"), Map.entry(5, "OS2_CUI"), Map.entry(7, "POSIX_CUI"),
            Map.entry(8, "NATIVE_WINDOWS"), Map.entry(9, "WINDOWS_CE_GUI"), Map.entry(10, "EFI_APPLICATION"),
            Map.entry(11, "EFI_BOOT_SERVICE_DRIVER"), Map.entry(12, "EFI_RUNTIME_DRIVER"),
            Map.entry(13, "EFI_ROM"), Map.entry(14, "XBOX"), Map.entry(16, "WINDOWS_BOOT_APPLICATION"));

    /** Rejects a value that does not fit the 16-bit subsystem field. */
    public Subsystem {
        if (value < 0 || value > 0xffff) {
            throw new IllegalArgumentException("subsystem is a 16-bit field: " + value);
        }
    }

    /** {@return the constant's name without the {@code IMAGE_SUBSYSTEM_} prefix, or {@code 0x...} when unknown} */
    public String name() {
        String name = NAMES.get(value);
        return name != null ? name : "0x" + Integer.toHexString(value);
    }

    @Override
    public String toString() {
        return name();
    }
}
