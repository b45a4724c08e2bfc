package dev.nativeload.binary.elf;

import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.binary.TargetOs;
import dev.nativeload.binary.VersionNeed;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Tells the target OS and C library from what the loader-visible tables say: {@code EI_OSABI},
 * notes, {@code PT_INTERP}, {@code DT_NEEDED} and the version needs; and, when none of them names an OS, from the
 * section names only one OS's link editor gives ({@link #bySectionName(List)}).
 */
final class ElfPlatform {
    /** The PowerPC64 dynamic linker, {@code /lib64/ld64.so.1} or {@code .2}. */
    private static final Pattern LD64 = Pattern.compile(".*/ld64\\.so\\.[12]");
    /** OpenBSD's shared libraries carry a major and a minor number: {@code libc.so.97.1}. */
    private static final Pattern OPENBSD_LIBC = Pattern.compile("libc\\.so\\.[0-9]+\\.[0-9]+");
    /** DragonFly's libc versions its symbols by release: {@code DF306.0}, {@code DF404.0}. */
    private static final Pattern DRAGONFLY_VERSION = Pattern.compile("DF[0-9]+\\.[0-9]+");
    /** Bionic's libraries, named without a version, that no musl object needs (musl's libc holds libm and libdl). */
    private static final java.util.Set<String> BIONIC_COMPANIONS = java.util.Set.of(
            "libm.so", "libdl.so", "liblog.so", "libandroid.so", "libc++_shared.so");

    private final OsAbi osAbi;
    private final Optional<String> interpreter;
    private final List<String> needed;
    private final List<VersionNeed> versionNeeds;
    private final List<ElfNote> notes;
    /** Read only when nothing else names the OS: the section header table lies at the end of the file. */
    private final Supplier<List<String>> sectionNames;

    ElfPlatform(OsAbi osAbi, Optional<String> interpreter, List<String> needed, List<VersionNeed> versionNeeds,
                List<ElfNote> notes, Supplier<List<String>> sectionNames) {
        this.osAbi = osAbi;
        this.interpreter = interpreter;
        this.needed = needed;
        this.versionNeeds = versionNeeds;
        this.notes = notes;
        this.sectionNames = sectionNames;
    }

    TargetOs os() {
        Optional<TargetOs> declared = declaredOs();
        if (declared.isPresent()) {
            return declared.get();
        }
        if (isBionic()) {
            return TargetOs.ANDROID;
        }
        boolean abiAllowsLinux = osAbi.equals(OsAbi.NONE) || osAbi.equals(OsAbi.GNU);
        if (abiAllowsLinux && (osAbi.equals(OsAbi.GNU) || hasLinuxMarker() || libc() == LibcFlavor.MUSL)) {
            return TargetOs.LINUX;
        }
        return bySectionName(sectionNames.get()).orElse(TargetOs.UNKNOWN);
    }

    /**
     * The OS whose link editor alone names sections so, the last evidence (the loader reads no section name, and a
     * stripped object may have none): Solaris's {@code ld} names its own sections {@code .SUNW_*} (
     * {@code .SUNW_ldynsym}, {@code .SUNW_dynsymsort}, {@code .SUNW_version}, {@code .SUNW_signature}, ...), and
     * OpenBSD's toolchain gives every object its {@code .note.openbsd.ident} section (from crtbegin) and
     * {@code .openbsd.randomdata}. Other names are no OS's alone: FreeBSD's {@code .note.tag} is DragonFly's too.
     *
     * @param names the object's section names
     * @return the OS they name, if any
     */
    static Optional<TargetOs> bySectionName(List<String> names) {
        for (String n : names) {
            if (n.startsWith(".SUNW_")) {
                return Optional.of(TargetOs.SOLARIS);
            }
            if (n.equals(".note.openbsd.ident") || n.startsWith(".openbsd.")) {
                return Optional.of(TargetOs.OPENBSD);
            }
        }
        return Optional.empty();
    }

    /**
     * The OS other than Linux that the object's own evidence names, strongest first: {@code EI_OSABI}; an OS note
     * (FreeBSD, NetBSD, OpenBSD, DragonFly, Android, or the OS word of {@code NT_GNU_ABI_TAG}); and, for an object
     * that leaves {@code EI_OSABI} at System V (as FreeBSD, DragonFly and Solaris builds often do), the symbol
     * versions it needs ({@code FBSD_1.x}; {@code SUNW_*}, {@code SYSVABI_*}, {@code ILLUMOS_*}; DragonFly's
     * {@code DFnnn.n}) and the C library's file name ({@code libc.so.7}, {@code libc.so.8}, {@code libc.so.1} or
     * Solaris's {@code libm.so.2}, NetBSD's {@code libc.so.12}, OpenBSD's {@code libc.so.MAJOR.MINOR}).
     */
    private Optional<TargetOs> declaredOs() {
        TargetOs byAbi = switch (osAbi.value()) {
            case 2 -> TargetOs.NETBSD;
            case 6 -> TargetOs.SOLARIS;
            case 9 -> TargetOs.FREEBSD;
            case 12 -> TargetOs.OPENBSD;
            default -> null;
        };
        if (byAbi != null) {
            return Optional.of(byAbi);
        }
        Optional<TargetOs> byNote = byNote();
        if (byNote.isPresent() || !osAbi.equals(OsAbi.NONE)) {
            return byNote;
        }
        Optional<TargetOs> byVersion = byVersionName();
        return byVersion.isPresent() ? byVersion : byLibraryName();
    }

