package dev.nativeload.internal.diagnose;

import dev.nativeload.report.Errno;

import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.TargetOs;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One platform's {@code errno} numbers, by symbolic name. Never compare an error number with a
 * bare literal: 38 is {@code ENOSYS} on Linux and {@code ENOTSOCK} on macOS, 43 is {@code EIDRM}
 * on Linux and {@code EPROTONOSUPPORT} on macOS.
 *
 * <p>The Linux table is the generic one (asm-generic) used by x86, x86_64, arm, aarch64, riscv,
 * s390x, ppc and loongarch; MIPS, SPARC, Alpha and PA-RISC number many errors differently and get
 * no table ({@link #forHost} returns empty for them rather than a wrong one).
 *
 * @param platform a name for reports: {@code "linux"}, {@code "darwin"}, {@code "windows-crt"}
 * @param numbers  the number of each name this platform defines
 */
public record ErrnoTable(String platform, Map<Errno, Integer> numbers) {
    /** Linux, generic numbering. */
    public static final ErrnoTable LINUX = linux();
    /** macOS and iOS (XNU's {@code sys/errno.h}). */
    public static final ErrnoTable DARWIN = darwin();
    /** The Microsoft C runtime's {@code errno.h}, for {@code _errno()} on Windows. */
    public static final ErrnoTable WINDOWS_CRT = windowsCrt();

    public ErrnoTable {
        numbers = Collections.unmodifiableMap(new EnumMap<>(numbers));
    }

    /**
     * {@return the table for a host, or empty where no correct table is known}
     *
     * @param os   the operating system
     * @param arch the architecture (Linux numbering differs on MIPS, SPARC, Alpha, PA-RISC)
     */
    public static Optional<ErrnoTable> forHost(TargetOs os, Architecture arch) {
        return switch (os) {
            case LINUX, ANDROID -> arch.name().startsWith("mips") || arch.name().startsWith("sparc")
                    || arch.name().startsWith("alpha") || arch.name().startsWith("parisc") || arch.name().startsWith("hppa")
                    ? Optional.empty() : Optional.of(LINUX);
            case MACOS -> Optional.of(DARWIN);
            case WINDOWS -> Optional.of(WINDOWS_CRT);
            default -> Optional.empty();
        };
    }

    /**
     * {@return this platform's number for a name, or empty if it does not define the name}
     *
     * @param name the symbolic name
     */
    public OptionalInt number(Errno name) {
        Integer n = numbers.get(name);
        return n == null ? OptionalInt.empty() : OptionalInt.of(n);
    }

    /**
     * {@return the symbolic name of a number on this platform}. Where two names share a number
     * ({@code ENOTSUP} and {@code EOPNOTSUPP} on Linux), the one declared first in {@link Errno} wins.
     *
     * @param number an {@code errno} value
     */
    public Optional<Errno> name(int number) {
        for (Map.Entry<Errno, Integer> e : numbers.entrySet()) {
            if (e.getValue() == number) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    private static ErrnoTable linux() {
        Map<Errno, Integer> m = new HashMap<>();
        putSharedLowNumbers(m);
        m.put(Errno.EAGAIN, 11);
        m.put(Errno.ETXTBSY, 26);
        m.put(Errno.EDEADLK, 35);
        m.put(Errno.ENAMETOOLONG, 36);
        m.put(Errno.ENOLCK, 37);
        m.put(Errno.ENOSYS, 38);
        m.put(Errno.ENOTEMPTY, 39);
        m.put(Errno.ELOOP, 40);
        m.put(Errno.EIDRM, 43);
        m.put(Errno.ENODATA, 61);
        m.put(Errno.EOVERFLOW, 75);
        m.put(Errno.EILSEQ, 84);
        m.put(Errno.ENOTSOCK, 88);
        m.put(Errno.EPROTONOSUPPORT, 93);
        m.put(Errno.EOPNOTSUPP, 95);
        m.put(Errno.ENOTSUP, 95);
        m.put(Errno.ESTALE, 116);
        m.put(Errno.EDQUOT, 122);
        m.put(Errno.ECANCELED, 125);
        return new ErrnoTable("linux", m);
    }

    private static ErrnoTable darwin() {
        Map<Errno, Integer> m = new HashMap<>();
        putSharedLowNumbers(m);
        m.put(Errno.EDEADLK, 11);
        m.put(Errno.ETXTBSY, 26);
        m.put(Errno.EAGAIN, 35);
        m.put(Errno.ENOTSOCK, 38);
        m.put(Errno.EPROTONOSUPPORT, 43);
        m.put(Errno.ENOTSUP, 45);
        m.put(Errno.ELOOP, 62);
        m.put(Errno.ENAMETOOLONG, 63);
        m.put(Errno.ENOTEMPTY, 66);
        m.put(Errno.EDQUOT, 69);
        m.put(Errno.ESTALE, 70);
        m.put(Errno.ENOLCK, 77);
        m.put(Errno.ENOSYS, 78);
        m.put(Errno.EOVERFLOW, 84);
        m.put(Errno.ECANCELED, 89);
        m.put(Errno.EIDRM, 90);
        m.put(Errno.EILSEQ, 92);
        m.put(Errno.ENODATA, 96);
        m.put(Errno.EOPNOTSUPP, 102);
        return new ErrnoTable("darwin", m);
    }

    private static ErrnoTable windowsCrt() {
        Map<Errno, Integer> m = new HashMap<>();
        putSharedLowNumbers(m);
        m.remove(Errno.ETXTBSY);
        m.put(Errno.EAGAIN, 11);
        m.put(Errno.EDEADLK, 36);
        m.put(Errno.ENAMETOOLONG, 38);
        m.put(Errno.ENOLCK, 39);
        m.put(Errno.ENOSYS, 40);
        m.put(Errno.ENOTEMPTY, 41);
        m.put(Errno.EILSEQ, 42);
        m.put(Errno.ECANCELED, 105);
        m.put(Errno.EIDRM, 111);
        m.put(Errno.ELOOP, 114);
        m.put(Errno.ENODATA, 120);
        m.put(Errno.ENOTSOCK, 128);
        m.put(Errno.ENOTSUP, 129);
        m.put(Errno.EOPNOTSUPP, 130);
        m.put(Errno.EOVERFLOW, 132);
        m.put(Errno.EPROTONOSUPPORT, 135);
        m.put(Errno.ETXTBSY, 139);
        return new ErrnoTable("windows-crt", m);
    }

    /** Numbers 1 to 34 that Linux, XNU and the Windows C runtime share (from Version 7 Unix). */
    private static void putSharedLowNumbers(Map<Errno, Integer> m) {
        Errno[] low = {Errno.EPERM, Errno.ENOENT, Errno.ESRCH, Errno.EINTR, Errno.EIO, Errno.ENXIO, Errno.E2BIG,
            Errno.ENOEXEC, Errno.EBADF, null, null, Errno.ENOMEM, Errno.EACCES, Errno.EFAULT, null, Errno.EBUSY,
            Errno.EEXIST, Errno.EXDEV, Errno.ENODEV, Errno.ENOTDIR, Errno.EISDIR, Errno.EINVAL, Errno.ENFILE,
            Errno.EMFILE, Errno.ENOTTY, Errno.ETXTBSY, Errno.EFBIG, Errno.ENOSPC, Errno.ESPIPE, Errno.EROFS,
            Errno.EMLINK, Errno.EPIPE, Errno.EDOM, Errno.ERANGE};
        for (int i = 0; i < low.length; i++) {
            if (low[i] != null) {
                m.put(low[i], i + 1);
            }
        }
    }
}
