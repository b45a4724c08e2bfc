package dev.nativeload.maven;

import java.util.List;

/**
 * What one {@code nativeload scan --json} run found: every native, then its summary line.
 *
 * @param natives                     the natives, in the order found
 * @param archivesWithoutTargetNative each archive (or nested archive) that ships natives but none for the platform
 */
record ScanReport(List<ScannedNative> natives, List<String> archivesWithoutTargetNative) {
    ScanReport {
        natives = List.copyOf(natives);
        archivesWithoutTargetNative = List.copyOf(archivesWithoutTargetNative);
    }

    /** {@return whether nothing in it fails the check: every archive has its native and none breaks a rule} */
    boolean clean() {
        return archivesWithoutTargetNative.isEmpty()
                && natives.stream().allMatch(n -> !n.forTarget() || n.violations().isEmpty());
    }

    /**
     * {@return what an archive ships, for a message: the distinct platforms of its natives}
     *
     * @param unit an archive, as {@link ScannedNative#unit()} names it
     */
    List<String> builtFor(String unit) {
        return natives.stream().filter(n -> n.unit().equals(unit)).map(ScannedNative::builtFor).distinct().toList();
    }

    /** {@return whether one of its natives is built for the platform scanned for} */
    boolean hasTargetNative() {
        return natives.stream().anyMatch(ScannedNative::forTarget);
    }
}
