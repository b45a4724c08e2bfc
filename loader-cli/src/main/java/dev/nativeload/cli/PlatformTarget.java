package dev.nativeload.cli;

import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.BinaryFormat;
import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.binary.TargetOs;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A platform natives are published for, in the common classifier form {@code OS-ARCH[-musl]}:
 * {@code linux-x86_64}, {@code linux-aarch64}, {@code linux-x86_64-musl}, {@code osx-aarch64},
 * {@code osx-x86_64}, {@code windows-x86_64}, {@code windows-aarch64}, ...
 *
 * <p>The architecture is one of the names {@link Architecture} normalizes to ({@code x86_64},
 * {@code aarch64}, {@code x86}, {@code arm}, {@code riscv64}, {@code ppc64le}, {@code s390x},
 * {@code loongarch64}, ...); the aliases {@code amd64}, {@code arm64}, {@code i386}, {@code i686}
 * and {@code x86_32} are accepted for them.
 *
 * @param id   the id as the user wrote it, lower-cased
 * @param os   {@link TargetOs#LINUX}, {@link TargetOs#MACOS} or {@link TargetOs#WINDOWS}
 * @param arch the architecture
 * @param libc {@link LibcFlavor#GLIBC} or {@link LibcFlavor#MUSL} on Linux, else {@link LibcFlavor#NOT_APPLICABLE}
 */
record PlatformTarget(String id, TargetOs os, Architecture arch, LibcFlavor libc) {
    private static final Map<String, TargetOs> OS_NAMES = Map.of(
            "linux", TargetOs.LINUX, "osx", TargetOs.MACOS, "macos", TargetOs.MACOS, "windows", TargetOs.WINDOWS);
    private static final Map<String, String> ARCH_ALIASES = Map.of(
            "amd64", "x86_64", "arm64", "aarch64", "i386", "x86", "i686", "x86", "x86_32", "x86");
    private static final Set<String> ARCHES = Set.of(
            "x86_64", "x86", "aarch64", "arm", "riscv64", "riscv32", "ppc64le", "ppc64", "ppc", "s390x",
            "loongarch64", "mips64el", "mips64", "mipsel", "mips", "sparcv9", "ia64", "arm64_32");

    PlatformTarget {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(libc, "libc");
    }

    /**
     * {@return the platform an id names}
     *
     * @param id e.g. {@code linux-aarch64} or {@code linux-x86_64-musl}
     * @throws IllegalArgumentException when the id is not of that form or names an unknown OS or architecture
     */
    static PlatformTarget parse(String id) {
        String lower = id.toLowerCase(Locale.ROOT);
        String[] parts = lower.split("-", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("target '" + id + "' is not OS-ARCH or linux-ARCH-musl");
        }
        TargetOs os = OS_NAMES.get(parts[0]);
        if (os == null) {
            throw new IllegalArgumentException("unknown OS '" + parts[0] + "' in target '" + id + "' (linux, osx, windows)");
        }
        String archName = ARCH_ALIASES.getOrDefault(parts[1], parts[1]);
        if (!ARCHES.contains(archName)) {
            throw new IllegalArgumentException("unknown architecture '" + parts[1] + "' in target '" + id + "'");
        }
        LibcFlavor libc = os == TargetOs.LINUX ? LibcFlavor.GLIBC : LibcFlavor.NOT_APPLICABLE;
        if (parts.length == 3) {
            if (os != TargetOs.LINUX || !parts[2].equals("musl")) {
                throw new IllegalArgumentException("target '" + id + "': only linux-ARCH-musl has a third part");
            }
            libc = LibcFlavor.MUSL;
        }
        return new PlatformTarget(lower, os, new Architecture(archName), libc);
    }

    /**
     * {@return whether a file of this format can hold natives for this platform}
     *
     * @param format the file's format
     */
    boolean accepts(BinaryFormat format) {
        return switch (os) {
            case LINUX -> format == BinaryFormat.ELF;
            case MACOS -> format == BinaryFormat.MACHO || format == BinaryFormat.FAT_MACHO;
            case WINDOWS -> format == BinaryFormat.PE;
            default -> false;
        };
    }

    /** {@return the format this platform's natives come in, for messages} */
    String formatName() {
        return switch (os) {
            case LINUX -> "ELF";
            case MACOS -> "Mach-O";
            case WINDOWS -> "PE";
            default -> os.name();
        };
    }
}
