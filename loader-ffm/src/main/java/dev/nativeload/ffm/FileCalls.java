package dev.nativeload.ffm;

import dev.nativeload.internal.os.FileStatus;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The calls on a file descriptor that the embedded cache's trust checks make ({@code open},
 * {@code fstat}, {@code pread}, {@code close}, {@code geteuid}; {@code fcntl} locks and
 * {@code pwrite} for lock files), bound for one ABI, each capturing {@code errno} as it returns (an
 * option jextract does not emit, added here to the generated address and descriptor), with one Java
 * signature on every ABI: a C {@code size_t} or {@code ssize_t} of 32 bits is widened to or narrowed
 * from a Java {@code long} at the call.
 *
 * <p>Linux: the generated package of the platform's {@link PosixAbi} ({@link GeneratedFileCalls});
 * macOS: {@link DarwinFileCalls}, written by hand.
 *
 * @param abi     a name for reports and tests
 * @param bits    the {@code O_*} bits the calls use
 * @param stat    {@code struct stat} as the bound {@code fstat} fills it
 * @param locking open-file-description locks, where bound (Linux)
 * @param missing the functions this process lacks (their calls throw {@link UnsatisfiedLinkError})
 * @param openCall    {@code int open(const char *, int, ... mode_t)}
 * @param fstatCall   {@code int fstat(int, struct stat *)}
 * @param preadCall   {@code ssize_t pread(int, void *, size_t, off_t)}
 * @param pwriteCall  {@code ssize_t pwrite(int, const void *, size_t, off_t)}
 * @param closeCall   {@code int close(int)}
 * @param geteuidCall {@code uid_t geteuid(void)}
 */
