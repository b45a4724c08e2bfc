package dev.nativeload.platform;

import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.BinaryFormat;
import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.binary.TargetOs;
import java.util.List;
import java.util.Objects;

/**
 * Why a binary cannot load on a platform, as {@link Compatibility} found it from the binary's own
 * headers. Each kind carries what was found; callers word it for their reader.
 */
public sealed interface Incompatibility {
    /** {@return the short name of the rule broken: {@code format}, {@code arch}, {@code os}, {@code libc}, {@code glibc-version}} */
    String rule();

    /**
     * Another container format than the platform's loader reads (an ELF on Windows, a PE on Linux).
     *
     * @param found the file's format
     */
    record WrongFormat(BinaryFormat found) implements Incompatibility {
        public WrongFormat {
            Objects.requireNonNull(found, "found");
        }

        @Override
        public String rule() {
            return "format";
        }
    }

    /**
     * Built for another machine or word size (aarch64 on x86_64, ELFCLASS32 in a 64-bit process).
     *
     * @param found     the file's architecture
     * @param foundBits its word size
     */
    record WrongMachine(Architecture found, int foundBits) implements Incompatibility {
        public WrongMachine {
            Objects.requireNonNull(found, "found");
        }

        @Override
        public String rule() {
            return "arch";
        }
    }

    /**
     * A universal (fat) Mach-O file with no slice for the platform's architecture.
     *
     * @param slices the architectures it has
     */
    record NoSlice(List<Architecture> slices) implements Incompatibility {
        public NoSlice {
            slices = List.copyOf(slices);
        }

        @Override
        public String rule() {
            return "arch";
        }
    }

    /**
     * Linked against another C library (musl on glibc, glibc on musl).
     *
     * @param found the file's C library
     */
    record WrongLibc(LibcFlavor found) implements Incompatibility {
        public WrongLibc {
            Objects.requireNonNull(found, "found");
        }

        @Override
        public String rule() {
            return "libc";
        }
    }

    /**
     * Built for another operating system in the platform's own format (a FreeBSD ELF on Linux).
     *
     * @param found the OS the file's headers name
     */
    record WrongOs(TargetOs found) implements Incompatibility {
        public WrongOs {
            Objects.requireNonNull(found, "found");
        }

        @Override
        public String rule() {
            return "os";
        }
    }

    /**
     * Needs a glibc symbol version newer than the platform's glibc (or than the ceiling a target sets).
     *
     * @param version the newest {@code GLIBC_x.y} it needs beyond the platform's
     * @param file    the library it needs that version from ({@code libc.so.6})
     */
    record GlibcTooOld(String version, String file) implements Incompatibility {
        public GlibcTooOld {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(file, "file");
        }

        @Override
        public String rule() {
            return "glibc-version";
        }
    }
}
