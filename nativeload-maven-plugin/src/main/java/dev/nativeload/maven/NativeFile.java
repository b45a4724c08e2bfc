package dev.nativeload.maven;

import java.nio.file.Path;

/**
 * One file of the project's output that sits in a platform directory of the default layout.
 *
 * @param platformId the directory's name, the platform it is shipped for ({@code linux-x86_64})
 * @param file       where it is on disk (for a jar entry: its extracted copy)
 * @param shownAs    how the build log names it: {@code target/classes/native/linux-x86_64/libfoo.so} or
 *                   {@code target/foo-1.0.jar!/native/linux-x86_64/libfoo.so}
 */
record NativeFile(String platformId, Path file, String shownAs) {
}
