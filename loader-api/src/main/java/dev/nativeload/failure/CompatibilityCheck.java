package dev.nativeload.failure;

import dev.nativeload.FailureKind;
import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.BinaryFormat;
import dev.nativeload.binary.BinaryImage;
import dev.nativeload.binary.BinarySummary;
import dev.nativeload.binary.GlibcVersion;
import dev.nativeload.binary.Binaries;
import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.NativeBinary;
import dev.nativeload.binary.NotABinaryException;
import dev.nativeload.binary.TargetOs;
import dev.nativeload.binary.VersionNeed;
import dev.nativeload.platform.Host;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides from a file's headers alone whether it can load on this host, before the OS is asked.
 *
 * <p>It rejects only what the OS loader certainly rejects: another format, machine or word size,
 * another C library, a too-new glibc requirement, a file too short to be a binary. A file the
 * parsers find malformed is not rejected here (the OS loader may be more lenient); the OS decides.
 */
public final class CompatibilityCheck {
    /** The smallest ELF, PE or Mach-O header; glibc says "file too short" below its own minimum. */
    static final int MIN_HEADER = 52;
    private static final List<String> GLIBC_LIBRARIES = List.of("libc.so.6", "libm.so.6", "libpthread.so.0",
            "libdl.so.2", "librt.so.1", "libresolv.so.2", "libutil.so.1", "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1");

    private final Host host;

    /** @param host the host the library is to load on */
    public CompatibilityCheck(Host host) {
        this.host = Objects.requireNonNull(host, "host");
    }

    /**
     * {@return why the file cannot load here, or empty when its headers allow it}
     *
     * @param file an existing regular file
     */
    public Optional<Diagnosis> check(Path file) {
        // What the bytes are comes first: a damaged binary may parse, and then crash the loader.
        Optional<Diagnosis> content = ContentDiagnosis.of(file);
        if (content.isPresent()) {
            return content;
        }
        NativeBinary binary;
        try {
            binary = Binaries.read(file);
        } catch (NotABinaryException notBinary) {
            return Optional.of(notABinary(file, notBinary.getMessage()));
        } catch (MalformedBinaryException malformed) {
            return Optional.empty();
        } catch (IOException unreadable) {
            return Optional.empty();
        }
        return check(file, binary);
    }

    /**
     * {@return why an already parsed binary cannot load here, or empty when it can}
     *
     * @param file   the file, for messages
     * @param binary its parsed headers
     */
    public Optional<Diagnosis> check(Path file, NativeBinary binary) {
        BinaryFormat expected = nativeFormat();
        String name = String.valueOf(file.getFileName());
        if (binary.format() == BinaryFormat.FAT_MACHO && host.os() == TargetOs.MACOS) {
            List<BinaryImage> slices = binary.images();
            if (slices.stream().noneMatch(i -> i.summary().architecture().equals(host.arch()))) {
                String have = slices.stream().map(i -> i.summary().architecture().name()).collect(Collectors.joining(", "));
                return Optional.of(Diagnosis.of(FailureKind.WRONG_ARCHITECTURE,
                        name + " is a universal binary for " + have + " and has no " + host.arch() + " slice",
                        "use a build that includes " + host.arch() + " (this JVM runs as " + host.arch() + ")"));
            }
            return Optional.empty();
        }
        BinarySummary s = binary.images().getFirst().summary();
        if (binary.format() != expected && !(expected == BinaryFormat.MACHO && binary.format() == BinaryFormat.FAT_MACHO)) {
            return Optional.of(Diagnosis.of(FailureKind.WRONG_FORMAT,
                    name + " is a " + describe(s) + ", not a library for " + osName(),
                    "use the " + host.platformId() + " build of the library"));
        }
        if (!s.architecture().equals(host.arch()) || s.bits() != hostBits()) {
            return Optional.of(Diagnosis.of(FailureKind.WRONG_ARCHITECTURE,
                    name + " is built for " + s.architecture() + " (" + s.bits() + "-bit), but this JVM runs as "
                            + host.arch() + " (" + hostBits() + "-bit)",
                    "use the " + host.platformId() + " build of the library"));
        }
        if (host.os() == TargetOs.LINUX) {
            Optional<Diagnosis> libc = checkLibc(name, s);
            if (libc.isPresent()) {
                return libc;
            }
            if (s.os() != TargetOs.LINUX && s.os() != TargetOs.UNKNOWN) {
                return Optional.of(Diagnosis.of(FailureKind.WRONG_FORMAT,
                        name + " is an ELF object for " + s.os() + ", not for Linux",
                        "use the " + host.platformId() + " build of the library"));
            }
        }
        return Optional.empty();
    }

