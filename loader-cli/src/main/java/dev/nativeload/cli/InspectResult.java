package dev.nativeload.cli;

import dev.nativeload.binary.BinaryFormat;
import dev.nativeload.binary.BinarySummary;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/** What {@code nativeload inspect} found for one file argument: its images, or why it could not be read. */
public sealed interface InspectResult permits InspectResult.Read, InspectResult.Failed {
    /** {@return the file argument exactly as the user gave it} */
    String path();

    /**
     * A file that was read.
     *
     * @param path   the argument as given
     * @param format the container format; {@link BinaryFormat#FAT_MACHO} holds one image per slice
     * @param images the summary of each image: one for a thin file, one per slice of a fat file
     */
    record Read(String path, BinaryFormat format, List<BinarySummary> images) implements InspectResult {
        /** Rejects null components and a thin file with other than one image, and copies the images. */
        public Read {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(format, "format");
            images = List.copyOf(images);
            if (format != BinaryFormat.FAT_MACHO && images.size() != 1) {
                throw new IllegalArgumentException("a thin " + format + " file has exactly one image, not " + images.size());
            }
        }

        /** {@return whether the file is a universal file whose images are slices} */
        public boolean isFat() {
            return format == BinaryFormat.FAT_MACHO;
        }
    }

    /**
     * A file that could not be read.
     *
     * @param path    the argument as given
     * @param kind    why, in one word
     * @param message what was wrong, without the offset
     * @param offset  the byte offset of the problem in the file, when known
     */
    record Failed(String path, ErrorKind kind, String message, OptionalLong offset) implements InspectResult {
        /** Rejects null components. */
        public Failed {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(offset, "offset");
        }
    }

    /** The kinds of failure; their names are the {@code error.kind} values of the JSON output. */
    enum ErrorKind {
        /** The file claims a format but breaks its rules ({@code MalformedBinaryException}). */
        MALFORMED,
        /** The file is none of ELF, PE or Mach-O ({@code NotABinaryException}). */
        NOT_A_BINARY,
        /** The file (or a list of file names) could not be opened or read. */
        IO
    }
}
