package dev.nativeload.ffm;

import dev.nativeload.binary.TargetOs;
import dev.nativeload.internal.os.FileDescriptors;
import dev.nativeload.internal.os.FileOpenResult;
import dev.nativeload.internal.os.LockFileResult;
import dev.nativeload.platform.Host;
import dev.nativeload.spi.OsError;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.function.IntFunction;

/**
 * The file-descriptor calls of the POSIX boundary ({@link FileDescriptors}): {@code open} with
 * {@code O_NOFOLLOW} and {@code fstat} on the descriptor, {@code geteuid}, and open-file-description
 * locks, through the bindings {@link HostFileCalls} picks for this C library and CPU. Only the
 * extraction cache calls them, so {@link PosixNativeAccess} makes this on first use: kept apart, a
 * first load that finds its library by name loads none of their result types.
 */
final class PosixFileDescriptors implements FileDescriptors {
    private final TargetOs os;
    private final Host host;
    private final IntFunction<String> errorText;

    /**
     * @param os        this host's operating system
     * @param host      this host's facts (C library and CPU pick the bindings)
     * @param errorText {@code strerror} of the boundary, for messages
     */
    PosixFileDescriptors(TargetOs os, Host host, IntFunction<String> errorText) {
        this.os = os;
        this.host = host;
        this.errorText = errorText;
    }

    @Override
    public FileOpenResult openNoFollow(Path file) {
        HostFileCalls.Bound bound = usable();
        if (bound instanceof HostFileCalls.Bound.Unsupported u) {
            return new FileOpenResult.Unsupported(u.why());
        }
        FileCalls calls = ((HostFileCalls.Bound.Calls) bound).calls();
        Opened opened = open(calls, file, calls.bits().readNoFollow(), 0);
        return opened.error() != null ? new FileOpenResult.Failed(opened.error()) : PosixOpenFile.adopt(opened.fd(), os, calls);
    }

    @Override
    public OptionalInt effectiveUid() {
        return HostFileCalls.forPlatform(os, host.libc(), host.arch()) instanceof HostFileCalls.Bound.Calls c
                && !c.calls().missing().contains("geteuid") ? OptionalInt.of(c.calls().geteuid()) : OptionalInt.empty();
    }

    @Override
    public LockFileResult openLockFile(Path file) {
        HostFileCalls.Bound bound = usable();
        if (bound instanceof HostFileCalls.Bound.Unsupported u) {
            return new LockFileResult.Unsupported(u.why());
        }
        FileCalls calls = ((HostFileCalls.Bound.Calls) bound).calls();
        if (calls.locking().isEmpty()) {
            return new LockFileResult.Unsupported("open-file-description locks are bound for Linux only");
        }
        Opened opened = open(calls, file, calls.bits().readNoFollow() | calls.bits().readWriteCreateNonBlock(), 0600);
        if (opened.error() != null) {
            return new LockFileResult.Failed(opened.error());
        }
        int fd = opened.fd();
        return switch (PosixOpenFile.adopt(fd, os, calls)) {
            case FileOpenResult.Failed f -> new LockFileResult.Failed(f.error());
            case FileOpenResult.Unsupported u -> new LockFileResult.Unsupported(u.why());
            case FileOpenResult.Opened o -> {
                if (!o.file().status().isRegularFile()) {
                    o.file().close();
                    yield new LockFileResult.NotRegular(o.file().status());
                }
                yield new LockFileResult.Opened(new PosixLockFile((PosixOpenFile) o.file(), calls.locking().get(), calls));
            }
        };
    }

    /** The calls bound for this host, or why they cannot be used: no binding, or a function this C library lacks. */
    private HostFileCalls.Bound usable() {
        HostFileCalls.Bound bound = HostFileCalls.forPlatform(os, host.libc(), host.arch());
        if (bound instanceof HostFileCalls.Bound.Calls c && !c.calls().missing().isEmpty()) {
            return new HostFileCalls.Bound.Unsupported("this C library lacks " + c.calls().missing());
        }
        return bound;
    }

    /**
     * What {@code open(2)} gave: a descriptor, or the OS's refusal with its {@code errno}.
     *
     * @param fd    the descriptor, -1 on a refusal
     * @param error the refusal, or null
     */
    private record Opened(int fd, OsError error) {
    }

    /** Opens a path with these flags and mode, reading {@code errno} the moment the call returns. */
    private Opened open(FileCalls calls, Path file, int flags, int mode) {
        Scratch scratch = Scratch.current();
        MemorySegment path = scratch.cString(file.toString());
        if (path == null) {
            throw new IllegalArgumentException("a path cannot contain a NUL character: " + file.toString().replace("\0", "\\0"));
        }
        int fd = calls.open(scratch.callState(), path, flags, mode);
        if (fd >= 0) {
            return new Opened(fd, null);
        }
        int errno = Dlfcn.errno(scratch);
        return new Opened(-1, new OsError("open", OptionalInt.of(errno), file + ": " + errorText.apply(errno)));
    }
}
