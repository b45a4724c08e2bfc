package dev.nativeload.ffm;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The generated bindings that depend on the word size alone, chosen by this JVM's pointer size:
 * {@code sysconf} (it returns a C {@code long}) and {@code struct link_map} (it begins with an
 * {@code ElfW(Addr)}), from {@code dev.nativeload.ffm.generated.posix.lp64} (x86_64 glibc's headers,
 * the same on every LP64 Linux ABI) or {@code .ilp32} (i686 glibc's, the same on armhf). Only the
 * chosen package is loaded: the other branch of each call is never resolved.
 */
final class WordSize {
    /** Whether C {@code long} and pointers are 32 bits in this process (arm32 or x86 Linux). */
    static final boolean ILP32 = ValueLayout.ADDRESS.byteSize() == 4;

    private WordSize() {
    }

    /** {@return {@code _SC_PAGESIZE} of Linux's {@code <unistd.h>}, the generated constant} */
    static int scPageSize() {
        return ILP32 ? dev.nativeload.ffm.generated.posix.ilp32.unistd_h._SC_PAGESIZE()
                : dev.nativeload.ffm.generated.posix.lp64.unistd_h._SC_PAGESIZE();
    }

    /** {@return {@code sysconf(name)}, through the generated binding of this word size} @param name a {@code _SC_*} name */
    static long sysconf(int name) {
        return ILP32 ? dev.nativeload.ffm.generated.posix.ilp32.unistd_h.sysconf(name)
                : dev.nativeload.ffm.generated.posix.lp64.unistd_h.sysconf(name);
    }

    /**
     * {@return the {@code l_name} pointer of a {@code struct link_map}, read with the generated layout of this word size}
     *
     * @param linkMap the address of a {@code struct link_map}, as {@code dlinfo(RTLD_DI_LINKMAP)} gives it
     */
    static MemorySegment linkMapName(MemorySegment linkMap) {
        if (ILP32) {
            return dev.nativeload.ffm.generated.posix.ilp32.link_map.l_name(
                    linkMap.reinterpret(dev.nativeload.ffm.generated.posix.ilp32.link_map.sizeof()));
        }
        return dev.nativeload.ffm.generated.posix.lp64.link_map.l_name(
                linkMap.reinterpret(dev.nativeload.ffm.generated.posix.lp64.link_map.sizeof()));
    }
}
