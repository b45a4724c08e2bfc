package dev.nativeload.binary.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Tells PE files (DOS header magic {@code MZ}) from the rest of a directory. */
public final class MzMagic {
    private MzMagic() {
    }

    /** {@return whether the file starts with {@code MZ}; false when it cannot be read} @param file the file */
    public static boolean startsWithMz(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(2);
            return magic.length == 2 && magic[0] == 'M' && magic[1] == 'Z';
        } catch (IOException e) {
            return false;
        }
    }
}
