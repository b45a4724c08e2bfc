package dev.nativeload.platform;

import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.BinaryFormat;
import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.binary.TargetOs;
import java.nio.ByteOrder;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A platform a native library is built for or loaded on: the operating system, the CPU
 * architecture with its word size and byte order, and the C library with its version. The one
 * model of a platform: the chain's pre-check, the resolver, {@code verify} and the command line
 * all speak it.
 *
 * <p>Its {@linkplain #id() id} is the classifier form jars use for their natives:
 * {@code linux-x86_64}, {@code linux-aarch64-musl}, {@code osx-aarch64}, {@code windows-x86_64}.
 *
 * @param os          the operating system
 * @param arch        the CPU architecture
 * @param bits        the word size, 32 or 64
 * @param byteOrder   the byte order
 * @param libc        the C library ({@link LibcFlavor#NOT_APPLICABLE} off Linux)
 * @param libcVersion the C library's version ({@code "2.36"}), when known; for a target, the newest allowed
 */
public record Platform(TargetOs os, Architecture arch, int bits, ByteOrder byteOrder, LibcFlavor libc,
                       Optional<String> libcVersion) {
    private static final Map<String, TargetOs> OS_NAMES = Map.of(
            "linux", TargetOs.LINUX, "osx", TargetOs.MACOS, "macos", TargetOs.MACOS, "windows", TargetOs.WINDOWS);
    private static final Map<String, String> ARCH_ALIASES = Map.of(
            "amd64", "x86_64", "arm64", "aarch64", "i386", "x86", "i686", "x86", "x86_32", "x86");
    private static final Set<String> THIRTY_TWO_BIT = Set.of("x86", "arm", "riscv32", "ppc", "mipsel", "mips", "arm64_32");
    private static final Set<String> BIG_ENDIAN = Set.of("ppc64", "ppc", "s390x", "mips64", "mips", "sparcv9");
    private static final Set<String> KNOWN = Set.of(
            "x86_64", "x86", "aarch64", "arm", "riscv64", "riscv32", "ppc64le", "ppc64", "ppc", "s390x",
            "loongarch64", "mips64el", "mips64", "mipsel", "mips", "sparcv9", "ia64", "arm64_32");

    /** Checks the components: none may be null. */
    public Platform {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(byteOrder, "byteOrder");
        Objects.requireNonNull(libc, "libc");
        Objects.requireNonNull(libcVersion, "libcVersion");
        if (bits != 32 && bits != 64) {
            throw new IllegalArgumentException("bits must be 32 or 64: " + bits);
        }
    }

    /**
     * {@return a platform whose word size and byte order are the architecture's own}
     *
     * @param os   the operating system
     * @param arch the architecture
     * @param libc the C library
     */
    public static Platform of(TargetOs os, Architecture arch, LibcFlavor libc) {
        return new Platform(os, arch, bitsOf(arch), byteOrderOf(arch), libc, Optional.empty());
    }

    /**
     * {@return the platform an id names}
     *
     * @param id {@code OS-ARCH} or {@code linux-ARCH-musl}: {@code linux-x86_64}, {@code osx-aarch64},
     *           {@code windows-x86_64}, {@code linux-aarch64-musl}; {@code amd64}, {@code arm64} and
     *           {@code macos} are accepted as aliases
     * @throws IllegalArgumentException if the id names no such platform, with what is wrong
     */
    public static Platform parse(String id) {
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
        if (!KNOWN.contains(archName)) {
            throw new IllegalArgumentException("unknown architecture '" + parts[1] + "' in target '" + id + "'");
        }
        LibcFlavor libc = os == TargetOs.LINUX ? LibcFlavor.GLIBC : LibcFlavor.NOT_APPLICABLE;
        if (parts.length == 3) {
            if (os != TargetOs.LINUX || !parts[2].equals("musl")) {
                throw new IllegalArgumentException("target '" + id + "': only linux-ARCH-musl has a third part");
            }
            libc = LibcFlavor.MUSL;
        }
        return of(os, Architecture.fromJvm(archName), libc);
    }

    /** {@return the classifier id: {@code linux-x86_64}, {@code linux-x86_64-musl}, {@code osx-aarch64}, ...} */
    public String id() {
        String osPart = switch (os) {
            case LINUX -> "linux";
            case MACOS -> "osx";
            case WINDOWS -> "windows";
            case FREEBSD -> "freebsd";
            case OPENBSD -> "openbsd";
            case NETBSD -> "netbsd";
            case DRAGONFLY -> "dragonfly";
            case SOLARIS -> "solaris";
            case ANDROID -> "android";
            case UNKNOWN -> "unknown";
        };
        return osPart + "-" + arch.name() + (os == TargetOs.LINUX && libc == LibcFlavor.MUSL ? "-musl" : "");
    }

    /**
     * {@return this platform with the C library's version (or, for a target, the newest allowed)}
     *
     * @param version such as {@code "2.28"}
     */
    public Platform withLibcVersion(String version) {
        return new Platform(os, arch, bits, byteOrder, libc, Optional.of(version));
    }

    /** {@return the binary format this OS loads: ELF, Mach-O or PE} */
    public BinaryFormat nativeFormat() {
        return switch (os) {
            case WINDOWS -> BinaryFormat.PE;
            case MACOS -> BinaryFormat.MACHO;
            default -> BinaryFormat.ELF;
        };
    }

    /**
     * {@return whether this OS's loader reads files of this format (a universal Mach-O on macOS too)}
     *
     * @param format the file's format
     */
    public boolean accepts(BinaryFormat format) {
        return format == nativeFormat() || (os == TargetOs.MACOS && format == BinaryFormat.FAT_MACHO);
    }

    /** {@return the name of this OS's format, for messages: {@code ELF}, {@code Mach-O}, {@code PE}} */
    public String formatName() {
        return switch (nativeFormat()) {
            case PE -> "PE";
            case MACHO, FAT_MACHO -> "Mach-O";
            default -> "ELF";
        };
    }

    /**
     * {@return the Debian multiarch directory name of a glibc Linux platform ({@code x86_64-linux-gnu}),
     * the one table of it}
     */
    public Optional<String> multiarchTriplet() {
        if (os != TargetOs.LINUX || libc == LibcFlavor.MUSL) {
            return Optional.empty();
        }
        return Optional.of(switch (arch.name()) {
            case "x86_64" -> "x86_64-linux-gnu";
            case "x86" -> "i386-linux-gnu";
            case "aarch64" -> "aarch64-linux-gnu";
            case "arm" -> "arm-linux-gnueabihf";
            case "riscv64" -> "riscv64-linux-gnu";
            case "ppc64le" -> "powerpc64le-linux-gnu";
            case "ppc64" -> "powerpc64-linux-gnu";
            case "s390x" -> "s390x-linux-gnu";
            case "loongarch64" -> "loongarch64-linux-gnu";
            case "mips64el" -> "mips64el-linux-gnuabi64";
            default -> arch.name() + "-linux-gnu";
        });
    }

    /**
     * {@return 32 or 64, the architecture's word size}
     *
     * @param arch the architecture
     */
    public static int bitsOf(Architecture arch) {
        return THIRTY_TWO_BIT.contains(arch.name()) ? 32 : 64;
    }

    /**
     * {@return the architecture's byte order}
     *
     * @param arch the architecture
     */
    public static ByteOrder byteOrderOf(Architecture arch) {
        return BIG_ENDIAN.contains(arch.name()) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }

    @Override
    public String toString() {
        return id() + libcVersion.map(v -> " (" + libc.name().toLowerCase(Locale.ROOT) + " " + v + ")").orElse("");
    }
}
