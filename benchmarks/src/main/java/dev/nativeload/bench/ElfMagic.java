package dev.nativeload.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Which files the ELF benchmarks take: those whose first four bytes are the ELF magic. */
final class ElfMagic {
    private static final byte[] MAGIC = {0x7f, 'E', 'L', 'F'};

    private ElfMagic() {
    }

    /**
     * {@return whether the file starts with {@code \x7fELF}}
     *
     * @param file a regular file
     * @throws IOException if it cannot be read
     */
    static boolean startsWith(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
        }
    }
}
