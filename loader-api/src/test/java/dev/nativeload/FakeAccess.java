package dev.nativeload;

import dev.nativeload.spi.OpenMode;

import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.binary.TargetOs;
import dev.nativeload.internal.diagnose.ErrnoTable;
import dev.nativeload.platform.Host;
import dev.nativeload.spi.LibraryHandle;
import dev.nativeload.spi.NativeAccess.MountFlags;
import dev.nativeload.spi.NativeAccess;
import dev.nativeload.spi.OpenResult;
import dev.nativeload.spi.OsError;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A scripted OS boundary: each target opens or fails as told, so tests can inject faults the real
 * OS will not produce on demand (ENOSYS, EOPNOTSUPP) and count calls.
 */
public final class FakeAccess implements NativeAccess {
    public static final Host GLIBC_X86_64 = Host.of(TargetOs.LINUX, Architecture.X86_64, LibcFlavor.GLIBC,
            Optional.of("2.36"), 4096, false);

    private final Host host;
    private final Map<String, OpenResult> results = new ConcurrentHashMap<>();
    private final Map<String, MemorySegment> symbols = new ConcurrentHashMap<>();
    private final Map<Path, MountFlags> mounts = new ConcurrentHashMap<>();
    private final Function<Integer, String> strerror;
    public final List<String> opened = new CopyOnWriteArrayList<>();
    public final AtomicInteger symbolCalls = new AtomicInteger();
    public final AtomicInteger closes = new AtomicInteger();
    private final AtomicInteger nextHandle = new AtomicInteger(0x1000);

    public FakeAccess() {
        this(GLIBC_X86_64, n -> ErrnoTable.LINUX.name(n).map(e -> e.glibcText()).orElse("Unknown error " + n));
    }

    public FakeAccess(Host host, Function<Integer, String> strerror) {
        this.host = host;
        this.strerror = strerror;
    }

    /** Makes {@code target} open successfully. */
    public FakeAccess opens(String target) {
        results.put(target, new OpenResult.Opened(new LibraryHandle(MemorySegment.ofAddress(nextHandle.getAndAdd(16)))));
        return this;
    }

    /** Makes {@code target} fail with the loader text and errno given. */
    public FakeAccess fails(String target, String message, int errno) {
        results.put(target, new OpenResult.Failed(new OsError("dlopen", errno == 0 ? OptionalInt.empty() : OptionalInt.of(errno), message)));
        return this;
    }

    public FakeAccess symbol(String name, long address) {
        symbols.put(name, MemorySegment.ofAddress(address));
        return this;
    }

    public FakeAccess mount(Path dir, MountFlags flags) {
        mounts.put(dir, flags);
        return this;
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public boolean isSupported() {
        return true;
    }

    @Override
    public OpenResult open(String target, OpenMode mode) {
        opened.add(target);
        return results.getOrDefault(target, new OpenResult.Failed(new OsError("dlopen", OptionalInt.empty(),
                target + ": cannot open shared object file: " + strerror.apply(2))));
    }

    @Override
    public Optional<MemorySegment> symbol(LibraryHandle library, String name, Arena scope) {
        symbolCalls.incrementAndGet();
        return Optional.ofNullable(symbols.get(name)).map(s -> s.reinterpret(scope, null));
    }

    @Override
    public Optional<Path> loadedPath(LibraryHandle library) {
        return Optional.empty();
    }

    @Override
    public Optional<OsError> close(LibraryHandle library) {
        closes.incrementAndGet();
        return Optional.empty();
    }

    @Override
    public Host host() {
        return host;
    }

    @Override
    public String errorText(int code) {
        return strerror.apply(code);
    }

    @Override
    public Optional<MountFlags> mountFlags(Path directory) {
        return Optional.ofNullable(mounts.get(directory));
    }
}
