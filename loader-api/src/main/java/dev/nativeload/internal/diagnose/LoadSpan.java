package dev.nativeload.internal.diagnose;

import dev.nativeload.binary.Binaries;
import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.NotABinaryException;
import dev.nativeload.binary.elf.ElfFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** How much address space a library's loadable segments ask for, to explain a failed map. */
final class LoadSpan {
    private LoadSpan() {
    }

    /** {@return the bytes of address space the ELF file's PT_LOAD segments span, if it is a readable ELF} */
    static Optional<Long> of(Path file) {
        try {
            if (Binaries.read(file) instanceof ElfFile elf) {
                return elfSpan(elf);
            }
            return Optional.empty();
        } catch (IOException | NotABinaryException | MalformedBinaryException unreadable) {
            return Optional.empty();
        }
    }

    private static Optional<Long> elfSpan(ElfFile elf) {
        long span = elf.loadSegments().addressSpan();
        return span > 0 ? Optional.of(span) : Optional.empty();
    }

    /** {@return a byte count for people: "128.0 TiB (0x7ff000001000 bytes)"} */
    static String describe(long bytes) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s (0x%x bytes)", v, units[u], bytes);
    }
}
