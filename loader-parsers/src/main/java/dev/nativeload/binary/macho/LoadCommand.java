package dev.nativeload.binary.macho;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One Mach-O load command, decoded where this reader knows its layout.
 *
 * <p>Every command carries its {@link #type()}, the {@link #offset()} of its first byte in the
 * image (from the Mach header, so inside a fat file it is relative to the slice) and its
 * {@link #size()} ({@code cmdsize}). Commands the reader does not decode are {@link Unknown}.
 */
public sealed interface LoadCommand {
    /** {@return the command's {@code cmd}} */
    LoadCommandType type();

    /** {@return the offset of the command in the image} */
    long offset();

    /** {@return the command's {@code cmdsize} in bytes} */
    long size();

    /**
     * A dylib command: {@code LC_ID_DYLIB} or one of the dependency commands.
     *
     * @param type                 the command
     * @param offset               where it is
     * @param size                 its {@code cmdsize}
     * @param kind                 which dylib command
     * @param name                 the install name (the path or {@code @rpath/...} name dyld looks for)
     * @param timestamp            the library's build time stamp as recorded (usually 0 or 2)
     * @param currentVersion       the library's current version
     * @param compatibilityVersion the oldest version a client linked against it may run with
     */
    record Dylib(LoadCommandType type, long offset, long size, DylibKind kind, String name, long timestamp,
                 MachOVersion currentVersion, MachOVersion compatibilityVersion) implements LoadCommand {
        /** Requires the kind and the name. */
        public Dylib {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * {@code LC_RPATH}: one entry of the run-path search list that {@code @rpath/} names use.
     *
     * @param type   the command
     * @param offset where it is
     * @param size   its {@code cmdsize}
     * @param path   the entry, such as {@code @loader_path/../lib}
     */
    record Rpath(LoadCommandType type, long offset, long size, String path) implements LoadCommand {
    }

    /**
     * {@code LC_LOAD_DYLINKER}, {@code LC_ID_DYLINKER} or {@code LC_DYLD_ENVIRONMENT}: one string.
     *
     * @param type   the command
     * @param offset where it is
     * @param size   its {@code cmdsize}
     * @param name   the dynamic linker path (usually {@code /usr/lib/dyld}) or environment entry
     */
    record Dylinker(LoadCommandType type, long offset, long size, String name) implements LoadCommand {
    }

    /**
     * A tool recorded in {@code LC_BUILD_VERSION}.
     *
     * @param tool    the tool ({@code 1} clang, {@code 2} swift, {@code 3} ld, {@code 4} lld)
     * @param version the tool's version
     */
    record BuildTool(int tool, MachOVersion version) {
    }

    /**
     * {@code LC_BUILD_VERSION}: the platform and the OS and SDK versions the image was built for.
     *
     * @param type     the command
     * @param offset   where it is
     * @param size     its {@code cmdsize}
     * @param platform the target platform
     * @param minOs    the minimum OS version
     * @param sdk      the SDK version
     * @param tools    the tools that built the image
     */
    record BuildVersion(LoadCommandType type, long offset, long size, Platform platform, MachOVersion minOs,
                        MachOVersion sdk, List<BuildTool> tools) implements LoadCommand {
        /** Copies the tools. */
        public BuildVersion {
            tools = List.copyOf(tools);
        }
    }

    /**
     * {@code LC_VERSION_MIN_MACOSX}, {@code _IPHONEOS}, {@code _TVOS} or {@code _WATCHOS}: the
     * older form of {@link BuildVersion}, the platform implied by the command.
     *
     * @param type     the command
     * @param offset   where it is
     * @param size     its {@code cmdsize}
     * @param platform the platform the command implies
     * @param minOs    the minimum OS version
     * @param sdk      the SDK version
     */
    record VersionMin(LoadCommandType type, long offset, long size, Platform platform, MachOVersion minOs,
                      MachOVersion sdk) implements LoadCommand {
    }

    /**
     * {@code LC_UUID}: the image's unique build id.
     *
     * @param type   the command
     * @param offset where it is
     * @param size   its {@code cmdsize}
     * @param uuid   the 128-bit id, in the byte order written (big-endian, as {@code dwarfdump --uuid} prints it)
     */
    record Uuid(LoadCommandType type, long offset, long size, UUID uuid) implements LoadCommand {
    }

    /**
     * {@code LC_SEGMENT} or {@code LC_SEGMENT_64}, fields widened to 64 bits.
     *
     * @param type              the command
     * @param offset            where it is
     * @param size              its {@code cmdsize}
     * @param name              the segment name, such as {@code __TEXT}
     * @param vmAddress         the address the segment is mapped at (before sliding)
     * @param vmSize            its size in memory
     * @param fileOffset        where its bytes start in the image
     * @param fileSize          how many bytes it maps from the image
     * @param maxProtection     the maximum VM protection ({@code VM_PROT_*} bits)
     * @param initProtection    the initial VM protection
     * @param sectionCount      the number of section headers that follow the command's fixed part
     * @param flags             the {@code SG_*} flags
     */
    record Segment(LoadCommandType type, long offset, long size, String name, long vmAddress, long vmSize,
                   long fileOffset, long fileSize, int maxProtection, int initProtection, long sectionCount,
                   int flags) implements LoadCommand {
    }

    /**
     * {@code LC_MAIN}: the entry point of an executable that dyld starts.
     *
     * @param type        the command
     * @param offset      where it is
     * @param size        its {@code cmdsize}
     * @param entryOffset the file offset of {@code main} in the {@code __TEXT} segment
     * @param stackSize   the requested initial stack size, or 0 for the default
     */
    record EntryPoint(LoadCommandType type, long offset, long size, long entryOffset, long stackSize)
            implements LoadCommand {
    }

    /**
     * A command this reader does not decode (symbol tables, dyld info, code signature, ...).
     *
     * @param type   the command
     * @param offset where it is
     * @param size   its {@code cmdsize}
     */
    record Unknown(LoadCommandType type, long offset, long size) implements LoadCommand {
    }
}
