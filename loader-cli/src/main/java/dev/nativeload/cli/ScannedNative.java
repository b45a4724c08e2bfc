package dev.nativeload.cli;

import dev.nativeload.binary.BinaryFormat;
import dev.nativeload.binary.BinarySummary;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One native found by {@code scan}: where it is, what its headers say, and, when it is built for the target, what
 * it exports to the JVM.
 *
 * @param archive  the PATH given on the command line (or the class path element) it was found under
 * @param unit     the innermost archive (or the PATH itself) holding it, named as {@code archive!/entry!/...}
 * @param entry    its path inside {@code archive}, nested archives joined with {@code !/}
 * @param format   its container format ({@link BinaryFormat#FAT_MACHO} for a universal file)
 * @param images   the summary of each image (one per slice of a universal file)
 * @param forTarget whether it is built for the target: format, machine, OS and C library, from its headers
 * @param jni      what the target's image exports to the JVM; empty when not for the target or not read
 */
record ScannedNative(String archive, String unit, String entry, BinaryFormat format, List<BinarySummary> images,
                     boolean forTarget, Optional<JniExports> jni) {
    ScannedNative {
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(format, "format");
        images = List.copyOf(images);
        Objects.requireNonNull(jni, "jni");
    }

    /** {@return the file as {@code verify} takes it, named by its entry} */
    InspectResult.Read asRead() {
        return new InspectResult.Read(entry, format, images);
    }

    /** {@return the entry's file name, its last path component} */
    String fileName() {
        int slash = entry.lastIndexOf('/');
        return entry.substring(slash + 1);
    }
}
