package dev.nativeload.binary.macho;

import java.util.Map;

/**
 * A Mach-O {@code cpusubtype}, read together with its {@link CpuType} because the same number
 * means different things per CPU family. The top byte holds capability bits
 * ({@code CPU_SUBTYPE_LIB64}, the arm64e pointer-authentication ABI version); the rest is the
 * subtype proper.
 *
 * @param type  the CPU type the subtype belongs to
 * @param value the raw {@code cpusubtype}, capability bits included
 */
public record CpuSubtype(CpuType type, int value) {
    /** The bits of {@code cpusubtype} that hold capabilities rather than the subtype. */
    public static final int CAPABILITY_MASK = 0xff00_0000;
    /** {@code CPU_SUBTYPE_ARM64E}. */
    public static final int ARM64E = 2;

    private static final Map<Integer, String> ARM_NAMES = Map.ofEntries(
            Map.entry(0, "arm"), Map.entry(5, "armv4t"), Map.entry(6, "armv6"), Map.entry(7, "armv5"),
            Map.entry(8, "xscale"), Map.entry(9, "armv7"), Map.entry(10, "armv7f"), Map.entry(11, "armv7s"),
            Map.entry(12, "armv7k"), Map.entry(13, "armv8"), Map.entry(14, "armv6m"), Map.entry(15, "armv7m"),
            Map.entry(16, "armv7em"));

    /** Requires the CPU type. */
    public CpuSubtype {
        java.util.Objects.requireNonNull(type, "type");
    }

    /** {@return the subtype without its capability bits} */
    public int base() {
        return value & ~CAPABILITY_MASK;
    }

    /** {@return the capability bits (top byte), such as {@code 0x80} for {@code CPU_SUBTYPE_LIB64}} */
    public int capabilities() {
        return value >>> 24;
    }

    /** {@return whether this is arm64e, the arm64 variant with pointer authentication} */
    public boolean isArm64e() {
        return type.equals(CpuType.ARM64) && base() == ARM64E;
    }

    /**
     * {@return Apple's architecture name for this type and subtype, as {@code lipo} and
     * {@code -arch} spell it: {@code arm64}, {@code arm64e}, {@code x86_64}, {@code x86_64h},
     * {@code i386}, {@code armv7s}, {@code arm64_32}, {@code ppc}, ...; a hex form when unknown}
     */
    public String archName() {
        int base = base();
        if (type.equals(CpuType.ARM64)) {
            return base == ARM64E ? "arm64e" : base == 1 ? "arm64v8" : "arm64";
        }
        if (type.equals(CpuType.X86_64)) {
            return base == 8 ? "x86_64h" : "x86_64";
        }
        if (type.equals(CpuType.X86)) {
            return "i386";
        }
        if (type.equals(CpuType.ARM64_32)) {
            return "arm64_32";
        }
        if (type.equals(CpuType.ARM)) {
            String name = ARM_NAMES.get(base);
            return name != null ? name : "arm-0x" + Integer.toHexString(base);
        }
        if (type.equals(CpuType.POWERPC)) {
            return "ppc";
        }
        if (type.equals(CpuType.POWERPC64)) {
            return "ppc64";
        }
        return "cpu-0x" + Integer.toHexString(type.value()) + "-0x" + Integer.toHexString(base);
    }

    @Override
    public String toString() {
        return archName();
    }
}
