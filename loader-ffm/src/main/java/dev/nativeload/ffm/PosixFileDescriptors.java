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
    public String boundaryName() {
        return "ffm-posix";
    }

    @Override
    public FileOpenResult openNoFollow(Path file) {
        FileCalls calls;
        switch (HostFileCalls.forPlatform(os, host.libc(), host.arch())) {
            case HostFileCalls.Bound.Unsupported u -> {
                return new FileOpenResult.Unsupported(u.why());
            }
            case HostFileCalls.Bound.Calls c -> calls = c.calls();
        }
        if (!calls.missing().isEmpty()) {
            return new FileOpenResult.Unsupported("this C library lacks " + calls.missing());
        }
        Scratch scratch = Scratch.current();
        MemorySegment path = scratch.cString(file.toString());
        if (path == null) {
            throw new IllegalArgumentException("a path cannot contain a NUL character: " + file.toString().replace("\0", "\\0"));
        }
        int fd = calls.open(scratch.callState(), path, calls.bits().readNoFollow(), 0);
        if (fd < 0) {
            int errno = Dlfcn.errno(scratch);
            return new FileOpenResult.Failed(new OsError("open", OptionalInt.of(errno), file + ": " + errorText.apply(errno)));
        }
        return PosixOpenFile.adopt(fd, os, calls);
    }

    @Override
    public OptionalInt effectiveUid() {
        return HostFileCalls.forPlatform(os, host.libc(), host.arch()) instanceof HostFileCalls.Bound.Calls c
                && !c.calls().missing().contains("geteuid") ? OptionalInt.of(c.calls().geteuid()) : OptionalInt.empty();
    }

    @Override
    public LockFileResult openLockFile(Path file) {
        FileCalls calls;
        switch (HostFileCalls.forPlatform(os, host.libc(), host.arch())) {
            case HostFileCalls.Bound.Unsupported u -> {
                return new LockFileResult.Unsupported(u.why());
            }
            case HostFileCalls.Bound.Calls c -> calls = c.calls();
        }
        if (calls.locking().isEmpty()) {
            return new LockFileResult.Unsupported("open-file-description locks are bound for Linux only");
        }
        if (!calls.missing().isEmpty()) {
            return new LockFileResult.Unsupported("this C library lacks " + calls.missing());
        }
        Scratch scratch = Scratch.current();
        MemorySegment path = scratch.cString(file.toString());
        if (path == null) {
            throw new IllegalArgumentException("a path cannot contain a NUL character: " + file.toString().replace("\0", "\\0"));
        }
        int fd = calls.open(scratch.callState(), path, calls.bits().readNoFollow() | calls.bits().readWriteCreateNonBlock(), 0600);
        if (fd < 0) {
            int errno = Dlfcn.errno(scratch);
            return new LockFileResult.Failed(new OsError("open", OptionalInt.of(errno), file + ": " + errorText.apply(errno)));
        }
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
}
