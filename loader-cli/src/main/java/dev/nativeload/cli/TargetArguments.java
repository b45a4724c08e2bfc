package dev.nativeload.cli;

import dev.nativeload.binary.GlibcVersion;
import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.platform.Platform;
import java.util.Optional;

/** Reads {@code --target} and {@code --max-glibc} as {@code verify} and {@code scan} take them. */
final class TargetArguments {
    private TargetArguments() {
    }

    /**
     * {@return the platform an id names}
     *
     * @param id          the {@code --target} value
     * @throws UsageException if the id names no platform
     */
    static Platform target(String id) {
        try {
            return Platform.parse(id);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--target: " + e.getMessage(), e);
        }
    }

    /**
     * {@return the glibc ceiling, empty when none is given}
     *
     * @param platform    the target
     * @param maxGlibc    the {@code --max-glibc} value, or null
     * @throws UsageException if the target has no glibc or the value is no version
     */
    static Optional<GlibcVersion> maxGlibc(Platform platform, String maxGlibc) {
        if (maxGlibc == null) {
            return Optional.empty();
        }
        if (platform.libc() != LibcFlavor.GLIBC) {
            throw new UsageException("--max-glibc applies to linux glibc targets, not " + platform.id());
        }
        return Optional.of(GlibcVersion.parse(maxGlibc).orElseThrow(() -> new UsageException(
                "--max-glibc: '" + maxGlibc + "' is not a version such as 2.28")));
    }
}
