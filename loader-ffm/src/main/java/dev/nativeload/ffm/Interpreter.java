package dev.nativeload.ffm;

import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.binary.MalformedBinaryException;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code PT_INTERP} of an ELF executable, read with a small bounds-checked header peek: how a
 * process tells musl from other C libraries without running {@code ldd}.
 */
final class Interpreter {
    private static final int PT_INTERP = 3;
    private static final int MAX_PROGRAM_HEADERS = 4096;
    private static final long MAX_INTERP_LENGTH = 4096;

    private Interpreter() {
    }

    /**
     * {@return the program interpreter an ELF executable names, or empty when it names none or is not ELF}
     *
     * @param executable an executable file, such as {@code /proc/self/exe}
     * @throws IOException                if the file cannot be read
     * @throws MalformedBinaryException   if its headers point outside the file
     */
    static Optional<String> of(Path executable) throws IOException, MalformedBinaryException {
        BinaryData data = BinaryData.map(executable);
        if (!data.contains(0, 16) || data.u32(0, "ELF magic") != 0x464c457fL) {
            return Optional.empty();
        }
        boolean wide = data.u8(4, "EI_CLASS") == 2;
        int encoding = data.u8(5, "EI_DATA");
        BinaryData elf = data.withOrder(encoding == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        long phoff = elf.word(wide ? 0x20 : 0x1c, wide, "e_phoff");
        int phentsize = elf.u16(wide ? 0x36 : 0x2a, "e_phentsize");
        int phnum = Math.min(elf.u16(wide ? 0x38 : 0x2c, "e_phnum"), MAX_PROGRAM_HEADERS);
        if (phentsize < (wide ? 56 : 32)) {
            throw new MalformedBinaryException(wide ? 0x36 : 0x2a, "program header entry size " + phentsize + " too small");
        }
        for (int i = 0; i < phnum; i++) {
            long ph;
            try {
                ph = Math.addExact(phoff, Math.multiplyExact((long) i, phentsize));
            } catch (ArithmeticException e) {
                throw new MalformedBinaryException(wide ? 0x20 : 0x1c, "program header offset 0x" + Long.toHexString(phoff) + " overflows");
            }
            if (elf.u32(ph, "p_type") == PT_INTERP) {
                long offset = elf.word(ph + (wide ? 8 : 4), wide, "p_offset");
                long size = elf.word(ph + (wide ? 32 : 16), wide, "p_filesz");
                return Optional.of(elf.cString(offset, Math.min(size, MAX_INTERP_LENGTH), "PT_INTERP"));
            }
        }
        return Optional.empty();
    }

    /**
     * {@return the C library an interpreter path belongs to}
     *
     * @param interpreter a {@code PT_INTERP} value, e.g. {@code /lib/ld-musl-x86_64.so.1}
     */
    static LibcFlavor libcOf(String interpreter) {
        String file = interpreter.substring(interpreter.lastIndexOf('/') + 1);
        if (file.startsWith("ld-musl-")) {
            return LibcFlavor.MUSL;
        }
        if (file.startsWith("ld-linux") || file.startsWith("ld64.so") || file.startsWith("ld.so")) {
            return LibcFlavor.GLIBC;
        }
        if (file.startsWith("linker")) {
            return LibcFlavor.BIONIC;
        }
        return LibcFlavor.UNKNOWN;
    }
}
