package dev.nativeload.binary.macho;

import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.BinaryFormat;
import dev.nativeload.binary.BinaryImage;
import dev.nativeload.binary.BinarySummary;
import dev.nativeload.binary.MalformedBinaryException;
import java.io.IOException;
import java.nio.file.Path;

/** Placeholder: the MACHO reader is being written. */
public final class MachOFile implements BinaryImage {
    private MachOFile() {
    }

    public static MachOFile read(Path file) throws IOException, MalformedBinaryException {
        return read(BinaryData.map(file));
    }

    public static MachOFile read(BinaryData data) throws MalformedBinaryException {
        throw new MalformedBinaryException(0, "MACHO reader not written yet");
    }

    @Override
    public BinaryFormat format() {
        return BinaryFormat.MACHO;
    }

    @Override
    public BinarySummary summary() {
        throw new IllegalStateException();
    }
}