    private Optional<TargetOs> byNote() {
        for (ElfNote n : notes) {
            TargetOs byOwner = switch (n.owner()) {
                case "FreeBSD" -> TargetOs.FREEBSD;
                case "NetBSD" -> TargetOs.NETBSD;
                case "OpenBSD" -> TargetOs.OPENBSD;
                case "DragonFly" -> TargetOs.DRAGONFLY;
                case "Android" -> TargetOs.ANDROID;
                default -> null;
            };
            if (byOwner != null) {
                return Optional.of(byOwner);
            }
            if (n.owner().equals("GNU") && n.type() == ElfNote.NT_GNU_ABI_TAG && n.descriptor().length() >= 8) {
                // The first word names the OS: 0 Linux, 2 Solaris, 3 FreeBSD, 4 NetBSD; in the file's byte order.
                String word = n.descriptor().substring(0, 8);
                TargetOs byTag = switch (word) {
                    case "02000000", "00000002" -> TargetOs.SOLARIS;
                    case "03000000", "00000003" -> TargetOs.FREEBSD;
                    case "04000000", "00000004" -> TargetOs.NETBSD;
                    default -> null;
                };
                if (byTag != null) {
                    return Optional.of(byTag);
                }
            }
        }
        return Optional.empty();
    }

    private Optional<TargetOs> byVersionName() {
        for (VersionNeed v : versionNeeds) {
            for (String name : v.versions()) {
                if (name.startsWith("FBSD_")) {
                    return Optional.of(TargetOs.FREEBSD);
                }
                if (name.startsWith("SUNW") || name.startsWith("SYSVABI_") || name.startsWith("ILLUMOS_")) {
                    return Optional.of(TargetOs.SOLARIS);
                }
                if (DRAGONFLY_VERSION.matcher(name).matches() && v.file().equals("libc.so.8")) {
                    return Optional.of(TargetOs.DRAGONFLY);
                }
            }
        }
        return Optional.empty();
    }

    private Optional<TargetOs> byLibraryName() {
        for (String n : needed) {
            TargetOs os = switch (n) {
                case "libc.so.7" -> TargetOs.FREEBSD; // FreeBSD's C library since FreeBSD 7
                case "libc.so.8" -> TargetOs.DRAGONFLY;
                case "libc.so.12" -> TargetOs.NETBSD;
                case "libc.so.1", "libm.so.2" -> TargetOs.SOLARIS; // Linux's libm is libm.so.6
                default -> OPENBSD_LIBC.matcher(n).matches() ? TargetOs.OPENBSD : null;
            };
            if (os != null) {
                return Optional.of(os);
            }
        }
        return Optional.empty();
    }

    LibcFlavor libc() {
        // No lambdas in these tests either: the live chain summarises every file it checks, and each
        // lambda spins a class at run time on the first load that does.
        String interp = interpreter.orElse(null);
        if (interp != null && LibcFlavor.ofInterpreter(interp) == LibcFlavor.MUSL) {
            return LibcFlavor.MUSL;
        }
        if (isBionic()) {
            return LibcFlavor.BIONIC;
        }
        if (isGlibc()) {
            return LibcFlavor.GLIBC;
        }
        boolean linuxLike = declaredOs().isEmpty();
        if (linuxLike && (anyStartsWith(needed, "libc.musl-") || needed.contains("libc.so"))) {
            return LibcFlavor.MUSL;
        }
        return LibcFlavor.UNKNOWN;
    }

    private boolean isGlibc() {
        return needed.contains("libc.so.6") || hasGlibcVersions()
                || (interpreter.isPresent() && interpreter.get().contains("/ld-linux"));
    }

    private boolean hasGlibcVersions() {
        for (VersionNeed v : versionNeeds) {
            if (anyStartsWith(v.versions(), "GLIBC_")) {
                return true;
            }
        }
        return false;
    }

    // Loops, not streams, here and below: every summary runs these, and a one-shot run (a CLI
    // over a few hundred files) spends much of its time in the interpreter.
    private static boolean anyStartsWith(List<String> names, String prefix) {
        for (String n : names) {
            if (n.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private boolean hasNote(String owner, long type, String descriptorPrefix) {
        for (ElfNote n : notes) {
            if (n.owner().equals(owner) && (type < 0 || n.type() == type) && n.descriptor().startsWith(descriptorPrefix)) {
                return true;
            }
        }
        return false;
    }

    private boolean isBionic() {
        if (interpreter.isPresent() && interpreter.get().startsWith("/system/bin/linker")) {
            return true;
        }
        if (hasNote("Android", -1, "")) {
            return true;
        }
        // Old NDK builds version nothing, but need libc.so beside libraries only Android names so.
        if (needed.contains("libc.so")) {
            for (String n : needed) {
                if (BIONIC_COMPANIONS.contains(n)) {
                    return true;
                }
            }
        }
        // Bionic's libc.so versions its symbols LIBC, LIBC_N, LIBC_O, ...
        for (VersionNeed v : versionNeeds) {
            if (v.file().equals("libc.so") && (v.versions().contains("LIBC") || anyStartsWith(v.versions(), "LIBC_"))) {
                return true;
            }
        }
        return false;
    }

    private boolean hasLinuxMarker() {
        if (interpreter.isPresent()) {
            String i = interpreter.get();
            if (i.contains("/ld-linux") || i.contains("/ld-musl-") || LD64.matcher(i).matches()) {
                return true;
            }
        }
        if (needed.contains("libc.so.6") || anyStartsWith(needed, "libc.musl-") || hasGlibcVersions()) {
            return true;
        }
        // NT_GNU_ABI_TAG whose first descriptor word is 0 (ELF_NOTE_OS_LINUX).
        return hasNote("GNU", ElfNote.NT_GNU_ABI_TAG, "00000000");
    }
}
