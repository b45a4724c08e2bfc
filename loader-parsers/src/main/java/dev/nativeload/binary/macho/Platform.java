package dev.nativeload.binary.macho;

import dev.nativeload.binary.TargetOs;
import java.util.Map;

/**
 * An Apple platform ({@code PLATFORM_*} in {@code LC_BUILD_VERSION}, or implied by an
 * {@code LC_VERSION_MIN_*} command): an open value with names.
 *
 * @param value the raw platform number
 */
public record Platform(int value) {
    public static final Platform MACOS = new Platform(1);
    public static final Platform IOS = new Platform(2);
    public static final Platform TVOS = new Platform(3);
    public static final Platform WATCHOS = new Platform(4);
    public static final Platform BRIDGEOS = new Platform(5);
    public static final Platform MACCATALYST = new Platform(6);
    public static final Platform IOSSIMULATOR = new Platform(7);
    public static final Platform TVOSSIMULATOR = new Platform(8);
    public static final Platform WATCHOSSIMULATOR = new Platform(9);
    public static final Platform DRIVERKIT = new Platform(10);
    public static final Platform VISIONOS = new Platform(11);
    public static final Platform VISIONOSSIMULATOR = new Platform(12);

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(1, "MACOS"), Map.entry(2, "IOS"), Map.entry(3, "TVOS"), Map.entry(4, "WATCHOS"),
            Map.entry(5, "BRIDGEOS"), Map.entry(6, "MACCATALYST"), Map.entry(7, "IOSSIMULATOR"),
            Map.entry(8, "TVOSSIMULATOR"), Map.entry(9, "WATCHOSSIMULATOR"), Map.entry(10, "DRIVERKIT"),
            Map.entry(11, "VISIONOS"), Map.entry(12, "VISIONOSSIMULATOR"), Map.entry(13, "FIRMWARE"),
            Map.entry(14, "SEPOS"));

    /** {@return the {@code PLATFORM_*} name without prefix, such as {@code MACOS}, or {@code 0x...} when unknown} */
    public String name() {
        String name = NAMES.get(value);
        return name != null ? name : "0x" + Integer.toHexString(value);
    }

    /**
     * {@return the operating system a JVM would report: {@link TargetOs#MACOS} for macOS and Mac
     * Catalyst (both load in a macOS process); {@link TargetOs#UNKNOWN} for the others (iOS, tvOS,
     * watchOS, simulators, ...), which {@link TargetOs} has no value for; the real platform stays
     * available here}
     */
    public TargetOs targetOs() {
        return value == MACOS.value || value == MACCATALYST.value ? TargetOs.MACOS : TargetOs.UNKNOWN;
    }

    @Override
    public String toString() {
        return name();
    }
}
