package dev.nativeload.platform;

import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.binary.TargetOs;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The running host: the {@link Platform} of this JVM process, and the facts of the process that
 * decide how a library maps, read in-process (never by running {@code ldd} or {@code uname}).
 * {@link HostProbe} makes it.
 *
 * @param platform   the platform of this JVM process (not of the machine: a 32-bit JVM on a 64-bit
 *                   kernel loads 32-bit libraries), with the C library's version where it says
 * @param pageSize   the memory page size in bytes; 0 when unknown
 * @param translated whether the process runs under binary translation (Rosetta 2 on macOS)
 */
public record Host(Platform platform, long pageSize, boolean translated) {
    /** Checks the components: none may be null. */
    public Host {
        Objects.requireNonNull(platform, "platform");
    }

    /**
     * {@return a host on the architecture's own word size and byte order}
     *
     * @param os          the operating system
     * @param arch        the architecture of this process
     * @param libc        the C library
     * @param libcVersion its version, when known
     * @param pageSize    the page size, 0 when unknown
     * @param translated  whether under binary translation
     */
    public static Host of(TargetOs os, Architecture arch, LibcFlavor libc, Optional<String> libcVersion, long pageSize,
                          boolean translated) {
        Platform p = Platform.of(os, arch, libc);
        // No method reference: this runs on every first load, where it would cost a class spun at run time.
        return new Host(libcVersion.isPresent() ? p.withLibcVersion(libcVersion.get()) : p, pageSize, translated);
    }

    /** {@return the operating system} */
    public TargetOs os() {
        return platform.os();
    }

    /** {@return the architecture of this process} */
    public Architecture arch() {
        return platform.arch();
    }

    /** {@return the C library} */
    public LibcFlavor libc() {
        return platform.libc();
    }

    /** {@return the C library's version where it says ({@code "2.36"} for glibc)} */
    public Optional<String> libcVersion() {
        return platform.libcVersion();
    }

    /** {@return the platform id: {@code linux-x86_64}, {@code linux-x86_64-musl}, {@code osx-aarch64}, ...} */
    public String platformId() {
        return platform.id();
    }

    /**
     * {@return the OS a JVM's {@code os.name} names}
     *
     * @param osName the value of {@code os.name}
     */
    public static TargetOs osFromJvm(String osName) {
        String n = osName.toLowerCase(Locale.ROOT);
        if (n.startsWith("windows")) {
            return TargetOs.WINDOWS;
        }
        if (n.equals("mac os x") || n.startsWith("mac") || n.equals("darwin")) {
            return TargetOs.MACOS;
        }
        return switch (n) {
            case "linux" -> TargetOs.LINUX;
            case "freebsd" -> TargetOs.FREEBSD;
            case "openbsd" -> TargetOs.OPENBSD;
            case "netbsd" -> TargetOs.NETBSD;
            case "sunos", "solaris" -> TargetOs.SOLARIS;
            default -> TargetOs.UNKNOWN;
        };
    }
}