record FileCalls(String abi, OpenBits bits, StructLayout stat, Optional<Locking> locking, List<String> missing,
                 MethodHandle openCall,
                 MethodHandle fstatCall, MethodHandle preadCall, MethodHandle pwriteCall, MethodHandle closeCall,
                 MethodHandle geteuidCall) {
    private static final Linker.Option ERRNO = Linker.Option.captureCallState("errno");
    private static final MethodType OPEN = MethodType.methodType(int.class, MemorySegment.class, MemorySegment.class,
            int.class, int.class);
    private static final MethodType FCNTL = MethodType.methodType(int.class, MemorySegment.class, int.class, int.class,
            MemorySegment.class);
    private static final MethodType FSTAT = MethodType.methodType(int.class, MemorySegment.class, int.class,
            MemorySegment.class);
    private static final MethodType PREAD = MethodType.methodType(long.class, MemorySegment.class, int.class,
            MemorySegment.class, long.class, long.class);
    private static final MethodType CLOSE = MethodType.methodType(int.class, MemorySegment.class, int.class);
    private static final MethodType GETEUID = MethodType.methodType(int.class, MemorySegment.class);

    /**
     * The {@code O_*} bits of one ABI's {@code <fcntl.h>} that the calls use.
     *
     * @param readOnly {@code O_RDONLY}
     * @param noFollow {@code O_NOFOLLOW}: fail with {@code ELOOP} when the last component is a symbolic link
     * @param closeExec {@code O_CLOEXEC}: not inherited by a child process
     * @param noCtty   {@code O_NOCTTY}: a terminal never becomes the controlling one
     * @param readWriteCreateNonBlock {@code O_RDWR | O_CREAT | O_NONBLOCK}, what a lock file adds
     */
    record OpenBits(int readOnly, int noFollow, int closeExec, int noCtty, int readWriteCreateNonBlock) {
        /** {@return the flags that open a file for reading, never through a link, never inherited} */
        int readNoFollow() {
            return readOnly | noFollow | closeExec | noCtty;
        }
    }

    /**
     * Open-file-description locks: {@code fcntl(fd, F_OFD_SETLK, struct flock *)}.
     *
     * @param flock  {@code struct flock} as the bound {@code fcntl} reads it
     * @param function {@code fcntl}, as found
     * @param fcntlCall {@code int fcntl(int, int, ... struct flock *)}
     * @param setLock {@code F_OFD_SETLK}
     * @param readLock {@code F_RDLCK}
     * @param writeLock {@code F_WRLCK}
     * @param unlock {@code F_UNLCK}
     */
    record Locking(StructLayout flock, Function function, MethodHandle fcntlCall, int setLock, short readLock,
                   short writeLock, short unlock) {
        /**
         * {@return {@code fcntl(fd, F_OFD_SETLK, lock)}} The first argument receives the captured {@code errno}.
         *
         * @param callState the captured call state
         * @param fd        the descriptor
         * @param lock      a filled {@link #flock}
         */
        int setLock(MemorySegment callState, int fd, MemorySegment lock) {
            try {
                return (int) fcntlCall.invokeExact(callState, fd, setLock, lock);
            } catch (Throwable t) {
                throw Downcall.rethrow(t);
            }
        }

        /**
         * Fills a {@code struct flock} for a lock of bytes {@code start} to {@code start + length}.
         *
         * @param lock   {@link #flock} bytes, zeroed
         * @param type   {@link #readLock}, {@link #writeLock} or {@link #unlock}
         * @param start  {@code l_start}
         * @param length {@code l_len}
         */
        void fill(MemorySegment lock, short type, long start, long length) {
            lock.set(ValueLayout.JAVA_SHORT, offset(flock, "l_type"), type);
            set(lock, flock, "l_start", start);
            set(lock, flock, "l_len", length);
        }
    }

    /**
     * {@return the calls at these addresses with these C signatures, each capturing {@code errno}}
     *
     * @param abi      a name
     * @param bits     the {@code O_*} bits
     * @param stat     {@code struct stat}
     * @param locking  the locks, where bound
     * @param open     {@code open}, its mode argument among the descriptor's (variadic from the third)
     * @param fstat    {@code fstat}
     * @param pread    {@code pread}
     * @param pwrite   {@code pwrite}
     * @param close    {@code close}
     * @param geteuid  {@code geteuid}
     */
    static FileCalls bind(String abi, OpenBits bits, StructLayout stat, Optional<Locking> locking, Function open,
                          Function fstat, Function pread, Function pwrite, Function close, Function geteuid) {
        List<String> missing = Stream.concat(Stream.of(open, fstat, pread, pwrite, close, geteuid),
                        locking.stream().map(Locking::function))
                .filter(f -> f.address().isEmpty()).map(Function::name).toList();
        return new FileCalls(abi, bits, stat, locking, missing, open.handle(OPEN), fstat.handle(FSTAT),
                pread.handle(PREAD), pwrite.handle(PREAD), close.handle(CLOSE), geteuid.handle(GETEUID));
    }

    /**
     * {@return the lock calls at this address with this C signature}
     *
     * @param flock  {@code struct flock}
     * @param fcntl  {@code fcntl}, its lock argument among the descriptor's (variadic from the third)
     * @param setLock {@code F_OFD_SETLK}
     * @param readLock {@code F_RDLCK}
     * @param writeLock {@code F_WRLCK}
     * @param unlock {@code F_UNLCK}
     */
    static Locking locking(StructLayout flock, Function fcntl, int setLock, int readLock, int writeLock, int unlock) {
        return new Locking(flock, fcntl, fcntl.handle(FCNTL), setLock, (short) readLock, (short) writeLock, (short) unlock);
    }

    /**
     * One C function to bind.
     *
     * @param name          the C symbol
     * @param address       where it is, or empty where this process lacks it (glibc before 2.33 has
     *                      no {@code fstat} symbol): then its handle throws {@link UnsatisfiedLinkError}
     * @param descriptor    its C signature (with the variadic arguments passed, if any); unused when absent
     * @param firstVariadic the index of its first variadic argument, or -1
     */
    @SuppressWarnings("restricted") // this module is the native boundary; run with --enable-native-access
    record Function(String name, Optional<MemorySegment> address, FunctionDescriptor descriptor, int firstVariadic) {
        MethodHandle handle(MethodType type) {
            if (address.isEmpty()) {
                MethodHandle thrower = MethodHandles.throwException(type.returnType(), UnsatisfiedLinkError.class)
                        .bindTo(new UnsatisfiedLinkError("C function not found in this process: " + name));
                return MethodHandles.dropArguments(thrower, 0, type.parameterList());
            }
            MemorySegment address = this.address.get();
            MethodHandle h = firstVariadic < 0
                    ? Linker.nativeLinker().downcallHandle(address, descriptor, ERRNO)
                    : Linker.nativeLinker().downcallHandle(address, descriptor,
                    Linker.Option.firstVariadicArg(firstVariadic), ERRNO);
            return MethodHandles.explicitCastArguments(h, type);
        }
    }

    /** {@return {@code sizeof(struct stat)}} */
    long statSize() {
        return stat.byteSize();
    }

    /** {@return the facts in a filled {@code struct stat}} @param filled at least {@link #statSize()} bytes */
    FileStatus decode(MemorySegment filled) {
        return new FileStatus(get(filled, "st_dev"), get(filled, "st_ino"), (int) get(filled, "st_mode"),
                (int) get(filled, "st_uid"), get(filled, "st_nlink"), get(filled, "st_size"));
    }

    private long get(MemorySegment s, String field) {
        long offset = offset(stat, field);
        long bytes = stat.select(MemoryLayout.PathElement.groupElement(field)).byteSize();
        return bytes == 8 ? s.get(ValueLayout.JAVA_LONG_UNALIGNED, offset)
                : bytes == 4 ? Integer.toUnsignedLong(s.get(ValueLayout.JAVA_INT_UNALIGNED, offset))
                : Short.toUnsignedLong(s.get(ValueLayout.JAVA_SHORT_UNALIGNED, offset));
    }

    private static long offset(StructLayout struct, String field) {
        return struct.byteOffset(MemoryLayout.PathElement.groupElement(field));
    }

    private static void set(MemorySegment s, StructLayout struct, String field, long value) {
        long bytes = struct.select(MemoryLayout.PathElement.groupElement(field)).byteSize();
        if (bytes == 8) {
            s.set(ValueLayout.JAVA_LONG_UNALIGNED, offset(struct, field), value);
        } else {
            s.set(ValueLayout.JAVA_INT_UNALIGNED, offset(struct, field), Math.toIntExact(value));
        }
    }

    /**
     * {@return {@code open(path, flags, mode)}} The first argument receives the captured {@code errno}.
     *
     * @param callState the captured call state
     * @param path      a C string
     * @param flags     {@code O_*} bits
     * @param mode      the mode when {@code O_CREAT} creates the file
     */
    int open(MemorySegment callState, MemorySegment path, int flags, int mode) {
        try {
            return (int) openCall.invokeExact(callState, path, flags, mode);
        } catch (Throwable t) {
            throw Downcall.rethrow(t);
        }
    }

    /**
     * {@return {@code fstat(fd, buf)}} The first argument receives the captured {@code errno}.
     *
     * @param callState the captured call state
     * @param fd        the descriptor
     * @param buf       {@link #statSize()} bytes
     */
    int fstat(MemorySegment callState, int fd, MemorySegment buf) {
        try {
            return (int) fstatCall.invokeExact(callState, fd, buf);
        } catch (Throwable t) {
            throw Downcall.rethrow(t);
        }
    }

    /**
     * {@return {@code pread(fd, buf, count, offset)}} The first argument receives the captured {@code errno}.
     *
     * @param callState the captured call state
     * @param fd        the descriptor
     * @param buf       receives the bytes
     * @param count     how many at most (fits the ABI's {@code size_t})
     * @param offset    where in the file
     */
    long pread(MemorySegment callState, int fd, MemorySegment buf, long count, long offset) {
        try {
            return (long) preadCall.invokeExact(callState, fd, buf, count, offset);
        } catch (Throwable t) {
            throw Downcall.rethrow(t);
        }
    }

    /**
     * {@return {@code pwrite(fd, buf, count, offset)}} The first argument receives the captured {@code errno}.
     *
     * @param callState the captured call state
     * @param fd        the descriptor
     * @param buf       the bytes
     * @param count     how many (fits the ABI's {@code size_t})
     * @param offset    where in the file
     */
    long pwrite(MemorySegment callState, int fd, MemorySegment buf, long count, long offset) {
        try {
            return (long) pwriteCall.invokeExact(callState, fd, buf, count, offset);
        } catch (Throwable t) {
            throw Downcall.rethrow(t);
        }
    }

    /** {@return {@code close(fd)}} @param fd the descriptor */
    int close(int fd) {
        try {
            return (int) closeCall.invokeExact(Scratch.current().callState(), fd);
        } catch (Throwable t) {
            throw Downcall.rethrow(t);
        }
    }

    /** {@return {@code geteuid()}} */
    int geteuid() {
        try {
            return (int) geteuidCall.invokeExact(Scratch.current().callState());
        } catch (Throwable t) {
            throw Downcall.rethrow(t);
        }
    }
}
