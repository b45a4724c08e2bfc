package dev.nativeload.binary.macho;

import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.MalformedBinaryException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Walks and decodes the load commands that follow a Mach header.
 *
 * <p>Rules, as dyld applies them: {@code ncmds} commands must fit in {@code sizeofcmds}, which
 * must fit in the image; each {@code cmdsize} is at least 8 and a multiple of 4 and keeps the
 * command inside {@code sizeofcmds}. A 64-bit image's commands should be 8-aligned, but dyld
 * accepts 4-aligned ones, and so does this reader. Every string ({@code lc_str}) must start past
 * its command's fixed part and end with a NUL inside the command.
 */
final class LoadCommandParser {
    /** No real image has this many; a larger {@code ncmds} is hostile. */
    static final long MAX_COMMANDS = 65_536;
    /** Real images record one to three build tools. */
    static final long MAX_BUILD_TOOLS = 256;
    private static final int LOAD_COMMAND = 8;

    private final BinaryData data;
    private final MachHeader header;

    private LoadCommandParser(BinaryData data, MachHeader header) {
        this.data = data;
        this.header = header;
    }

    static List<LoadCommand> parse(BinaryData data, MachHeader header) throws MalformedBinaryException {
        return new LoadCommandParser(data, header).parseAll();
    }

    private List<LoadCommand> parseAll() throws MalformedBinaryException {
        long count = header.commandCount();
        long total = header.commandsSize();
        long start = header.size();
        if (count > MAX_COMMANDS) {
            throw error(16, "invalid Mach-O load command count " + count + " (at most " + MAX_COMMANDS + ")");
        }
        if (count * LOAD_COMMAND > total) {
            throw error(16, "invalid Mach-O load commands: " + count + " commands cannot fit in sizeofcmds " + total);
        }
        if (total > data.size() - start) {
            throw error(20, "invalid Mach-O sizeofcmds " + total + ": the load commands run past the end of the image (0x"
                    + Long.toHexString(data.size()) + " bytes)");
        }
        long end = start + total;
        List<LoadCommand> commands = new ArrayList<>();
        long at = start;
        for (long i = 0; i < count; i++) {
            if (end - at < LOAD_COMMAND) {
                throw error(at, "Mach-O load command " + i + " of " + count + " starts past the end of sizeofcmds");
            }
            int cmd = data.s32(at, "load command cmd");
            long size = data.u32(at + 4, "load command cmdsize");
            if (size < LOAD_COMMAND || size % 4 != 0) {
                throw error(at + 4, "invalid cmdsize " + size + " of Mach-O load command " + i + " ("
                        + new LoadCommandType(cmd) + "): must be at least 8 and a multiple of 4");
            }
            if (size > end - at) {
                throw error(at + 4, "Mach-O load command " + i + " (" + new LoadCommandType(cmd) + ", cmdsize " + size
                        + ") runs past the end of sizeofcmds");
            }
            commands.add(decode(new LoadCommandType(cmd), at, size));
            at += size;
        }
        return commands;
    }

    private LoadCommand decode(LoadCommandType type, long at, long size) throws MalformedBinaryException {
        int cmd = type.value();
        DylibKind kind = DylibKind.of(cmd);
        if (kind != null) {
            require(type, at, size, 24);
            return new LoadCommand.Dylib(type, at, size, kind, string(type, at, size, 24, "dylib name"),
                    data.u32(at + 12, "dylib timestamp"), version(at + 16, "dylib current version"),
                    version(at + 20, "dylib compatibility version"));
        }
        return switch (cmd) {
            case LoadCommandType.LC_RPATH -> {
                require(type, at, size, 12);
                yield new LoadCommand.Rpath(type, at, size, string(type, at, size, 12, "rpath"));
            }
            case LoadCommandType.LC_LOAD_DYLINKER, LoadCommandType.LC_ID_DYLINKER, LoadCommandType.LC_DYLD_ENVIRONMENT -> {
                require(type, at, size, 12);
                yield new LoadCommand.Dylinker(type, at, size, string(type, at, size, 12, "dylinker name"));
            }
            case LoadCommandType.LC_UUID -> {
                require(type, at, size, 24);
                yield new LoadCommand.Uuid(type, at, size, uuid(at + 8));
            }
            case LoadCommandType.LC_BUILD_VERSION -> buildVersion(type, at, size);
            case LoadCommandType.LC_VERSION_MIN_MACOSX -> versionMin(type, at, size, Platform.MACOS);
            case LoadCommandType.LC_VERSION_MIN_IPHONEOS -> versionMin(type, at, size, Platform.IOS);
            case LoadCommandType.LC_VERSION_MIN_TVOS -> versionMin(type, at, size, Platform.TVOS);
            case LoadCommandType.LC_VERSION_MIN_WATCHOS -> versionMin(type, at, size, Platform.WATCHOS);
            case LoadCommandType.LC_SEGMENT -> segment(type, at, size, false);
            case LoadCommandType.LC_SEGMENT_64 -> segment(type, at, size, true);
            case LoadCommandType.LC_MAIN -> {
                require(type, at, size, 24);
                yield new LoadCommand.EntryPoint(type, at, size, data.u64(at + 8, "LC_MAIN entryoff"),
                        data.u64(at + 16, "LC_MAIN stacksize"));
            }
            default -> new LoadCommand.Unknown(type, at, size);
        };
    }

