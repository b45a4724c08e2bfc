package dev.nativeload.binary;

import java.util.Locale;
import java.util.Objects;

/**
 * A normalized CPU architecture name, shared by the three formats and by platform ids.
 *
 * <p>An open value, not an enum: a machine the tables do not know still has a printable name
 * (such as {@code "elf-machine-0x1234"}), so nothing read from a file is ever lost.
 *
 * @param name the normalized name: {@code x86_64}, {@code x86}, {@code aarch64}, {@code arm},
 *             {@code riscv64}, {@code riscv32}, {@code ppc64le}, {@code ppc64}, {@code ppc},
 *             {@code s390x}, {@code loongarch64}, {@code mips64el}, {@code mips64}, {@code mipsel},
 *             {@code mips}, {@code sparcv9}, {@code ia64}, {@code arm64ec}, ...
 */
public record Architecture(String name) {
    public static final Architecture X86_64 = new Architecture("x86_64");
    public static final Architecture X86 = new Architecture("x86");
    public static final Architecture AARCH64 = new Architecture("aarch64");
    public static final Architecture ARM = new Architecture("arm");
    public static final Architecture RISCV64 = new Architecture("riscv64");
    public static final Architecture RISCV32 = new Architecture("riscv32");
    public static final Architecture PPC64LE = new Architecture("ppc64le");
    public static final Architecture PPC64 = new Architecture("ppc64");
    public static final Architecture PPC = new Architecture("ppc");
    public static final Architecture S390X = new Architecture("s390x");
    public static final Architecture LOONGARCH64 = new Architecture("loongarch64");
    public static final Architecture MIPS64EL = new Architecture("mips64el");
    public static final Architecture MIPS64 = new Architecture("mips64");
    public static final Architecture MIPSEL = new Architecture("mipsel");
    public static final Architecture MIPS = new Architecture("mips");
    public static final Architecture SPARCV9 = new Architecture("sparcv9");
    public static final Architecture IA64 = new Architecture("ia64");

    /** Rejects a null or blank name. */
    public Architecture {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("architecture name is blank");
        }
    }

    /**
     * Normalizes a JVM {@code os.arch} value ({@code amd64}, {@code x86_64}, {@code aarch64},
     * {@code arm64}, {@code i386}, {@code ppc64le}, ...) to the shared name.
     *
     * @param osArch the value of the {@code os.arch} system property
     * @return the normalized architecture
     */
    public static Architecture fromJvm(String osArch) {
        String a = osArch.toLowerCase(Locale.ROOT).trim();
        return switch (a) {
            case "amd64", "x86_64", "x64", "em64t" -> X86_64;
            case "x86", "i386", "i486", "i586", "i686", "ia32" -> X86;
            case "aarch64", "arm64" -> AARCH64;
            case "arm", "arm32", "armv7", "armv7l", "armhf", "armel" -> ARM;
            case "riscv64" -> RISCV64;
            case "riscv32" -> RISCV32;
            case "ppc64le", "powerpc64le" -> PPC64LE;
            case "ppc64", "powerpc64" -> PPC64;
            case "ppc", "powerpc" -> PPC;
            case "s390x" -> S390X;
            case "loongarch64" -> LOONGARCH64;
            case "mips64el" -> MIPS64EL;
            case "mips64" -> MIPS64;
            case "mipsel" -> MIPSEL;
            case "mips" -> MIPS;
            case "sparcv9" -> SPARCV9;
            case "ia64" -> IA64;
            default -> new Architecture(a);
        };
    }

    @Override
    public String toString() {
        return name;
    }
}
