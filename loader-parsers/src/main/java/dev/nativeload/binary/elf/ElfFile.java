package dev.nativeload.binary.elf;

import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.BinaryFormat;
import dev.nativeload.binary.BinaryImage;
import dev.nativeload.binary.BinarySummary;
import dev.nativeload.binary.MalformedBinaryException;
import java.io.IOException;
import java.nio.file.Path;

/** Placeholder: the ELF reader is being written. */
public final class ElfFile implements BinaryImage {
    private ElfFile() {
    }

    public static ElfFile read(Path file) throws IOException, MalformedBinaryException {
        return read(BinaryData.map(file));
    }

    public static ElfFile read(BinaryData data) throws MalformedBinaryException {
        throw new MalformedBinaryException(0, "ELF reader not written yet");
    }

    @Override
    public BinaryFormat format() {
        return BinaryFormat.ELF;
    }

    @Override
    public BinarySummary summary() {
        throw new IllegalStateException();
    }
}