    private LoadCommand buildVersion(LoadCommandType type, long at, long size) throws MalformedBinaryException {
        require(type, at, size, 24);
        long tools = data.u32(at + 20, "LC_BUILD_VERSION ntools");
        if (tools > (size - 24) / 8 || tools > MAX_BUILD_TOOLS) {
            throw error(at + 20, "invalid LC_BUILD_VERSION ntools " + tools + " (cmdsize " + size + ", at most "
                    + MAX_BUILD_TOOLS + ")");
        }
        List<LoadCommand.BuildTool> list = new ArrayList<>();
        for (long i = 0; i < tools; i++) {
            long t = at + 24 + 8 * i;
            list.add(new LoadCommand.BuildTool(data.s32(t, "build tool"), version(t + 4, "build tool version")));
        }
        return new LoadCommand.BuildVersion(type, at, size, new Platform(data.s32(at + 8, "platform")),
                version(at + 12, "minos"), version(at + 16, "sdk"), list);
    }

    private LoadCommand versionMin(LoadCommandType type, long at, long size, Platform platform)
            throws MalformedBinaryException {
        require(type, at, size, 16);
        return new LoadCommand.VersionMin(type, at, size, platform, version(at + 8, "minimum OS version"),
                version(at + 12, "SDK version"));
    }

    private LoadCommand segment(LoadCommandType type, long at, long size, boolean wide) throws MalformedBinaryException {
        int fixed = wide ? 72 : 56;
        int sectionSize = wide ? 80 : 68;
        require(type, at, size, fixed);
        String name = data.fixedString(at + 8, 16, "segment name");
        int w = wide ? 8 : 4;
        long vmAddress = data.word(at + 24, wide, "segment vmaddr");
        long vmSize = data.word(at + 24 + w, wide, "segment vmsize");
        long fileOffset = data.word(at + 24 + 2 * w, wide, "segment fileoff");
        long fileSize = data.word(at + 24 + 3 * w, wide, "segment filesize");
        long p = at + 24 + 4 * w;
        int maxProt = data.s32(p, "segment maxprot");
        int initProt = data.s32(p + 4, "segment initprot");
        long sections = data.u32(p + 8, "segment nsects");
        int flags = data.s32(p + 12, "segment flags");
        if (sections > (size - fixed) / sectionSize) {
            throw error(p + 8, "segment " + name + " nsects " + sections + " does not fit in cmdsize " + size);
        }
        data.check(fileOffset, fileSize, "segment " + name + " file range");
        return new LoadCommand.Segment(type, at, size, name, vmAddress, vmSize, fileOffset, fileSize, maxProt,
                initProt, sections, flags);
    }

    private void require(LoadCommandType type, long at, long size, int minimum) throws MalformedBinaryException {
        if (size < minimum) {
            throw error(at + 4, type + " cmdsize " + size + " is smaller than its fixed part (" + minimum + " bytes)");
        }
    }

    /** Reads an {@code lc_str} whose offset field is at {@code at + 8}. */
    private String string(LoadCommandType type, long at, long size, int fixed, String what) throws MalformedBinaryException {
        long offset = data.u32(at + 8, what + " offset");
        if (offset < fixed || offset >= size) {
            throw error(at + 8, type + " " + what + " offset " + offset + " is outside the command (must be in ["
                    + fixed + ", " + size + "))");
        }
        return data.cString(at + offset, size - offset, type + " " + what);
    }

    private MachOVersion version(long at, String what) throws MalformedBinaryException {
        return new MachOVersion(data.u32(at, what));
    }

    private UUID uuid(long at) throws MalformedBinaryException {
        byte[] b = data.bytes(at, 16, "LC_UUID");
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 8; i++) {
            hi = hi << 8 | (b[i] & 0xff);
            lo = lo << 8 | (b[i + 8] & 0xff);
        }
        return new UUID(hi, lo);
    }

    private MalformedBinaryException error(long at, String problem) {
        return new MalformedBinaryException(data.fileOffset() + at, problem);
    }
}
