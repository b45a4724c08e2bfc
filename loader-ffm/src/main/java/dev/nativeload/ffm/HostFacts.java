package dev.nativeload.ffm;

import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.TargetOs;
import dev.nativeload.platform.Host;
import dev.nativeload.platform.HostProbe;
import java.io.IOException;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads the facts of a POSIX host in-process: C library and version, page size, translation. The C
 * calls are jextract's bindings ({@code sysconf}), except {@code gnu_get_libc_version}, called through
 * the shape {@code dlopen} shares ({@link #glibcVersion()}), and macOS's {@link Sysctl}, which has no header here.
 */
@SuppressWarnings("restricted") // this module is the native boundary; run with --enable-native-access
final class HostFacts implements HostProbe.OsQueries {
    // HostProbe's queries are answered by this class itself, not by an anonymous one, and the glibc
    // function is looked up where it is called, not in a holder: each class of ours costs every new
    // JVM's first load a third of a millisecond.
    private final TargetOs os;

    private HostFacts(TargetOs os) {
        this.os = os;
    }

    /**
     * {@return the facts of this POSIX process}: {@link HostProbe}'s, with what only the OS tells
     * answered through FFM ({@code gnu_get_libc_version}, {@code sysconf}, {@code sysctl})
     *
     * @param os the operating system, from {@code os.name}
     */
    static Host posix(TargetOs os) {
        return HostProbe.probe(new HostFacts(os));
    }

    /**
     * {@return glibc's version}: {@code const char *gnu_get_libc_version(void)}
     * ({@code <gnu/libc-version.h>}, generated as {@code libc_version_h}), which only glibc has, looked
     * up where the generated binding looks (the default lookup), so it is only called when present, and
     * called through the success path's one downcall shape ({@link Dlfcn#callWithoutArguments}) rather
     * than the generated binding, which would bind a shape of its own on every first load. Asked once
     * per process: the host is probed once.
     */
    @Override
    public Optional<String> glibcVersion() {
        if (os == TargetOs.MACOS) {
            return Optional.empty();
        }
        Optional<MemorySegment> function = Linker.nativeLinker().defaultLookup().find("gnu_get_libc_version");
        return function.isPresent() ? Optional.of(cText(Dlfcn.callWithoutArguments(function.get()))) : Optional.empty();
    }

    @Override
    public long pageSize() {
        // Linux hands every process its page size in the auxiliary vector (AT_PAGESZ), which
        // is where glibc's and musl's sysconf(_SC_PAGESIZE) take it from: read there, a first
        // load binds no sysconf downcall (a downcall shape costs milliseconds in a new JVM).
        long kernel = os == TargetOs.LINUX || os == TargetOs.ANDROID ? HostProbe.auxvPageSize() : 0;
        return kernel > 0 ? kernel : pageSize(os);
    }

    @Override
    public boolean translated() {
        return os == TargetOs.MACOS && isTranslated();
    }

    /** {@return the page size from {@code sysconf(_SC_PAGESIZE)}, or 0 when this OS's constant is unknown} @param os the OS */
    static long pageSize(TargetOs os) {
        OptionalInt name = Unistd.scPageSize(os);
        return name.isPresent() ? Math.max(0, WordSize.sysconf(name.getAsInt())) : 0;
    }

    /** {@return whether macOS runs this process under Rosetta 2: {@code sysctl.proc_translated} is 1} */
    private static boolean isTranslated() {
        if (!Sysctl.available()) {
            return false;
        }
        Scratch scratch = Scratch.current();
        MemorySegment name = scratch.cString("sysctl.proc_translated");
        MemorySegment out = scratch.out();
        MemorySegment value = out.asSlice(0, 4);
        MemorySegment length = out.asSlice(8, 8);
        length.set(ValueLayout.JAVA_LONG, 0, 4);
        // -1 with ENOENT where the name does not exist (Intel Macs before Rosetta): not translated.
        int rc = Sysctl.sysctlbyname(name, value, length, MemorySegment.NULL, 0);
        return rc == 0 && value.get(ValueLayout.JAVA_INT, 0) == 1;
    }

    /**
     * {@return the NUL-terminated C text at {@code pointer}, or "" for NULL}
     *
     * @param pointer a zero-length segment from a downcall
     */
    static String cText(MemorySegment pointer) {
        if (pointer.address() == 0) {
            return "";
        }
        return pointer.reinterpret(Integer.MAX_VALUE).getString(0);
    }
}
