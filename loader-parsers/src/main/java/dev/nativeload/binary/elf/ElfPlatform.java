package dev.nativeload.binary.elf;

import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.binary.TargetOs;
import dev.nativeload.binary.VersionNeed;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tells the target OS and C library from what the loader-visible tables say: {@code EI_OSABI},
 * notes, {@code PT_INTERP}, {@code DT_NEEDED} and the version needs.
 */
final class ElfPlatform {
    /** The PowerPC64 dynamic linker, {@code /lib64/ld64.so.1} or {@code .2}. */
    private static final Pattern LD64 = Pattern.compile(".*/ld64\\.so\\.[12]");

    private final OsAbi osAbi;
    private final Optional<String> interpreter;
    private final List<String> needed;
    private final List<VersionNeed> versionNeeds;
    private final List<ElfNote> notes;

    ElfPlatform(OsAbi osAbi, Optional<String> interpreter, List<String> needed, List<VersionNeed> versionNeeds,
                List<ElfNote> notes) {
        this.osAbi = osAbi;
        this.interpreter = interpreter;
        this.needed = needed;
        this.versionNeeds = versionNeeds;
        this.notes = notes;
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
        return TargetOs.UNKNOWN;
    }

    /** The OS named outright by {@code EI_OSABI} or an OS note, other than Linux. */
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
        for (ElfNote n : notes) {
            TargetOs byNote = switch (n.owner()) {
                case "FreeBSD" -> TargetOs.FREEBSD;
                case "NetBSD" -> TargetOs.NETBSD;
                case "OpenBSD" -> TargetOs.OPENBSD;
                case "Android" -> TargetOs.ANDROID;
                default -> null;
            };
            if (byNote != null) {
                return Optional.of(byNote);
            }
        }
        // FreeBSD's C library has been libc.so.7 since FreeBSD 7; some FreeBSD objects carry no other mark.
        if (osAbi.equals(OsAbi.NONE) && needed.contains("libc.so.7")) {
            return Optional.of(TargetOs.FREEBSD);
        }
        return Optional.empty();
    }

    LibcFlavor libc() {
        if (interpreter.map(LibcFlavor::ofInterpreter).filter(LibcFlavor.MUSL::equals).isPresent()) {
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
                || interpreter.filter(i -> i.contains("/ld-linux")).isPresent();
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
        if (interpreter.filter(i -> i.startsWith("/system/bin/linker")).isPresent()) {
            return true;
        }
        if (hasNote("Android", -1, "")) {
            return true;
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
        if (interpreter.filter(i -> i.contains("/ld-linux") || i.contains("/ld-musl-") || LD64.matcher(i).matches())
                .isPresent()) {
            return true;
        }
        if (needed.contains("libc.so.6") || anyStartsWith(needed, "libc.musl-") || hasGlibcVersions()) {
            return true;
        }
        // NT_GNU_ABI_TAG whose first descriptor word is 0 (ELF_NOTE_OS_LINUX).
        return hasNote("GNU", ElfNote.NT_GNU_ABI_TAG, "00000000");
    }
}
