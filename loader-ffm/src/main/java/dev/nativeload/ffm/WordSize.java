package dev.nativeload.ffm;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The generated bindings that depend on the word size alone, chosen by this JVM's pointer size:
 * {@code sysconf} (it returns a C {@code long}) and {@code struct link_map} (it begins with an
 * {@code ElfW(Addr)}; read by offset, checked against the generated struct), from {@code dev.nativeload.ffm.generated.posix.lp64} (x86_64 glibc's headers,
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
     * {@return the {@code l_name} pointer of a {@code struct link_map}: its second word}
     * The generated struct of each word size puts {@code l_name} right after the word-sized
     * {@code ElfW(Addr) l_addr} ({@code BindingsInUseAreGeneratedTest} checks both). It is read as
     * a plain address, not through the generated accessor: that one's layout and var handle cost
     * tens of milliseconds on the first load of a new JVM, for one word.
     *
     * @param linkMap the address of a {@code struct link_map}, as {@code dlinfo(RTLD_DI_LINKMAP)} gives it
     */
    static MemorySegment linkMapName(MemorySegment linkMap) {
        // Copied out as a number, not read through a var handle: making one spins classes on every
        // first load, for one word.
        if (ILP32) {
            int[] word = new int[1];
            MemorySegment.copy(linkMap.reinterpret(8), ValueLayout.JAVA_INT, 4, word, 0, 1);
            return MemorySegment.ofAddress(Integer.toUnsignedLong(word[0]));
        }
        long[] word = new long[1];
        MemorySegment.copy(linkMap.reinterpret(16), ValueLayout.JAVA_LONG, 8, word, 0, 1);
        return MemorySegment.ofAddress(word[0]);
    }
}
