package dev.nativeload.resolve;

import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.elf.ElfFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Describes the running machine as a {@link ResolveHost}, from files only (no process is run):
 * the JVM's architecture, the C library from the {@code PT_INTERP} of {@code /proc/self/exe},
 * the supported {@code glibc-hwcaps} levels from the CPU flags in {@code /proc/cpuinfo}, the
 * process environment and working directory.
 */
public final class HostProbe {
    private static final List<String> V2 = List.of("cx16", "lahf_lm", "popcnt", "sse4_1", "sse4_2", "ssse3");
    private static final List<String> V3 = List.of("avx", "avx2", "bmi1", "bmi2", "f16c", "fma", "abm", "movbe", "xsave");
    private static final List<String> V4 = List.of("avx512f", "avx512bw", "avx512cd", "avx512dq", "avx512vl");

    private HostProbe() {
    }

    /** {@return the running machine, as far as its files tell} */
    public static ResolveHost thisMachine() {
        Architecture arch = Architecture.fromJvm(System.getProperty("os.arch"));
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        Path cwd = Path.of("").toAbsolutePath();
        if (os.startsWith("mac")) {
            return ResolveHost.macos(arch).withEnv(System.getenv()).withCurrentDir(cwd);
        }
        if (os.startsWith("windows")) {
            String root = Optional.ofNullable(System.getenv("SystemRoot")).orElse("C:\\Windows");
            return ResolveHost.windows(arch, Path.of(root, "System32")).withWindowsDir(Path.of(root))
                    .withEnv(System.getenv()).withCurrentDir(cwd);
        }
        ResolveHost host = LinuxFacts.MUSL ? ResolveHost.linuxMusl(arch) : ResolveHost.linuxGlibc(arch);
        return host.withEnv(System.getenv()).withCurrentDir(cwd).withHwcapsSubdirs(LinuxFacts.HWCAPS);
    }

    /**
     * What cannot change while the process runs (its C library, the CPU's flags), read once: the
     * loader calls {@link #thisMachine()} to explain every missing dependency.
     */
    private static final class LinuxFacts {
        static final boolean MUSL = interpreter().filter(i -> i.contains("ld-musl")).isPresent();
        static final List<String> HWCAPS = List.copyOf(hwcaps(Architecture.fromJvm(System.getProperty("os.arch")), cpuFlags()));
    }

    /** {@return the {@code glibc-hwcaps} subdirectories an x86-64 CPU with these flags supports, best first} */
    static List<String> hwcaps(Architecture arch, Set<String> flags) {
        List<String> out = new ArrayList<>();
        if (!arch.equals(Architecture.X86_64) || !flags.containsAll(V2)) {
            return out;
        }
        if (flags.containsAll(V3)) {
            if (flags.containsAll(V4)) {
                out.add("glibc-hwcaps/x86-64-v4");
            }
            out.add("glibc-hwcaps/x86-64-v3");
        }
        out.add("glibc-hwcaps/x86-64-v2");
        return out;
    }

    private static Set<String> cpuFlags() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.ISO_8859_1)) {
                if (line.startsWith("flags")) {
                    return new HashSet<>(Arrays.asList(line.substring(line.indexOf(':') + 1).trim().split("\\s+")));
                }
            }
        } catch (IOException e) {
            return Set.of();
        }
        return Set.of();
    }

    private static Optional<String> interpreter() {
        try {
            return ElfFile.read(Path.of("/proc/self/exe")).interpreter();
        } catch (IOException | MalformedBinaryException e) {
            return Optional.empty();
        }
    }
}
