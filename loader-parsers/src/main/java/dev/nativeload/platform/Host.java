package dev.nativeload.platform;

import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.binary.TargetOs;
import java.util.Objects;
import java.util.Optional;

/**
 * Facts about the running host that decide which libraries can load here, read in-process
 * (never by running {@code ldd} or {@code uname}).
 *
 * @param os          the operating system
 * @param arch        the architecture of this JVM process (not of the machine: a 32-bit JVM on a
 *                    64-bit kernel loads 32-bit libraries)
 * @param libc        the C library: {@code gnu_get_libc_version} present means glibc; else the
 *                    {@code PT_INTERP} of the running executable ({@code ld-musl-*} means musl)
 * @param libcVersion the C library's version where it says ({@code "2.36"} for glibc)
 * @param pageSize    the memory page size in bytes
 * @param translated  whether the process runs under binary translation (Rosetta 2 on macOS)
 */
public record Host(TargetOs os, Architecture arch, LibcFlavor libc, Optional<String> libcVersion, long pageSize,
                   boolean translated) {
    public Host {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(libc, "libc");
        Objects.requireNonNull(libcVersion, "libcVersion");
    }

    /**
     * {@return the platform id in the common classifier form: {@code linux-x86_64},
     * {@code linux-x86_64-musl}, {@code osx-aarch64}, {@code windows-x86_64}}
     */
    public String platformId() {
        String osPart = switch (os) {
            case LINUX -> "linux";
            case MACOS -> "osx";
            case WINDOWS -> "windows";
            case FREEBSD -> "freebsd";
            case OPENBSD -> "openbsd";
            case NETBSD -> "netbsd";
            case SOLARIS -> "solaris";
            case ANDROID -> "android";
            case UNKNOWN -> "unknown";
        };
        return osPart + "-" + arch.name() + (os == TargetOs.LINUX && libc == LibcFlavor.MUSL ? "-musl" : "");
    }

    /**
     * {@return the operating system of this JVM from {@code os.name}, without string guessing on "win"}
     *
     * @param osName the value of the {@code os.name} system property
     */
    public static TargetOs osFromJvm(String osName) {
        String n = osName.toLowerCase(java.util.Locale.ROOT);
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
