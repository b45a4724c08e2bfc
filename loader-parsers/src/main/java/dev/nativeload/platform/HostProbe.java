package dev.nativeload.platform;

import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.binary.TargetOs;
import dev.nativeload.binary.elf.ElfFile;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one probe of the running host. What files tell (the JVM's OS and architecture, the C
 * library from the {@code PT_INTERP} of {@code /proc/self/exe}, the page size from
 * {@code /proc/self/auxv}, the CPU's flags) is read here in pure Java; what only a call into the OS
 * tells (glibc's own version, the page size off Linux, Rosetta) comes from {@link OsQueries}, which
 * loader-ffm answers through FFM. Nothing is run: no {@code ldd}, no {@code uname}.
 */
public final class HostProbe {
    private static final Path SELF_EXE = Path.of("/proc/self/exe");
    private static final Path AUXV = Path.of("/proc/self/auxv");
    private static final long AT_PAGESZ = 6;
    private static final List<String> V2 = List.of("cx16", "lahf_lm", "popcnt", "sse4_1", "sse4_2", "ssse3");
    private static final List<String> V3 = List.of("avx", "avx2", "bmi1", "bmi2", "f16c", "fma", "abm", "movbe", "xsave");
    private static final List<String> V4 = List.of("avx512f", "avx512bw", "avx512cd", "avx512dq", "avx512vl");

    private HostProbe() {
    }

    /** What only a call into the OS can tell about this process. */
    public interface OsQueries {
        /** Answers from files alone: glibc's version unknown, the page size from the auxiliary vector, never translated. */
        OsQueries FILES = new OsQueries() {
            @Override
            public Optional<String> glibcVersion() {
                return Optional.empty();
            }

            @Override
            public long pageSize() {
                return auxvPageSize();
            }

            @Override
            public boolean translated() {
                return false;
            }
        };

        /** {@return glibc's version ({@code gnu_get_libc_version}), empty when the C library is not glibc or cannot say} */
        Optional<String> glibcVersion();

        /** {@return the page size in bytes, 0 when unknown} */
        long pageSize();

        /** {@return whether the process runs under binary translation (Rosetta 2)} */
        boolean translated();
    }

    /** Read once: the host cannot change under a running process. */
    private static final class FromFiles {
        static final Host HOST = probe(OsQueries.FILES);
    }

    /**
     * {@return this process's host}
     *
     * @param queries what the OS says, for what files cannot tell
     */
    public static Host probe(OsQueries queries) {
        TargetOs os = Host.osFromJvm(System.getProperty("os.name"));
        Architecture arch = Architecture.fromJvm(System.getProperty("os.arch"));
        LibcFlavor libc;
        Optional<String> version = Optional.empty();
        if (os == TargetOs.MACOS || os == TargetOs.WINDOWS) {
            libc = LibcFlavor.NOT_APPLICABLE;
        } else {
            version = queries.glibcVersion();
            libc = version.isPresent() ? LibcFlavor.GLIBC : libcOfExecutable(SELF_EXE);
        }
        return Host.of(os, arch, libc, version, queries.pageSize(), queries.translated());
    }

    /** {@return this process's host, from files alone (what the resolver needs; read once)} */
    public static Host fromFiles() {
        return FromFiles.HOST;
    }

    /**
     * {@return the C library whose interpreter an executable names; {@code UNKNOWN} when it names
     * none or cannot be read}
     *
     * @param executable an ELF executable, such as {@code /proc/self/exe}
     */
    public static LibcFlavor libcOfExecutable(Path executable) {
        try {
            return ElfFile.read(executable).interpreter().map(LibcFlavor::ofInterpreter).orElse(LibcFlavor.UNKNOWN);
        } catch (Exception unreadable) {
            // IOException, MalformedBinaryException or a RuntimeException: caught as Exception, since naming
            // MalformedBinaryException makes the verifier load it with this class, on every first load.
            return LibcFlavor.UNKNOWN;
        }
    }

    /** {@return the page size the kernel gave this process ({@code AT_PAGESZ}), 0 off Linux or when unreadable} */
    public static long auxvPageSize() {
        try {
            byte[] bytes;
            // A FileInputStream, not Files.readAllBytes: the JVM has its classes loaded before main, where the
            // channel would load some forty on every first load.
            try (FileInputStream in = new FileInputStream(AUXV.toFile())) {
                bytes = in.readAllBytes();
            }
            ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
            boolean wide = Platform.bitsOf(Architecture.fromJvm(System.getProperty("os.arch"))) == 64;
            int entry = wide ? 16 : 8;
            for (int at = 0; at + entry <= bytes.length; at += entry) {
                long type = wide ? b.getLong(at) : Integer.toUnsignedLong(b.getInt(at));
                long value = wide ? b.getLong(at + 8) : Integer.toUnsignedLong(b.getInt(at + 4));
                if (type == AT_PAGESZ) {
                    return value;
                }
                if (type == 0) {
                    break;
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return 0;
        }
        return 0;
    }

    /** What the CPU offers cannot change while the process runs: read once. */
    private static final class Cpu {
        static final Set<String> FLAGS = Set.copyOf(readCpuFlags());
        static final List<String> HWCAPS = List.copyOf(hwcaps(Architecture.fromJvm(System.getProperty("os.arch")), FLAGS));
    }

    /** {@return the {@code glibc-hwcaps} subdirectories this CPU supports, best first (x86-64 only); read once} */
    public static List<String> hwcapsSubdirs() {
        return Cpu.HWCAPS;
    }

    /**
     * {@return the {@code glibc-hwcaps} subdirectories an x86-64 CPU with these flags supports, best first}
     *
     * @param arch  the architecture
     * @param flags the CPU's flags, as {@code /proc/cpuinfo} names them
     */
    public static List<String> hwcaps(Architecture arch, Set<String> flags) {
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

    /** {@return the CPU's flags from {@code /proc/cpuinfo}; empty off Linux or when unreadable; read once} */
    public static Set<String> cpuFlags() {
        return Cpu.FLAGS;
    }

    private static Set<String> readCpuFlags() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.ISO_8859_1)) {
                if (line.startsWith("flags")) {
                    return new HashSet<>(Arrays.asList(line.substring(line.indexOf(':') + 1).trim().split("\\s+")));
                }
            }
        } catch (IOException | RuntimeException e) {
            return Set.of();
        }
        return Set.of();
    }
}
