package dev.nativeload.binary.elf;

import dev.nativeload.binary.Architecture;
import java.nio.ByteOrder;
import java.util.Map;

/**
 * An ELF {@code e_machine} value. Open: a value the table does not name still prints (as hex)
 * and round-trips.
 *
 * @param value the raw 16-bit {@code e_machine}
 */
public record ElfMachine(int value) {
    public static final ElfMachine SPARC = new ElfMachine(2);
    public static final ElfMachine I386 = new ElfMachine(3);
    public static final ElfMachine MIPS = new ElfMachine(8);
    public static final ElfMachine MIPS_RS3_LE = new ElfMachine(10);
    public static final ElfMachine SPARC32PLUS = new ElfMachine(18);
    public static final ElfMachine PPC = new ElfMachine(20);
    public static final ElfMachine PPC64 = new ElfMachine(21);
    public static final ElfMachine S390 = new ElfMachine(22);
    public static final ElfMachine ARM = new ElfMachine(40);
    public static final ElfMachine SPARCV9 = new ElfMachine(43);
    public static final ElfMachine IA_64 = new ElfMachine(50);
    public static final ElfMachine X86_64 = new ElfMachine(62);
    public static final ElfMachine AARCH64 = new ElfMachine(183);
    public static final ElfMachine RISCV = new ElfMachine(243);
    public static final ElfMachine LOONGARCH = new ElfMachine(258);
    public static final ElfMachine ALPHA = new ElfMachine(0x9026);

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0, "EM_NONE"), Map.entry(2, "EM_SPARC"), Map.entry(3, "EM_386"), Map.entry(4, "EM_68K"),
            Map.entry(8, "EM_MIPS"), Map.entry(10, "EM_MIPS_RS3_LE"), Map.entry(15, "EM_PARISC"),
            Map.entry(18, "EM_SPARC32PLUS"), Map.entry(20, "EM_PPC"), Map.entry(21, "EM_PPC64"),
            Map.entry(22, "EM_S390"), Map.entry(40, "EM_ARM"), Map.entry(42, "EM_SH"), Map.entry(43, "EM_SPARCV9"),
            Map.entry(50, "EM_IA_64"), Map.entry(62, "EM_X86_64"), Map.entry(183, "EM_AARCH64"),
            Map.entry(243, "EM_RISCV"), Map.entry(258, "EM_LOONGARCH"), Map.entry(0x9026, "EM_ALPHA"));

    /** Rejects a value that does not fit the 16-bit {@code e_machine} field. */
    public ElfMachine {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException("e_machine is 16 bits: " + value);
        }
    }

    /** {@return the constant's name, such as {@code EM_X86_64}, or {@code 0x...} when unnamed} */
    public String name() {
        String n = NAMES.get(value);
        return n != null ? n : "0x" + Integer.toHexString(value);
    }

    /**
     * {@return the normalized architecture of an object of this machine, class and byte order}
     * A machine this table does not know becomes {@code elf-machine-0x...}.
     *
     * @param bits  32 or 64, from {@code EI_CLASS}
     * @param order the byte order, from {@code EI_DATA}
     */
    public Architecture architecture(int bits, ByteOrder order) {
        boolean le = order == ByteOrder.LITTLE_ENDIAN;
        boolean wide = bits == 64;
        return switch (value) {
            case 3, 6 -> Architecture.X86;
            case 62 -> Architecture.X86_64;
            case 183 -> Architecture.AARCH64;
            case 40 -> Architecture.ARM;
            case 243 -> wide ? Architecture.RISCV64 : Architecture.RISCV32;
            case 21 -> le ? Architecture.PPC64LE : Architecture.PPC64;
            case 20 -> Architecture.PPC;
            case 22 -> wide ? Architecture.S390X : new Architecture("s390");
            case 258 -> wide ? Architecture.LOONGARCH64 : new Architecture("loongarch32");
            case 8, 10 -> wide ? (le ? Architecture.MIPS64EL : Architecture.MIPS64) : (le ? Architecture.MIPSEL : Architecture.MIPS);
            case 43 -> Architecture.SPARCV9;
            case 2, 18 -> new Architecture("sparc");
            case 50 -> Architecture.IA64;
            default -> new Architecture("elf-machine-0x" + Integer.toHexString(value));
        };
    }

    @Override
    public String toString() {
        return name();
    }
}
