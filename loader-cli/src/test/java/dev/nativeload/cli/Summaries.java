package dev.nativeload.cli;

import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.BinaryFormat;
import dev.nativeload.binary.BinarySummary;
import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.binary.TargetOs;
import dev.nativeload.binary.VersionNeed;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;

/** Hand-made summaries, with every field set to a distinct value, for rendering tests. */
final class Summaries {
    private Summaries() {
    }

    static BinarySummary elf() {
        return new BinarySummary(BinaryFormat.ELF, Architecture.AARCH64, 64, ByteOrder.LITTLE_ENDIAN, "DYN",
                TargetOs.LINUX, LibcFlavor.GLIBC, Optional.of("libzoo.so.2"),
                List.of("libm.so.6", "libc.so.6", "libdl.so.2"), List.of("$ORIGIN/../lib", "/opt/zoo"),
                List.of("/run/path"), Optional.of("/lib/ld-linux-aarch64.so.1"), List.of(),
                List.of(new VersionNeed("libc.so.6", List.of("GLIBC_2.17", "GLIBC_2.34")),
                        new VersionNeed("libm.so.6", List.of("GLIBC_2.29"))));
    }

    static BinarySummary bare() {
        return new BinarySummary(BinaryFormat.ELF, Architecture.S390X, 32, ByteOrder.BIG_ENDIAN, "REL",
                TargetOs.UNKNOWN, LibcFlavor.UNKNOWN, Optional.empty(), List.of(), List.of(), List.of(),
                Optional.empty(), List.of(), List.of());
    }

    static BinarySummary pe() {
        return new BinarySummary(BinaryFormat.PE, Architecture.X86, 32, ByteOrder.LITTLE_ENDIAN, "DLL",
                TargetOs.WINDOWS, LibcFlavor.NOT_APPLICABLE, Optional.empty(),
                List.of("dep.dll", "KERNEL32.dll", "msvcrt.dll"), List.of(), List.of(), Optional.empty(),
                List.of("WINMM.dll", "d\"q\\.dll"), List.of());
    }

    static BinarySummary machO(Architecture arch) {
        return new BinarySummary(BinaryFormat.MACHO, arch, 64, ByteOrder.LITTLE_ENDIAN, "DYLIB",
                TargetOs.MACOS, LibcFlavor.NOT_APPLICABLE, Optional.of("@rpath/libfoo.1.dylib"),
                List.of("@rpath/libdep.dylib", "/usr/lib/libSystem.B.dylib"), List.of("@loader_path/../lib"),
                List.of(), Optional.empty(), List.of(), List.of());
    }
}
