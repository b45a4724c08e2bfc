package dev.nativeload.internal.cache;

import dev.nativeload.internal.os.FileDescriptors;

import dev.nativeload.spi.ResourceName;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.FakeAccess;
import dev.nativeload.spi.OpenMode;
import dev.nativeload.platform.Host;
import dev.nativeload.internal.os.FileStatus;
import dev.nativeload.spi.LibraryHandle;
import dev.nativeload.internal.os.LockFile;
import dev.nativeload.internal.os.LockFileResult;
import dev.nativeload.spi.NativeAccess.MountFlags;
import dev.nativeload.spi.NativeAccess;
import dev.nativeload.spi.OpenResult;
import dev.nativeload.spi.OsError;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A filesystem without locks (NFS without a lock daemon answers {@code ENOLCK}), injected at the OS
 * boundary: an entry that verifies is still used, and the steps say locks were unavailable.
 */
class LocksUnavailableTest {
    private static final ResourceName SOLO = ResourceName.of(Fixtures.X86_64 + "libembedded_solo.so");

    @TempDir
    Path tmp;

    /** The lock file is real; every lock call answers ENOLCK (37 on Linux), as on NFS without lockd. */
    private static final class NoLockFile implements LockFile {
        private final FileChannel channel;
        private final FileStatus status;

        NoLockFile(Path file) throws Exception {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
            status = new FileStatus(((Number) Files.getAttribute(file, "unix:dev")).longValue(),
                    ((Number) Files.getAttribute(file, "unix:ino")).longValue(), (int) Files.getAttribute(file, "unix:mode"),
                    (int) Files.getAttribute(file, "unix:uid"), 1, 0);
        }

        @Override
        public Attempt tryLock(long start, long length, boolean shared) {
            return new Attempt.Unavailable(new OsError("fcntl(F_OFD_SETLK)", OptionalInt.of(37), "No locks available"));
        }

        @Override
        public Attempt unlock(long start, long length) {
            return tryLock(start, length, false);
        }

        @Override
        public void write(long position, byte[] bytes) throws OsErrorException {
            try {
                channel.write(ByteBuffer.wrap(bytes), position);
            } catch (java.io.IOException e) {
                throw new OsErrorException(new OsError("pwrite", OptionalInt.empty(), e.toString()));
            }
        }

        @Override
        public FileStatus status() {
            return status;
        }

        @Override
        public int read(long position, byte[] into, int offset, int length) throws OsErrorException {
            try {
                return channel.read(ByteBuffer.wrap(into, offset, length), position);
            } catch (java.io.IOException e) {
                throw new OsErrorException(new OsError("pread", OptionalInt.empty(), e.toString()));
            }
        }

        @Override
        public Optional<String> loaderName() {
            return Optional.empty();
        }

        @Override
        public FileStatus restat() {
            return status;
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (java.io.IOException ignored) {
                // closing a test channel
            }
        }
    }

    /** {@link FakeAccess} for everything but lock files. */
    private record NoLocksAccess(FakeAccess fake) implements NativeAccess, FileDescriptors {
        @Override
        public String name() {
            return "no-locks";
        }

        @Override
        public boolean isSupported() {
            return true;
        }

        @Override
        public OpenResult open(String target, OpenMode mode) {
            return fake.open(target, mode);
        }

        @Override
        public Optional<MemorySegment> symbol(LibraryHandle library, String name, java.lang.foreign.Arena scope) {
            return fake.symbol(library, name, scope);
        }

        @Override
        public Optional<Path> loadedPath(LibraryHandle library) {
            return fake.loadedPath(library);
        }

        @Override
        public Optional<OsError> close(LibraryHandle library) {
            return fake.close(library);
        }

        @Override
        public Host host() {
            return fake.host();
        }

        @Override
        public String errorText(int code) {
            return fake.errorText(code);
        }

        @Override
        public Optional<MountFlags> mountFlags(Path directory) {
            return Optional.empty();
        }

        @Override
        public LockFileResult openLockFile(Path file) {
            try {
                return new LockFileResult.Opened(new NoLockFile(file));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void withoutLocksAVerifiedEntryIsStillUsedAndTheStepsSaySo() throws Exception {
        Path cache = tmp.resolve("cache");
        Extraction e = new Extractor(List.of(cache), Fixtures.check(), new NoLocksAccess(new FakeAccess()))
                .extract(Fixtures.solo(tmp), SOLO).orElseThrow();
        assertArrayEquals(Files.readAllBytes(Fixtures.testdata("gcc-x86_64", "libembedded_solo.so")),
                Files.readAllBytes(e.library().path()));
        assertTrue(e.steps().stream().anyMatch(s -> s.startsWith("locks unavailable for " + e.directory())
                && s.contains("(code 37)") && s.contains("used unlocked")), e.steps()::toString);
        // a second run reuses the entry, still unlocked, still verified
        Extraction again = new Extractor(List.of(cache), Fixtures.check(), new NoLocksAccess(new FakeAccess()))
                .extract(Fixtures.solo(tmp), SOLO).orElseThrow();
        assertTrue(again.library().reused() && again.library().path().equals(e.library().path()), again.steps()::toString);
    }
}
