package dev.nativeload.maven;

import java.nio.file.Path;

/**
 * The {@code java} the plugin forks to run nativeload, and where it came from.
 *
 * @param executable the {@code java} (or {@code java.exe}) launcher
 * @param origin     how it was chosen, for the build log: "the jdk toolchain", "javaHome", "Maven's own JVM"
 */
record ForkJava(Path executable, String origin) {
}
