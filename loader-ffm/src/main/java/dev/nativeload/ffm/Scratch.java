package dev.nativeload.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Native memory owned by one thread and reused by every call it makes: the captured call state
 * ({@code errno} / {@code GetLastError}), an out-parameter word, and a text buffer that grows as
 * needed. No call through the bindings creates an {@link Arena}; the memory is freed by the
 * garbage collector when the thread is gone.
 *
 * <p>Each buffer is handed out as an unscoped view of memory an automatic arena owns. A downcall
 * given a segment of a shared (automatic) arena must acquire and release that arena around the call,
 * two atomic updates that cost as much as a {@code dlsym} of a short name; the views skip that. They
 * are safe because this object keeps their owners reachable and never lets a view leave its thread's
 * current call.
 */
@SuppressWarnings("restricted") // this module is the native boundary; run with --enable-native-access
final class Scratch {
    /**
     * Per thread; a plain {@code ThreadLocal} filled by {@link #current()}, neither a subclass nor
     * {@code withInitial} of a method reference: either is one more class on every first load.
     */
    private static final ThreadLocal<Scratch> CURRENT = new ThreadLocal<>();
    private static final ValueLayout.OfChar UTF16LE = ValueLayout.JAVA_CHAR_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final long MIN_TEXT = 256;

    /** The automatic-arena segments the views below point into; kept only to keep them alive. */
    private final MemorySegment[] owners = new MemorySegment[3];
    /** Made on first use: a load that succeeds captures nothing, and the layout costs classes. */
    private MemorySegment callState;
    private final MemorySegment out;
    private MemorySegment text;
    /** An ASCII C string's bytes, before their copy into {@link #text}. */
    private byte[] asciiBytes = new byte[(int) MIN_TEXT];

    private Scratch() {
        this.out = allocate(1, 64);
        this.text = allocate(2, MIN_TEXT);
    }

    /** Allocates from an automatic arena, keeps the owner in {@code owners[slot]}, returns an unscoped view. */
    private MemorySegment allocate(int slot, long bytes) {
        MemorySegment owner = Arena.ofAuto().allocate(bytes, 8);
        owners[slot] = owner;
        return MemorySegment.ofAddress(owner.address()).reinterpret(bytes);
    }

    /** {@return this thread's scratch memory} */
    static Scratch current() {
        Scratch scratch = CURRENT.get();
        if (scratch == null) {
            scratch = new Scratch();
            CURRENT.set(scratch);
        }
        return scratch;
    }

    /** {@return the segment a downcall with {@code captureCallState} writes into} */
    MemorySegment callState() {
        MemorySegment state = callState;
        if (state == null) {
            state = allocate(0, Linker.Option.captureStateLayout().byteSize());
            callState = state;
        }
        return state;
    }

    /**
     * {@return one captured value ({@code "errno"}, {@code "GetLastError"}) from the last capturing call}
     *
     * @param handle a var handle from {@link #stateHandle(String)}
     */
    int captured(VarHandle handle) {
        return (int) handle.get(callState(), 0L);
    }

    /**
     * {@return a var handle over one named element of the platform's call-state layout}
     *
     * @param name {@code "errno"} or {@code "GetLastError"}
     */
    static VarHandle stateHandle(String name) {
        return Linker.Option.captureStateLayout().varHandle(MemoryLayout.PathElement.groupElement(name));
    }

    /** {@return 64 zeroed bytes, 8-aligned, for out-parameters} */
    MemorySegment out() {
        return out.fill((byte) 0);
    }

    /**
     * {@return at least {@code bytes} bytes of this thread's text buffer, grown when too small}
     *
     * @param bytes the size needed
     */
    MemorySegment text(long bytes) {
        if (text.byteSize() < bytes) {
            long size = Math.max(bytes, Math.multiplyExact(text.byteSize(), 2));
            text = allocate(2, size);
        }
        return text;
    }

    /**
     * Writes {@code s} as a NUL-terminated UTF-8 C string into the text buffer, in one bulk copy
     * (an ASCII string through a reused array, so without allocating).
     *
     * @param s the string
     * @return the buffer holding it, or {@code null} when {@code s} contains a NUL character (no C
     *         string can say it)
     */
    MemorySegment cString(String s) {
        if (s.indexOf('\0') >= 0) {
            return null;
        }
        // One bulk copy of the bytes and their NUL, through this thread's byte array for ASCII (no
        // allocation): setString writes the NUL through a var handle, whose first making spins
        // classes on every first load of a new JVM.
        int n = s.length();
        byte[] bytes = ascii(s, n) ? asciiBytes : (s + '\0').getBytes(StandardCharsets.UTF_8);
        int length = bytes == asciiBytes ? n + 1 : bytes.length;
        MemorySegment buf = text(length);
        MemorySegment.copy(bytes, 0, buf, ValueLayout.JAVA_BYTE, 0, length);
        return buf;
    }

    /** {@return whether {@code s} is ASCII; if so, its bytes and a NUL are now in {@link #asciiBytes}} */
    private boolean ascii(String s, int n) {
        if (asciiBytes.length < n + 1) {
            asciiBytes = new byte[Math.max(n + 1, 2 * asciiBytes.length)];
        }
        byte[] out = asciiBytes;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return false;
            }
            out[i] = (byte) c;
        }
        out[n] = 0;
        return true;
    }

    /**
     * Writes {@code s} as a NUL-terminated UTF-16LE string (a Windows {@code LPCWSTR}).
     *
     * @param s the string
     * @return the buffer holding it, or {@code null} when {@code s} contains a NUL character
     */
    MemorySegment wideString(String s) {
        if (s.indexOf('\0') >= 0) {
            return null;
        }
        int n = s.length();
        MemorySegment buf = text(2L * n + 2);
        for (int i = 0; i < n; i++) {
            buf.set(UTF16LE, 2L * i, s.charAt(i));
        }
        buf.set(UTF16LE, 2L * n, '\0');
        return buf;
    }

    /**
     * {@return the NUL-terminated UTF-16LE text at the start of {@code segment}, at most {@code maxChars} chars}
     *
     * @param segment  memory holding UTF-16LE text
     * @param maxChars where to stop when no NUL comes first
     */
    static String readWide(MemorySegment segment, long maxChars) {
        long limit = Math.min(maxChars, segment.byteSize() / 2);
        StringBuilder sb = new StringBuilder((int) Math.min(limit, 1024));
        for (long i = 0; i < limit; i++) {
            char c = segment.get(UTF16LE, 2 * i);
            if (c == 0) {
                break;
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
