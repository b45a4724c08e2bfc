package dev.nativeload.ffm;

import dev.nativeload.internal.os.FileDescriptors;

import dev.nativeload.spi.OpenMode;
import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.binary.TargetOs;
import dev.nativeload.ffm.generated.posix.string_h;
import dev.nativeload.platform.Host;
import dev.nativeload.internal.os.FileOpenResult;
import dev.nativeload.spi.LibraryHandle;
import dev.nativeload.spi.NativeAccess.MountFlags;
import dev.nativeload.internal.os.LockFileResult;
import dev.nativeload.spi.NativeAccess;
import dev.nativeload.spi.OpenResult;
import dev.nativeload.spi.OsError;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@link NativeAccess} for Linux (glibc, musl), macOS and the other POSIX systems, through
 * {@code dlopen}/{@code dlsym}/{@code dlerror}/{@code dlclose}.
 *
 * <p>{@link #open} calls {@code dlopen} once, plainly, with the mode asked for: a library that loads
 * costs one downcall shape and nothing of the error path. When that call fails on glibc, whose
 * {@code dlopen} restores {@code errno}, {@code dlerror()} is read at once through the same shape
 * ({@link #dlerrorAtOnce}); elsewhere, or when that finds no message, the error path is
 * linked ({@link #warmUpErrorPath}, once per process) and the same {@code dlopen} made again on
 * the same thread with {@code errno} cleared before it and captured by the linker the moment it
 * returns, and {@code dlerror()} read right after (glibc's {@code dlopen} restores {@code errno}, so
 * it comes back 0 there; the message is what tells). The first failure's text can be trusted only
 * when nothing new runs between the call and {@code dlerror}: the JVM links code on its first use,
 * and its own {@code dlsym} calls replace the message; on glibc the code in between (the shape, the
 * C-string reader) has all run before any load. Symbol lookup writes the name into a per-thread native buffer and creates no arena.
 *
 * <p>The C bindings are jextract's ({@code dev.nativeload.ffm.generated}, through {@link Dlfcn} and
 * {@link Statvfs}); only macOS's own calls are written by hand.
 *
 * <p>{@link #loadedPath} reads {@code l_name} of the handle's {@code struct link_map}. On Linux with
 * glibc or musl the handle is that {@code struct link_map} (what {@code dlinfo(RTLD_DI_LINKMAP)}
 * writes back is the handle itself; {@code LinkMapHandleTest} checks it against {@code dlinfo}), so
 * no call is made; elsewhere (FreeBSD) it asks {@code dlinfo}; on macOS it walks dyld's image list.
 * {@link #mountFlags} reads {@code statvfs} {@code f_flag} on Linux and {@code statfs}
 * {@code f_flags} on macOS (see {@link Statvfs}).
 */
@SuppressWarnings("restricted") // this module is the native boundary; run with --enable-native-access
final class PosixNativeAccess implements NativeAccess, FileDescriptors {
    private final TargetOs os;
    private final Dlfcn.Flags flags;
    private volatile Host host;
    private volatile PosixFileDescriptors files;
    /** Whether {@link #warmUpErrorPath} ran in this process (a race runs it twice, harmlessly). */
    private volatile boolean errorPathLinked;

    /** @param os this host's operating system; must have a known {@code RTLD_*} table */
    PosixNativeAccess(TargetOs os) {
        this.os = Objects.requireNonNull(os, "os");
        this.flags = Dlfcn.Flags.forOs(os).orElse(Dlfcn.Flags.LINUX);
    }

    /**
     * Links, once, everything that runs between clearing {@code errno}, a failing call, and the
     * copy of its {@code dlerror()} text. The JVM resolves a native method, or a call site, on
     * first use, partly through {@code dlsym} on the calling thread; were that to happen in between,
     * it would replace or clear the very message being read, or set {@code errno} (class loading
     * probes files). Found on this host: without it the first failure read no message at all.
     */
    private void warmUpErrorPath() {
        if (errorPathLinked) {
            return;
        }
        Scratch scratch = Scratch.current();
        Dlfcn.errno(scratch);
        ErrnoH.clear();
        // dlopen(NULL) returns the main program's handle and loads nothing. It is not closed: the
        // main program is never unloaded, and binding dlclose here would add a downcall shape to
        // every first load (each costs milliseconds in a new JVM; dlclose is bound on first close).
        Dlfcn.dlopen(scratch.callState(), MemorySegment.NULL, flags.lazy() | flags.local());
        Dlfcn.dlerror();
        HostFacts.cText(scratch.cString("nativeload"));
        new OsError("dlopen", OptionalInt.empty(), "");
        errorPathLinked = true;
    }

    @Override
    public String name() {
        return "ffm-posix";
    }

    @Override
    public boolean isSupported() {
        return Dlfcn.Flags.forOs(os).isPresent();
    }

    @Override
    public OpenResult open(String target, OpenMode mode) {
        Objects.requireNonNull(mode, "mode");
        Scratch scratch = Scratch.current();
        MemorySegment file = scratch.cString(Objects.requireNonNull(target, "target"));
        if (file == null) {
            throw new IllegalArgumentException("a library name cannot contain a NUL character: " + target.replace("\0", "\\0"));
        }
        int bits = flags.of(mode);
        boolean atOnce = dlerrorAtOnce(); // decided before the call: the host's facts are probed once, never in between
        MemorySegment handle = Dlfcn.dlopen(file, bits);
        if (handle.address() != 0) {
            return new OpenResult.Opened(new LibraryHandle(handle));
        }
        if (atOnce) {
            // glibc: dlopen restores errno, so the message is the whole answer, and it is read now
            // through the shape dlopen just used (its text read as the host's glibc version was).
            String message = HostFacts.cText(Dlfcn.dlerrorThroughOpenShape());
            if (!message.isEmpty()) {
                return new OpenResult.Failed(new OsError("dlopen", OptionalInt.empty(), message));
            }
        }
        return openAgainExplained(scratch, target, bits);
    }

    /**
     * {@return whether a failed plain {@code dlopen}'s message is read at once, without the error
     * path} On Linux with glibc: its {@code dlopen} restores {@code errno}, so capturing it adds
     * nothing, and the code between the call and {@code dlerror} (the shape {@code dlopen} used, the
     * C-string reader the host's glibc version went through) has all run before any load, so nothing
     * is linked in between. Elsewhere (musl, macOS, the BSDs) {@code errno} may tell, and the error path
     * runs. An empty message (something cleared it after all) also falls back to the error path.
     */
    private boolean dlerrorAtOnce() {
        return os == TargetOs.LINUX && host().libc() == LibcFlavor.GLIBC;
    }

    /**
     * The error path of {@link #open}: links it, then makes the same call again with {@code errno}
     * cleared and captured and reads {@code dlerror()} at once. A library that loads this time (it
     * appeared in between) is returned loaded.
     */
    private OpenResult openAgainExplained(Scratch scratch, String target, int bits) {
        warmUpErrorPath();
        MemorySegment file = scratch.cString(target); // again: the warm-up wrote into the same buffer
        ErrnoH.clear();
        MemorySegment handle = Dlfcn.dlopen(scratch.callState(), file, bits);
        if (handle.address() != 0) {
            return new OpenResult.Opened(new LibraryHandle(handle));
        }
        String message = lastDlerror();
        int errno = Dlfcn.errno(scratch);
        return new OpenResult.Failed(new OsError("dlopen", errno == 0 ? OptionalInt.empty() : OptionalInt.of(errno), message));
    }

    @Override
    public Optional<MemorySegment> symbol(LibraryHandle library, String name, Arena scope) {
        MemorySegment cName = Scratch.current().cString(name);
        if (cName == null) {
            return Optional.empty();
        }
        MemorySegment address = Dlfcn.dlsym(library.address(), cName);
        return address.address() == 0 ? Optional.empty() : Optional.of(address.reinterpret(scope, null));
    }

    /**
     * {@inheritDoc}
     *
     * <p>On Linux: {@code dlsym(RTLD_DEFAULT, name)}, or {@code dlvsym} for a versioned reference
     * (glibc only; musl has none, so a versioned reference there cannot be told). A NULL result
     * with no {@code dlerror()} text is a symbol defined with the value 0. Other systems cannot tell.
     */
    @Override
    public Optional<Boolean> globalSymbolDefined(String name, Optional<String> version) {
        Objects.requireNonNull(name, "name");
        if (os != TargetOs.LINUX || name.indexOf('\0') >= 0 || version.filter(v -> v.indexOf('\0') >= 0).isPresent()
                || (version.isPresent() && !Dlfcn.dlvsymAvailable())) {
            return Optional.empty();
        }
        MemorySegment rtldDefault = MemorySegment.NULL; // glibc's and musl's RTLD_DEFAULT, ((void *) 0)
        MemorySegment address;
        Dlfcn.dlerror(); // clears this thread's last message
        if (version.isPresent()) {
            try (Arena arena = Arena.ofConfined()) {
                address = Dlfcn.dlvsym(rtldDefault, arena.allocateFrom(name), arena.allocateFrom(version.get()));
            }
        } else {
            address = Dlfcn.dlsym(rtldDefault, Scratch.current().cString(name));
        }
        return Optional.of(address.address() != 0 || Dlfcn.dlerror().address() == 0);
    }

    @Override
    public Optional<Path> loadedPath(LibraryHandle library) {
        if (os == TargetOs.LINUX && handleIsLinkMap(host().libc())) {
            return linkMapName(library.address());
        }
        if (Dlfcn.dlinfoAvailable()) {
            return dlinfoLinkMapName(library.address());
        }
        if (os == TargetOs.MACOS && Dyld.available()) {
            return DyldImages.pathOf(library.address(), flags);
        }
        return Optional.empty();
    }

    /**
     * {@return whether a {@code dlopen} handle of this C library is its {@code struct link_map}}
     * glibc's {@code dlopen} returns the {@code struct link_map *} of the object, musl's its
     * {@code struct dso *}, which begins with the same fields; both {@code dlinfo(RTLD_DI_LINKMAP)}s
     * write the handle back unchanged. Android's handles are opaque, and other C libraries unknown.
     *
     * @param libc the C library of this Linux host
     */
    static boolean handleIsLinkMap(LibcFlavor libc) {
        return libc == LibcFlavor.GLIBC || libc == LibcFlavor.MUSL;
    }

    /** The {@code l_name} of the {@code struct link_map} behind a handle, through {@code dlinfo}; empty for the main program. */
    private static Optional<Path> dlinfoLinkMapName(MemorySegment handle) {
        MemorySegment out = Scratch.current().out();
        if (Dlfcn.dlinfo(handle, Dlfcn.RTLD_DI_LINKMAP, out) != 0) {
            lastDlerror();
            return Optional.empty();
        }
        return linkMapName(out.get(ValueLayout.ADDRESS, 0));
    }

    /** The {@code l_name} of a {@code struct link_map}; empty for the main program (an empty name). */
    private static Optional<Path> linkMapName(MemorySegment linkMap) {
        if (linkMap.address() == 0) {
            return Optional.empty();
        }
        MemorySegment lName = WordSize.linkMapName(linkMap);
        String name = HostFacts.cText(lName);
        return name.isEmpty() ? Optional.empty() : Optional.of(Path.of(name).toAbsolutePath());
    }

    @Override
    public Optional<OsError> close(LibraryHandle library) {
        if (Dlfcn.dlclose(library.address()) == 0) {
            return Optional.empty();
        }
        return Optional.of(new OsError("dlclose", OptionalInt.empty(), lastDlerror()));
    }

    @Override
    public Host host() {
        Host h = host;
        if (h == null) {
            h = HostFacts.posix(os);
            host = h;
        }
        return h;
    }

    /** Serializes {@code strerror}, whose result may live in a buffer shared with other threads. */
    private static final Object STRERROR_LOCK = new Object();

    @Override
    public String errorText(int code) {
        synchronized (STRERROR_LOCK) {
            return HostFacts.cText(string_h.strerror(code));
        }
    }

    @Override
    public Optional<MountFlags> mountFlags(Path directory) {
        Optional<Statvfs.Layout> layout = Statvfs.Layout.forHost(os, host().libc(), host().arch(),
                ValueLayout.ADDRESS.byteSize());
        if (layout.isEmpty()) {
            return Optional.empty();
        }
        MemorySegment path = Scratch.current().cString(directory.toString());
        if (path == null) {
            return Optional.empty();
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(layout.get().size(), 8);
            int rc = os == TargetOs.MACOS ? Statvfs.statfs(path, buf) : Statvfs.statvfs(path, buf);
            return rc == 0 ? Optional.of(layout.get().decode(buf)) : Optional.empty();
        }
    }

    /** {@return the text of this thread's last dynamic-loader error, read at once} */
    private static String lastDlerror() {
        MemorySegment text = Dlfcn.dlerror();
        return text.address() == 0 ? "(dlerror() returned no message)" : HostFacts.cText(text);
    }

    @Override
    public FileOpenResult openNoFollow(Path file) {
        return files().openNoFollow(file);
    }

    @Override
    public OptionalInt effectiveUid() {
        return files().effectiveUid();
    }

    @Override
    public LockFileResult openLockFile(Path file) {
        return files().openLockFile(file);
    }

    /** {@return the descriptor calls, made on first use: only the extraction cache opens files by descriptor} */
    private PosixFileDescriptors files() {
        PosixFileDescriptors f = files;
        if (f == null) {
            f = new PosixFileDescriptors(os, host(), this::errorText);
            files = f;
        }
        return f;
    }
}
