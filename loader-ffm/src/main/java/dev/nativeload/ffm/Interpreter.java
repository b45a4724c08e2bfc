package dev.nativeload.ffm;

import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.elf.ElfFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code PT_INTERP} of an ELF executable, read with loader-parsers' {@link ElfFile}: how a
 * process tells musl from other C libraries without running {@code ldd}.
 */
final class Interpreter {
    private Interpreter() {
    }

    /**
     * {@return the program interpreter an ELF executable names, or empty when it names none}
     *
     * @param executable an executable file, such as {@code /proc/self/exe}
     * @throws IOException              if the file cannot be read
     * @throws MalformedBinaryException if it is not a well-formed ELF file
     */
    static Optional<String> of(Path executable) throws IOException, MalformedBinaryException {
        return ElfFile.read(executable).interpreter();
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
