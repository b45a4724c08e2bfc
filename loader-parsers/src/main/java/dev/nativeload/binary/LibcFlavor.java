package dev.nativeload.binary;

/**
 * The C library an ELF object was linked against, where its headers tell.
 *
 * <p>Read from {@code PT_INTERP} ({@code ld-musl-*} means musl, {@code ld-linux*} glibc), from
 * {@code DT_NEEDED} ({@code libc.musl-*.so.1}, {@code libc.so.6}) and from version needs
 * ({@code GLIBC_2.x}).
 */
public enum LibcFlavor {
    /** The GNU C library ({@code libc.so.6}, {@code ld-linux*}). */
    GLIBC,
    /** musl ({@code libc.musl-*.so.1}, {@code ld-musl-*}). */
    MUSL,
    /** Android's bionic C library. */
    BIONIC,
    /** Not a C-library question for this format (PE, Mach-O). */
    NOT_APPLICABLE,
    /** An ELF object that says nothing about its C library (links no libc, or only {@code libc.so}). */
    UNKNOWN;

    /**
     * {@return the C library a program interpreter belongs to: the one rule, used for files and for
     * the running process alike}
     *
     * @param interpreter a {@code PT_INTERP} value, such as {@code /lib/ld-musl-x86_64.so.1} or
     *                    {@code /lib64/ld-linux-x86-64.so.2}
     */
    public static LibcFlavor ofInterpreter(String interpreter) {
        String file = interpreter.substring(interpreter.lastIndexOf('/') + 1);
        if (file.startsWith("ld-musl-")) {
            return MUSL;
        }
        if (file.startsWith("ld-linux") || file.startsWith("ld64.so") || file.startsWith("ld.so")) {
            return GLIBC;
        }
        if (file.startsWith("linker")) {
            return BIONIC;
        }
        return UNKNOWN;
    }
}
