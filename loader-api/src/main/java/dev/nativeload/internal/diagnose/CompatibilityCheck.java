package dev.nativeload.internal.diagnose;

import dev.nativeload.report.Diagnosis.Culprit;
import dev.nativeload.report.Diagnosis;

import dev.nativeload.report.FailureKind;
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
import dev.nativeload.platform.Compatibility;
import dev.nativeload.platform.Host;
import dev.nativeload.platform.Incompatibility;
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
        NativeBinary binary;
        try {
            binary = Binaries.read(file);
        } catch (NotABinaryException notBinary) {
            return Optional.of(notABinary(file, notBinary));
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
        String name = String.valueOf(file.getFileName());
        List<Incompatibility> problems = Compatibility.problems(binary, host.platform());
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        BinarySummary s = binary.images().getFirst().summary();
        Incompatibility first = problems.getFirst();
        return Optional.of(switch (first) {
            case Incompatibility.WrongFormat f -> Diagnosis.of(FailureKind.WRONG_FORMAT,
                    name + " is a " + describe(s) + ", not a library for " + osName(),
                    "use the " + host.platformId() + " build of the library");
            case Incompatibility.NoSlice n -> Diagnosis.of(FailureKind.WRONG_ARCHITECTURE,
                    name + " is a universal binary for " + n.slices().stream().map(Architecture::name).collect(Collectors.joining(", "))
                            + " and has no " + host.arch() + " slice",
                    "use a build that includes " + host.arch() + " (this JVM runs as " + host.arch() + ")");
            case Incompatibility.WrongMachine m -> Diagnosis.of(FailureKind.WRONG_ARCHITECTURE,
                    name + " is built for " + m.found() + " (" + m.foundBits() + "-bit), but this JVM runs as "
                            + host.arch() + " (" + host.platform().bits() + "-bit)",
                    "use the " + host.platformId() + " build of the library");
            case Incompatibility.WrongLibc l -> l.found() == LibcFlavor.MUSL
                    ? Diagnosis.of(FailureKind.WRONG_LIBC, name + " is linked against musl libc, but this host uses glibc",
                            "use the glibc build of the library (platform id " + host.platformId() + "), not the -musl one")
                    : Diagnosis.of(FailureKind.WRONG_LIBC, name + " is linked against glibc, but this host uses musl libc (Alpine?)",
                            "use the musl build of the library (platform id " + host.platformId() + ")");
            case Incompatibility.WrongOs o -> Diagnosis.of(FailureKind.WRONG_FORMAT,
                    name + " is an " + binary.format() + " object for " + o.found() + ", not for " + osName(),
                    "use the " + host.platformId() + " build of the library");
            case Incompatibility.GlibcTooOld g -> glibcTooOld(name, problems);
        });
    }

    /** The newest glibc version needed beyond the host's, of all the ones too new. */
    private Diagnosis glibcTooOld(String name, List<Incompatibility> problems) {
        Incompatibility.GlibcTooOld newest = problems.stream()
                .filter(Incompatibility.GlibcTooOld.class::isInstance).map(Incompatibility.GlibcTooOld.class::cast)
                .max(Comparator.comparing(g -> GlibcVersion.ofSymbolVersion(g.version()).orElseThrow())).orElseThrow();
        String hostVersion = host.libcVersion().orElse("?");
        return Diagnosis.of(FailureKind.VERSION_NOT_FOUND,
                name + " requires " + newest.version() + " from " + newest.file() + ", but this host has glibc " + hostVersion,
                "use a build of the library made against glibc " + hostVersion
                        + " or older (build on an older distribution), or run on a newer OS")
                .withCulprit(new Culprit.Version(newest.version(), newest.file(), name));
    }

    private Diagnosis notABinary(Path file, NotABinaryException notBinary) {
        String name = String.valueOf(file.getFileName());
        String what = notBinary.getMessage();
        if (notBinary.reason() == NotABinaryException.Reason.EMPTY) {
            return Diagnosis.of(FailureKind.TRUNCATED, name + " is empty",
                    "the file was cut short (an interrupted download or extraction?): reinstall or re-extract it");
        }
        return Diagnosis.of(FailureKind.WRONG_FORMAT, name + " is not a native library: " + what,
                "point the loader at the library file itself");
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
