package dev.nativeload.maven;

import java.util.List;

/**
 * One native {@code nativeload scan --json} found: one line of its output.
 *
 * @param archive    the PATH it was found under, as given
 * @param entry      its path inside, nested archives joined with {@code !/}
 * @param os         the OS it is built for, as nativeload names it ({@code LINUX}, {@code MACOS}, ...)
 * @param arch       its architecture ({@code x86_64}, {@code aarch64}, ...)
 * @param forTarget  whether it is built for the platform scanned for (from its headers)
 * @param violations the rules it breaks, for a native built for the platform
 */
record ScannedNative(String archive, String entry, String os, String arch, boolean forTarget, List<Violation> violations) {
    ScannedNative {
        violations = List.copyOf(violations);
    }

    /** {@return the archive that ships it: the PATH, or {@code PATH!/nested.jar} for a native in a nested archive} */
    String unit() {
        int nested = entry.lastIndexOf("!/");
        return nested < 0 ? archive : archive + "!/" + entry.substring(0, nested);
    }

    /** {@return what it is built for, for a message: {@code linux aarch64}, or {@code aarch64} when its OS is unknown} */
    String builtFor() {
        return os.equals("UNKNOWN") ? arch : os.toLowerCase(java.util.Locale.ROOT) + " " + arch;
    }
}
