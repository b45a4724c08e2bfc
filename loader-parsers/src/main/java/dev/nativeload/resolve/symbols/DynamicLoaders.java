package dev.nativeload.resolve.symbols;

import java.util.Set;

/**
 * The sonames of glibc's dynamic loader on each architecture. {@code ld.so} is already relocated
 * when it loads a program, so {@code ldd -r} reports no reference of its own; it is still in the
 * lookup scope where the tree loads it.
 */
final class DynamicLoaders {
    private static final Set<String> GLIBC = Set.of(
            "ld-linux-x86-64.so.2", "ld-linux-x32.so.2", "ld-linux.so.2", "ld-linux-aarch64.so.1",
            "ld-linux-aarch64_be.so.1", "ld-linux-armhf.so.3", "ld-linux.so.3", "ld-linux-riscv64-lp64d.so.1",
            "ld-linux-riscv64-lp64.so.1", "ld-linux-riscv32-ilp32d.so.1", "ld-linux-riscv32-ilp32.so.1", "ld64.so.1",
            "ld64.so.2", "ld.so.1", "ld-linux-loongarch-lp64d.so.1", "ld-linux-loongarch-lp64s.so.1",
            "ld-linux-ia64.so.2", "ld-linux-mipsn8.so.1");

    private DynamicLoaders() {
    }

    /** {@return whether a soname is one of glibc's dynamic loaders} @param soname the soname */
    static boolean isGlibcLoader(String soname) {
        return GLIBC.contains(soname);
    }
}
