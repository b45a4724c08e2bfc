package dev.nativeload.maven;

import java.util.Locale;

/**
 * The one fact about platform ids the plugin needs in Maven's JVM, where nativeload's own {@code Platform} class
 * (release 22) cannot be loaded: which ids are linux with glibc, the platforms {@code --max-glibc} applies to.
 * Mirrors {@code Platform.parse}: {@code linux-ARCH} is glibc, {@code linux-ARCH-musl} is musl; any other id is
 * checked by nativeload itself, which refuses an unknown one.
 */
final class PlatformIds {
    private PlatformIds() {
    }

    /**
     * {@return whether an id names a linux glibc platform}
     *
     * @param id a platform id such as {@code linux-x86_64}
     */
    static boolean isLinuxGlibc(String id) {
        String[] parts = id.toLowerCase(Locale.ROOT).split("-", -1);
        return parts.length == 2 && parts[0].equals("linux") && !parts[1].isEmpty();
    }
}
