package dev.nativeload.resolve;

import dev.nativeload.binary.BinaryImage;
import dev.nativeload.binary.elf.DynamicFlags1;
import dev.nativeload.binary.elf.ElfFile;
import dev.nativeload.binary.elf.ElfType;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code $ORIGIN} of the main program. A library's origin is the directory it was opened under
 * (a symlink's directory, not its target's). A program the kernel starts gets the directory of
 * {@code /proc/self/exe}, its real path; under {@code ld.so --list} (ldd) it is the path as given.
 */
final class ElfOrigins {
    private ElfOrigins() {
    }

    /** {@return whether an image is a program (what the kernel starts), not a library} */
    static boolean isProgram(BinaryImage image) {
        return image instanceof ElfFile elf
                && (elf.header().type().equals(ElfType.EXEC) || elf.flags1().has(DynamicFlags1.DF_1_PIE)
                || elf.interpreter().isPresent() && elf.soname().isEmpty());
    }

    static String rootOrigin(String pathAsGiven, BinaryImage image, ResolveHost host, boolean mainOriginIsRealPath) {
        if (isProgram(image) && mainOriginIsRealPath) {
            try {
                Path real = LoaderPaths.resolve(pathAsGiven, host.currentDir()).toRealPath();
                Path parent = real.getParent();
                return parent == null ? "/" : parent.toString();
            } catch (IOException e) {
                return LoaderPaths.origin(pathAsGiven, host.currentDir());
            }
        }
        return LoaderPaths.origin(pathAsGiven, host.currentDir());
    }
}
