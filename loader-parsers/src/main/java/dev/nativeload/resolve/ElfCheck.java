package dev.nativeload.resolve;

import dev.nativeload.platform.Compatibility;

import dev.nativeload.binary.BinaryFormat;
import dev.nativeload.binary.BinaryImage;
import dev.nativeload.binary.NativeBinary;
import dev.nativeload.binary.elf.DynamicFlags1;
import dev.nativeload.binary.elf.ElfFile;
import dev.nativeload.binary.elf.ElfType;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * What ld.so's {@code open_verify} and {@code _dl_map_object_from_fd} decide about a candidate
 * ELF file: take it, skip it and search on (another class or machine), or give up (anything else
 * wrong).
 */
final class ElfCheck {
    /**
     * The verdict.
     *
     * @param image the image when taken
     * @param skip why it is skipped
     * @param fatal why loading stops
     */
    record Verdict(Optional<ElfFile> image, Optional<String> skip, Optional<String> fatal) {
        static Verdict take(ElfFile f) {
            return new Verdict(Optional.of(f), Optional.empty(), Optional.empty());
        }

        static Verdict skip(String why) {
            return new Verdict(Optional.empty(), Optional.of(why), Optional.empty());
        }

        static Verdict fatal(String why) {
            return new Verdict(Optional.empty(), Optional.empty(), Optional.of(why));
        }
    }

    private ElfCheck() {
    }

    static Verdict check(NativeBinary binary, ResolveHost host) {
        if (!(binary instanceof ElfFile elf)) {
            return Verdict.fatal("invalid ELF header (" + binary.format() + " file)");
        }
        // ld.so's order: another class is skipped, another byte order stops the search, another
        // machine (Compatibility's rule, the one the pre-check and verify apply too) is skipped.
        if (elf.header().bits() != host.bits()) {
            return Verdict.skip("wrong ELF class: ELFCLASS" + elf.header().bits());
        }
        ByteOrder wanted = host.platform().byteOrder();
        if (!elf.header().byteOrder().equals(wanted)) {
            return Verdict.fatal("ELF file data encoding not " + (wanted == ByteOrder.LITTLE_ENDIAN ? "little" : "big") + "-endian");
        }
        if (Compatibility.machine(elf.summary(), host.platform()).isPresent()) {
            return Verdict.skip("wrong machine: " + elf.header().machine() + " (" + elf.architecture() + "), host is " + host.arch());
        }
        if (elf.header().type().equals(ElfType.EXEC)) {
            return Verdict.fatal("cannot dynamically load executable");
        }
        if (!elf.header().type().equals(ElfType.DYN)) {
            return Verdict.fatal("only ET_DYN and ET_EXEC can be loaded");
        }
        if (elf.flags1().has(DynamicFlags1.DF_1_PIE)) {
            return Verdict.fatal("cannot dynamically load position-independent executable");
        }
        return Verdict.take(elf);
    }

    static boolean isElf(BinaryImage image) {
        return image.format() == BinaryFormat.ELF;
    }
}
