package dev.nativeload.binary.macho;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Assembles small Mach-O images and universal files byte by byte, for inputs the toolchain here
 * cannot produce (big-endian PowerPC, arm64e, LC_LAZY_LOAD_DYLIB, LC_VERSION_MIN_IPHONEOS) and for
 * hostile variants of a rule.
 */
final class MachOBuilder {
    private final boolean is64;
    private final ByteOrder order;
    private final int cpuType;
    private final int cpuSubtype;
    private final int fileType;
    private final List<byte[]> commands = new ArrayList<>();
    private Long ncmds;
    private Long sizeofcmds;
    private int trailing;

    MachOBuilder(boolean is64, ByteOrder order, int cpuType, int cpuSubtype, int fileType) {
        this.is64 = is64;
        this.order = order;
        this.cpuType = cpuType;
        this.cpuSubtype = cpuSubtype;
        this.fileType = fileType;
    }

    /** A little-endian 64-bit arm64 dylib. */
    static MachOBuilder arm64Dylib() {
        return new MachOBuilder(true, ByteOrder.LITTLE_ENDIAN, CpuType.ARM64.value(), 0, FileType.DYLIB.value());
    }

    /** Adds a command with this cmd, cmdsize and body (the bytes after cmd and cmdsize, padded or cut to cmdsize). */
    MachOBuilder command(int cmd, long cmdsize, byte[] body) {
        int length = (int) Math.max(8, Math.min(cmdsize, 1 << 16));
        ByteBuffer b = ByteBuffer.allocate(length).order(order);
        b.putInt(cmd).putInt((int) cmdsize);
        b.put(body, 0, Math.min(body.length, length - 8));
        commands.add(b.array());
        return this;
    }

    /** Adds a command whose cmdsize fits its body, rounded up to 8 bytes. */
    MachOBuilder command(int cmd, byte[] body) {
        return command(cmd, (8 + body.length + 7) & ~7, body);
    }

    /** Adds a dylib command with its name right after the fixed part. */
    MachOBuilder dylib(int cmd, String name, int current, int compatibility) {
        byte[] s = cString(name);
        ByteBuffer b = ByteBuffer.allocate(16 + s.length).order(order);
        b.putInt(24).putInt(2).putInt(current).putInt(compatibility).put(s);
        return command(cmd, b.array());
    }

    /** Adds a command holding one lc_str right after the 12-byte fixed part (LC_RPATH, LC_LOAD_DYLINKER). */
    MachOBuilder stringCommand(int cmd, String value) {
        byte[] s = cString(value);
        ByteBuffer b = ByteBuffer.allocate(4 + s.length).order(order);
        b.putInt(12).put(s);
        return command(cmd, b.array());
    }

    /** Adds an LC_VERSION_MIN_* style command. */
    MachOBuilder versionMin(int cmd, int version, int sdk) {
        return command(cmd, ints(version, sdk));
    }

    /** Overrides ncmds. */
    MachOBuilder ncmds(long value) {
        this.ncmds = value;
        return this;
    }

    /** Overrides sizeofcmds. */
    MachOBuilder sizeofcmds(long value) {
        this.sizeofcmds = value;
        return this;
    }

    /** Appends zero bytes after the load commands. */
    MachOBuilder trailing(int bytes) {
        this.trailing = bytes;
        return this;
    }

    byte[] ints(int... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(order);
        for (int v : values) {
            b.putInt(v);
        }
        return b.array();
    }

    byte[] build() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        commands.forEach(all::writeBytes);
        byte[] body = all.toByteArray();
        ByteBuffer h = ByteBuffer.allocate(is64 ? 32 : 28).order(order);
        h.putInt(is64 ? 0xfeedfacf : 0xfeedface).putInt(cpuType).putInt(cpuSubtype).putInt(fileType);
        h.putInt((int) (ncmds != null ? ncmds : commands.size()));
        h.putInt((int) (sizeofcmds != null ? sizeofcmds : body.length));
        h.putInt(HeaderFlags.DYLDLINK | HeaderFlags.TWOLEVEL);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(h.array());
        out.writeBytes(body);
        out.writeBytes(new byte[trailing]);
        return out.toByteArray();
    }

    static byte[] cString(String s) {
        byte[] raw = s.getBytes(StandardCharsets.UTF_8);
        byte[] withNul = new byte[raw.length + 1];
        System.arraycopy(raw, 0, withNul, 0, raw.length);
        return withNul;
    }

    /** One slice of a universal file: the entry's fields and the bytes placed at its offset. */
    record Slice(int cpuType, int cpuSubtype, long offset, long size, int align, byte[] image) {
        static Slice of(byte[] image, int cpuType, int cpuSubtype, long offset) {
            return new Slice(cpuType, cpuSubtype, offset, image.length, 12, image);
        }
    }

    /** Assembles a universal file; slices are written at their offsets, the file ends after the last one. */
    static byte[] fat(boolean wide, List<Slice> slices) {
        long end = 8 + (long) slices.size() * (wide ? 32 : 20);
        for (Slice s : slices) {
            if (s.image() != null) {
                end = Math.max(end, s.offset() + s.image().length);
            }
        }
        ByteBuffer b = ByteBuffer.allocate((int) end).order(ByteOrder.BIG_ENDIAN);
        b.putInt(wide ? 0xcafebabf : 0xcafebabe).putInt(slices.size());
        for (Slice s : slices) {
            b.putInt(s.cpuType()).putInt(s.cpuSubtype());
            if (wide) {
                b.putLong(s.offset()).putLong(s.size()).putInt(s.align()).putInt(0);
            } else {
                b.putInt((int) s.offset()).putInt((int) s.size()).putInt(s.align());
            }
        }
        for (Slice s : slices) {
            if (s.image() != null) {
                b.put((int) s.offset(), s.image());
            }
        }
        return b.array();
    }
}
