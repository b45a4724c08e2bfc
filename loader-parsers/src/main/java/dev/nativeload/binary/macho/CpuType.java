package dev.nativeload.binary.macho;

import dev.nativeload.binary.Architecture;
import java.util.Map;

/**
 * A Mach-O {@code cputype}: an open value, so a type the table does not know still prints and
 * round-trips.
 *
 * @param value the raw {@code cputype}, including the ABI bits ({@code CPU_ARCH_ABI64},
 *              {@code CPU_ARCH_ABI64_32})
 */
public record CpuType(int value) {
    /** {@code CPU_ARCH_ABI64}: the 64-bit variant of a CPU family. */
    public static final int ARCH_ABI64 = 0x0100_0000;
    /** {@code CPU_ARCH_ABI64_32}: a 64-bit CPU running an ILP32 ABI (arm64_32). */
    public static final int ARCH_ABI64_32 = 0x0200_0000;

    public static final CpuType X86 = new CpuType(7);
    public static final CpuType X86_64 = new CpuType(7 | ARCH_ABI64);
    public static final CpuType ARM = new CpuType(12);
    public static final CpuType ARM64 = new CpuType(12 | ARCH_ABI64);
    public static final CpuType ARM64_32 = new CpuType(12 | ARCH_ABI64_32);
    public static final CpuType POWERPC = new CpuType(18);
    public static final CpuType POWERPC64 = new CpuType(18 | ARCH_ABI64);

    private static final Map<Integer, String> NAMES = Map.of(
            X86.value, "X86", X86_64.value, "X86_64", ARM.value, "ARM", ARM64.value, "ARM64",
            ARM64_32.value, "ARM64_32", POWERPC.value, "POWERPC", POWERPC64.value, "POWERPC64",
            1, "VAX", 6, "MC680x0", 14, "SPARC");

    private static final Map<Integer, Architecture> ARCHITECTURES = Map.of(
            X86.value, Architecture.X86, X86_64.value, Architecture.X86_64, ARM.value, Architecture.ARM,
            ARM64.value, Architecture.AARCH64, ARM64_32.value, new Architecture("arm64_32"),
            POWERPC.value, Architecture.PPC, POWERPC64.value, Architecture.PPC64);

    /** {@return the {@code CPU_TYPE_*} name without prefix, such as {@code ARM64}, or {@code 0x...} when unknown} */
    public String name() {
        String name = NAMES.get(value);
        return name != null ? name : "0x" + Integer.toHexString(value);
    }

    /**
     * {@return the normalized architecture: {@code x86_64}, {@code x86}, {@code aarch64} (arm64 and
     * arm64e), {@code arm}, {@code ppc}, {@code ppc64}, {@code arm64_32}, or
     * {@code macho-cpu-0x...} for a type the table does not know}
     */
    public Architecture architecture() {
        Architecture known = ARCHITECTURES.get(value);
        return known != null ? known : new Architecture("macho-cpu-0x" + Integer.toHexString(value));
    }

    @Override
    public String toString() {
        return name();
    }
}
