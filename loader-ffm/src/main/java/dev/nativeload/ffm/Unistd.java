package dev.nativeload.ffm;

import dev.nativeload.binary.TargetOs;
import java.util.OptionalInt;

/**
 * The {@code _SC_PAGESIZE} of each OS's {@code <unistd.h>}, for {@code sysconf}, which is called
 * through jextract's binding ({@link WordSize#sysconf(int)}). Linux's value is the generated one;
 * macOS's and FreeBSD's are written by hand, as no header of theirs is available here.
 */
final class Unistd {
    private Unistd() {
    }

    /**
     * {@return {@code _SC_PAGESIZE} of an OS's {@code <unistd.h>}, or empty where not known}
     *
     * @param os the operating system
     */
    static OptionalInt scPageSize(TargetOs os) {
        return switch (os) {
            case LINUX, ANDROID -> OptionalInt.of(WordSize.scPageSize());
            case MACOS -> OptionalInt.of(29);
            case FREEBSD -> OptionalInt.of(47);
            default -> OptionalInt.empty();
        };
    }
}
