package dev.nativeload.binary.pe;

import dev.nativeload.binary.Architecture;
import java.util.Map;

/**
 * The COFF header's target machine ({@code IMAGE_FILE_MACHINE_*}).
 *
 * <p>An open value: a machine missing from the name table still prints as its hex value and
 * maps to an architecture named {@code pe-machine-0x...}.
 *
 * @param value the raw 16-bit machine field
 */
public record Machine(int value) {
    public static final Machine UNKNOWN = new Machine(0x0);
    public static final Machine I386 = new Machine(0x14c);
    public static final Machine AMD64 = new Machine(0x8664);
    public static final Machine ARM = new Machine(0x1c0);
    public static final Machine THUMB = new Machine(0x1c2);
    public static final Machine ARMNT = new Machine(0x1c4);
    public static final Machine ARM64 = new Machine(0xaa64);
    public static final Machine ARM64EC = new Machine(0xa641);
    public static final Machine ARM64X = new Machine(0xa64e);
    public static final Machine IA64 = new Machine(0x200);
    public static final Machine RISCV32 = new Machine(0x5032);
    public static final Machine RISCV64 = new Machine(0x5064);
    public static final Machine RISCV128 = new Machine(0x5128);
    public static final Machine LOONGARCH32 = new Machine(0x6232);
    public static final Machine LOONGARCH64 = new Machine(0x6264);

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0x0, "UNKNOWN"), Map.entry(0x14c, "I386"), Map.entry(0x8664, "AMD64"),
            Map.entry(0x1c0, "ARM"), Map.entry(0x1c2, "THUMB"), Map.entry(0x1c4, "ARMNT"),
            Map.entry(0xaa64, "ARM64"), Map.entry(0xa641, "ARM64EC"), Map.entry(0xa64e, "ARM64X"),
            Map.entry(0x200, "IA64"), Map.entry(0x5032, "RISCV32"), Map.entry(0x5064, "RISCV64"),
            Map.entry(0x5128, "RISCV128"), Map.entry(0x6232, "LOONGARCH32"), Map.entry(0x6264, "LOONGARCH64"),
            Map.entry(0x184, "ALPHA"), Map.entry(0x284, "ALPHA64"), Map.entry(0x1d3, "AM33"),
            Map.entry(0xebc, "EBC"), Map.entry(0x9041, "M32R"), Map.entry(0x266, "MIPS16"),
            Map.entry(0x366, "MIPSFPU"), Map.entry(0x466, "MIPSFPU16"), Map.entry(0x1f0, "POWERPC"),
            Map.entry(0x1f1, "POWERPCFP"), Map.entry(0x166, "R4000"), Map.entry(0x1a2, "SH3"),
            Map.entry(0x1a3, "SH3DSP"), Map.entry(0x1a6, "SH4"), Map.entry(0x1a8, "SH5"),
            Map.entry(0x169, "WCEMIPSV2"), Map.entry(0xc0ee, "CEE"));

    /** Rejects a value that does not fit the 16-bit machine field. */
    public Machine {
        if (value < 0 || value > 0xffff) {
            throw new IllegalArgumentException("machine is a 16-bit field: " + value);
        }
    }

    /** {@return the constant's name without the {@code IMAGE_FILE_MACHINE_} prefix, or {@code 0x...} when unknown} */
    public String name() {
        String name = NAMES.get(value);
        return name != null ? name : "0x" + Integer.toHexString(value);
    }

    /** {@return whether the name table knows this value} */
    public boolean isKnown() {
        return NAMES.containsKey(value);
    }

    /**
     * {@return whether the machine is a 32-bit one (x86, the ARM/Thumb family, RISC-V 32, LoongArch 32,
     * and the older 32-bit MIPS, SH, PowerPC and Alpha machines); an image says its width in the optional
     * header's magic, an object file only here}
     */
    public boolean is32Bit() {
        return switch (value) {
            case 0x14c, 0x1c0, 0x1c2, 0x1c4, 0x5032, 0x6232, 0x166, 0x169, 0x266, 0x366, 0x466,
                 0x1a2, 0x1a3, 0x1a6, 0x1f0, 0x1f1, 0x184, 0x1d3, 0x9041 -> true;
            default -> false;
        };
    }

    /** {@return the normalized architecture, {@code pe-machine-0x...} for machines without one} */
    public Architecture architecture() {
        return switch (value) {
            case 0x8664 -> Architecture.X86_64;
            case 0x14c -> Architecture.X86;
            case 0xaa64, 0xa64e -> Architecture.AARCH64;
            case 0x1c0, 0x1c2, 0x1c4 -> Architecture.ARM;
            case 0xa641 -> new Architecture("arm64ec");
            case 0x5064 -> Architecture.RISCV64;
            case 0x5032 -> Architecture.RISCV32;
            case 0x6264 -> Architecture.LOONGARCH64;
            case 0x200 -> Architecture.IA64;
            default -> new Architecture("pe-machine-0x" + Integer.toHexString(value));
        };
    }

    @Override
    public String toString() {
        return isKnown() ? name() + " (0x" + Integer.toHexString(value) + ")" : name();
    }
}
