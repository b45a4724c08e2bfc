package dev.nativeload.internal.diagnose;

import dev.nativeload.platform.HostProbe;

import dev.nativeload.binary.elf.ElfLoadHeaders;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The instruction-set features of this CPU as the kernel lists them ({@code flags} in
 * {@code /proc/cpuinfo}), and which x86-64 ISA levels they cover.
 *
 * <p>A level is judged only by flags the kernel reliably lists. LZCNT, part of x86-64-v3, is left
 * out: its flag ({@code abm}) is missing on some virtual machines whose CPUID reports it, where glibc
 * rightly finds the level supported. So a CPU is said to lack a level only for a flag that is truly
 * absent, and the flag is named.
 *
 * @param flags the flags, e.g. {@code avx2}, {@code avx512f}
 */
public record CpuFlags(Set<String> flags) {
    private static final Map<Long, List<String>> LEVELS = levels();

    public CpuFlags {
        flags = Set.copyOf(flags);
    }

    /**
     * {@return the flags of the first processor in a {@code /proc/cpuinfo} text; empty when it lists none}
     *
     * @param cpuinfo the text
     */
    public static Optional<CpuFlags> parse(String cpuinfo) {
        for (String line : cpuinfo.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals("flags")) {
                String list = line.substring(colon + 1).trim();
                return Optional.of(new CpuFlags(list.isEmpty() ? Set.of() : Set.of(dedupe(list.split("\\s+")))));
            }
        }
        return Optional.empty();
    }

    /** {@return this CPU's flags, read once from {@code /proc/cpuinfo}; empty where there is no such file or no flags line} */
    public static Optional<CpuFlags> thisCpu() {
        return ThisCpu.FLAGS;
    }

    /**
     * {@return the flags a set of {@code GNU_PROPERTY_X86_ISA_1_NEEDED} bits requires that this CPU lacks, in level order}
     *
     * @param isaNeeded the bits, {@link ElfLoadHeaders#X86_64_V2} and so on; bits of unknown levels are ignored
     */
    public List<String> missingFor(long isaNeeded) {
        List<String> missing = new ArrayList<>();
        LEVELS.forEach((bit, needed) -> {
            if ((isaNeeded & bit) != 0) {
                needed.stream().filter(f -> !flags.contains(f) && !missing.contains(f)).forEach(missing::add);
            }
        });
        return missing;
    }

    /**
     * {@return the name of the highest level among the bits, e.g. {@code x86-64-v4}}
     *
     * @param isaNeeded the {@code GNU_PROPERTY_X86_ISA_1_NEEDED} bits
     */
    public static String levelName(long isaNeeded) {
        if ((isaNeeded & ElfLoadHeaders.X86_64_V4) != 0) {
            return "x86-64-v4";
        }
        if ((isaNeeded & ElfLoadHeaders.X86_64_V3) != 0) {
            return "x86-64-v3";
        }
        if ((isaNeeded & ElfLoadHeaders.X86_64_V2) != 0) {
            return "x86-64-v2";
        }
        return "x86-64 (baseline)";
    }

    private static Map<Long, List<String>> levels() {
        Map<Long, List<String>> levels = new LinkedHashMap<>();
        levels.put(ElfLoadHeaders.X86_64_V2, List.of("cx16", "lahf_lm", "popcnt", "sse4_1", "sse4_2", "ssse3"));
        levels.put(ElfLoadHeaders.X86_64_V3, List.of("avx", "avx2", "bmi1", "bmi2", "f16c", "fma", "movbe", "xsave"));
        levels.put(ElfLoadHeaders.X86_64_V4, List.of("avx512f", "avx512bw", "avx512cd", "avx512dq", "avx512vl"));
        return levels;
    }

    private static String[] dedupe(String[] names) {
        return Arrays.stream(names).distinct().toArray(String[]::new);
    }

    /** Read on first use: the CPU does not change while the process runs. */
    private static final class ThisCpu {
        static final Optional<CpuFlags> FLAGS = read();

        /** The host probe reads the flags; an empty set means this OS has no such file or it lists none. */
        private static Optional<CpuFlags> read() {
            Set<String> flags = HostProbe.cpuFlags();
            return flags.isEmpty() ? Optional.empty() : Optional.of(new CpuFlags(Set.copyOf(flags)));
        }
    }
}