    private Optional<Diagnosis> checkLibc(String name, BinarySummary s) {
        if (host.libc() == LibcFlavor.GLIBC && s.libc() == LibcFlavor.MUSL) {
            return Optional.of(Diagnosis.of(FailureKind.WRONG_LIBC,
                    name + " is linked against musl libc, but this host uses glibc",
                    "use the glibc build of the library (platform id " + host.platformId() + "), not the -musl one"));
        }
        if (host.libc() == LibcFlavor.MUSL && s.libc() == LibcFlavor.GLIBC) {
            return Optional.of(Diagnosis.of(FailureKind.WRONG_LIBC,
                    name + " is linked against glibc, but this host uses musl libc (Alpine?)",
                    "use the musl build of the library (platform id " + host.platformId() + ")"));
        }
        Optional<GlibcVersion> hostGlibc = host.libc() == LibcFlavor.GLIBC
                ? host.libcVersion().flatMap(GlibcVersion::parse) : Optional.empty();
        if (hostGlibc.isPresent()) {
            String hostVersion = hostGlibc.get().toString();
            for (VersionNeed need : s.versionNeeds()) {
                if (!GLIBC_LIBRARIES.contains(need.file())) {
                    continue;
                }
                Optional<String> newest = need.versions().stream()
                        .filter(v -> GlibcVersion.ofSymbolVersion(v).filter(n -> n.compareTo(hostGlibc.get()) > 0).isPresent())
                        .max(Comparator.comparing(v -> GlibcVersion.ofSymbolVersion(v).orElseThrow()));
                if (newest.isPresent()) {
                    return Optional.of(Diagnosis.of(FailureKind.VERSION_NOT_FOUND,
                            name + " requires " + newest.get() + " from " + need.file() + ", but this host has glibc " + hostVersion,
                            "use a build of the library made against glibc " + hostVersion + " or older (build on an older distribution), or run on a newer OS")
                            .withDependency(need.file(), name).withSymbol(null, newest.get()));
                }
            }
        }
        return Optional.empty();
    }

    private Diagnosis notABinary(Path file, String what) {
        String name = String.valueOf(file.getFileName());
        if (what.startsWith("empty file")) {
            return Diagnosis.of(FailureKind.TRUNCATED, name + " is empty",
                    "the file was cut short (an interrupted download or extraction?): reinstall or re-extract it");
        }
        return Diagnosis.of(FailureKind.WRONG_FORMAT, name + " is not a native library: " + what,
                "point the loader at the library file itself");
    }

    private BinaryFormat nativeFormat() {
        return switch (host.os()) {
            case WINDOWS -> BinaryFormat.PE;
            case MACOS -> BinaryFormat.MACHO;
            default -> BinaryFormat.ELF;
        };
    }

    private int hostBits() {
        String model = System.getProperty("sun.arch.data.model", "");
        if (model.equals("32") || model.equals("64")) {
            return Integer.parseInt(model);
        }
        return is32Bit(host.arch()) ? 32 : 64;
    }

    private static boolean is32Bit(Architecture arch) {
        return switch (arch.name()) {
            case "x86", "arm", "riscv32", "ppc", "mips", "mipsel" -> true;
            default -> false;
        };
    }

    private String osName() {
        return switch (host.os()) {
            case WINDOWS -> "Windows (a PE DLL)";
            case MACOS -> "macOS (a Mach-O dylib)";
            default -> host.os().name().charAt(0) + host.os().name().substring(1).toLowerCase(Locale.ROOT) + " (an ELF shared object)";
        };
    }

    private static String describe(BinarySummary s) {
        return switch (s.format()) {
            case ELF -> "ELF " + s.fileType() + " for " + s.architecture() + (s.os() == TargetOs.UNKNOWN ? "" : " (" + s.os() + ")");
            case PE -> "Windows PE " + s.fileType() + " for " + s.architecture();
            case MACHO, FAT_MACHO -> "Mach-O " + s.fileType() + " for " + s.architecture();
        };
    }
}
