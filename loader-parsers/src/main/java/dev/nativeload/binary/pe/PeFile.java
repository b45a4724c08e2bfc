package dev.nativeload.binary.pe;

import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.BinaryFormat;
import dev.nativeload.binary.BinaryImage;
import dev.nativeload.binary.BinarySummary;
import dev.nativeload.binary.MalformedBinaryException;
import java.io.IOException;
import java.nio.file.Path;

/** Placeholder: the PE reader is being written. */
public final class PeFile implements BinaryImage {
    private PeFile() {
    }

    public static PeFile read(Path file) throws IOException, MalformedBinaryException {
        return read(BinaryData.map(file));
    }

    public static PeFile read(BinaryData data) throws MalformedBinaryException {
        throw new MalformedBinaryException(0, "PE reader not written yet");
    }

    @Override
    public BinaryFormat format() {
        return BinaryFormat.PE;
    }

    @Override
    public BinarySummary summary() {
        throw new IllegalStateException();
    }
}
