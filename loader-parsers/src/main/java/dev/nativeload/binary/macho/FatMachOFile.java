package dev.nativeload.binary.macho;

import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.BinaryFormat;
import dev.nativeload.binary.BinaryImage;
import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.NativeBinary;
import java.util.List;

/** Placeholder: the fat Mach-O reader is being written. */
public final class FatMachOFile implements NativeBinary {
    private FatMachOFile() {
    }

    public static FatMachOFile read(BinaryData data) throws MalformedBinaryException {
        throw new MalformedBinaryException(0, "fat Mach-O reader not written yet");
    }

    @Override
    public BinaryFormat format() {
        return BinaryFormat.FAT_MACHO;
    }

    @Override
    public List<BinaryImage> images() {
        return List.of();
    }
}
