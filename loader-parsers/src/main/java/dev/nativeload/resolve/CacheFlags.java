package dev.nativeload.resolve;

import dev.nativeload.binary.Architecture;

/** The architecture bits of {@code ld.so.cache} entry flags, and glibc's per-architecture filter. */
final class CacheFlags {
    static final int FLAG_ELF_LIBC6 = 0x0003;

    private CacheFlags() {
    }

    /** {@return the flags glibc's {@code _DL_CACHE_DEFAULT_ID} gives libraries of this architecture} */
    static int defaultFlags(Architecture arch, int bits) {
        int archBits = switch (arch.name()) {
            case "x86_64" -> bits == 64 ? 0x0300 : 0x0800;
            case "ia64" -> 0x0200;
            case "s390x" -> 0x0400;
            case "ppc64", "ppc64le" -> 0x0500;
            case "mips64", "mips64el" -> 0x0700;
            case "arm" -> 0x0900;
            case "aarch64" -> 0x0a00;
            case "riscv64" -> 0x1000;
            case "loongarch64" -> 0x1300;
            default -> 0;
        };
        return archBits | FLAG_ELF_LIBC6;
    }

    /** {@return whether glibc's {@code _dl_cache_check_flags} takes an entry with these flags} */
    static boolean accepted(int flags, int defaultFlags, Architecture arch) {
        if (flags == defaultFlags) {
            return true;
        }
        // Architectures without their own dl-cache.h use the generic check, which also takes 1 (libc5 ELF).
        return (defaultFlags & 0xFF00) == 0 && flags == 1;
    }
}
