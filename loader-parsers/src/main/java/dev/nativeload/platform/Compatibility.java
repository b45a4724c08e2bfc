package dev.nativeload.platform;

import dev.nativeload.binary.BinaryFormat;
import dev.nativeload.binary.BinaryImage;
import dev.nativeload.binary.BinarySummary;
import dev.nativeload.binary.GlibcVersion;
import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.binary.NativeBinary;
import dev.nativeload.binary.TargetOs;
import dev.nativeload.binary.VersionNeed;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one set of rules for "can this binary load on this platform?", from the binary's own headers:
 * the format the platform's loader reads, the machine and word size (the slice of a universal
 * file), the C library, the OS, and glibc symbol versions against the platform's glibc. The chain's
 * pre-check, the resolver's candidate check and {@code verify} all ask it; each words the answer
 * for its reader.
 */
public final class Compatibility {
    private Compatibility() {
    }

    /**
     * {@return every reason the binary cannot load on the platform, empty when it can}
     *
     * @param binary the parsed file
     * @param target the platform
     */
    public static List<Incompatibility> problems(NativeBinary binary, Platform target) {
        // Loops, no streams or lambdas, here and below: the live chain checks every file it finds with
        // these rules, and each lambda spins a class at run time on the first load that does.
        List<BinarySummary> summaries = new ArrayList<>();
        for (BinaryImage image : binary.images()) {
            summaries.add(image.summary());
        }
        return problems(binary.format(), summaries, target);
    }

    /**
     * {@return every reason a file of this format and these images cannot load on the platform}. A
     * wrong format or machine ends the check (nothing else can be said of the image); the C
     * library, the OS and every glibc version too new are then all reported.
     *
     * @param format the file's container format
     * @param images the summaries of its images (several for a universal file)
     * @param target the platform
     */
    public static List<Incompatibility> problems(BinaryFormat format, List<BinarySummary> images, Platform target) {
        List<Incompatibility> out = new ArrayList<>();
        if (!target.accepts(format)) {
            out.add(new Incompatibility.WrongFormat(format));
            return out;
        }
        Optional<BinarySummary> image = image(format, images, target);
        if (image.isEmpty()) {
            out.add(format == BinaryFormat.FAT_MACHO
                    ? new Incompatibility.NoSlice(images.stream().map(BinarySummary::architecture).toList())
                    : machine(images.getFirst(), target).orElseThrow());
            return out;
        }
        BinarySummary s = image.get();
        Optional<Incompatibility> libc = wrongLibc(s, target);
        if (libc.isPresent()) {
            out.add(libc.get());
        }
        boolean sameOs = s.os() == target.os() || s.os() == TargetOs.UNKNOWN;
        if (!sameOs) {
            out.add(new Incompatibility.WrongOs(s.os()));
        }
        out.addAll(glibcTooOld(s, target));
        return out;
    }

    /**
     * {@return the first reason the binary cannot load on the platform}
     *
     * @param binary the parsed file
     * @param target the platform
     */
    public static Optional<Incompatibility> check(NativeBinary binary, Platform target) {
        return problems(binary, target).stream().findFirst();
    }

    /**
     * {@return why one image's machine or word size is not the platform's, or empty when both match}:
     * the rule a loader's search applies to each candidate before it takes one
     *
     * @param image  the image's summary
     * @param target the platform
     */
    public static Optional<Incompatibility.WrongMachine> machine(BinarySummary image, Platform target) {
        return image.architecture().equals(target.arch()) && image.bits() == target.bits() ? Optional.empty()
                : Optional.of(new Incompatibility.WrongMachine(image.architecture(), image.bits()));
    }

    /** The image a loader of the platform would take: the slice of its machine, or the one image if it matches. */
    private static Optional<BinarySummary> image(BinaryFormat format, List<BinarySummary> images, Platform target) {
        for (BinarySummary s : images) {
            if (s.architecture().equals(target.arch()) && (format == BinaryFormat.FAT_MACHO || s.bits() == target.bits())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private static Optional<Incompatibility> wrongLibc(BinarySummary s, Platform target) {
        if (target.os() != TargetOs.LINUX) {
            return Optional.empty();
        }
        boolean clash = (target.libc() == LibcFlavor.GLIBC && s.libc() == LibcFlavor.MUSL)
                || (target.libc() == LibcFlavor.MUSL && s.libc() == LibcFlavor.GLIBC);
        return clash ? Optional.of(new Incompatibility.WrongLibc(s.libc())) : Optional.empty();
    }

    /** Every {@code GLIBC_x.y} the image needs beyond the platform's glibc, newest first per file. */
    private static List<Incompatibility> glibcTooOld(BinarySummary s, Platform target) {
        List<Incompatibility> out = new ArrayList<>();
        if (target.libc() != LibcFlavor.GLIBC) {
            return out;
        }
        Optional<GlibcVersion> ceiling = target.libcVersion().isPresent()
                ? GlibcVersion.parse(target.libcVersion().get()) : Optional.empty();
        if (ceiling.isEmpty()) {
            return out;
        }
        for (VersionNeed need : s.versionNeeds()) {
            for (String version : need.versions()) {
                Optional<GlibcVersion> v = GlibcVersion.ofSymbolVersion(version);
                if (v.isPresent() && v.get().compareTo(ceiling.get()) > 0) {
                    out.add(new Incompatibility.GlibcTooOld(version, need.file()));
                }
            }
        }
        return out;
    }
}
