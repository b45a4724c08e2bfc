package dev.nativeload.ffm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nativeload.spi.OpenMode;
import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.binary.TargetOs;
import dev.nativeload.spi.NativeAccess.MountFlags;
import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The per-OS tables of the bindings: how open modes become dlopen bits, which struct a host reads. */
class BindingTablesTest {
    private static final OpenMode NOW_LOCAL = new OpenMode(OpenMode.Binding.NOW, OpenMode.Visibility.LOCAL);
    private static final OpenMode LAZY_GLOBAL = new OpenMode(OpenMode.Binding.LAZY, OpenMode.Visibility.GLOBAL);

    @Test
    void linuxModesAreNowOrLazyOredWithGlobalWhereLocalIsZero() {
        Dlfcn.Flags f = Dlfcn.Flags.forOs(TargetOs.LINUX).orElseThrow();
        assertEquals(0x2, f.of(NOW_LOCAL));
        assertEquals(0x101, f.of(LAZY_GLOBAL));
        assertEquals(0x102, f.of(new OpenMode(OpenMode.Binding.NOW, OpenMode.Visibility.GLOBAL)));
    }

    @Test
    void macOsModesCarryAnExplicitLocalBitAndADifferentGlobalBit() {
        Dlfcn.Flags f = Dlfcn.Flags.forOs(TargetOs.MACOS).orElseThrow();
        assertEquals(0x2 | 0x4, f.of(NOW_LOCAL));
        assertEquals(0x1 | 0x8, f.of(LAZY_GLOBAL));
        assertEquals(0x10, f.noload());
    }

    @Test
    void windowsAndUnknownSystemsHaveNoRtldTable() {
        assertEquals(Optional.empty(), Dlfcn.Flags.forOs(TargetOs.WINDOWS));
        assertEquals(Optional.empty(), Dlfcn.Flags.forOs(TargetOs.UNKNOWN));
    }

    @Test
    void aHostReadsTheStructOfItsOsLibcArchitectureAndWordSize() {
        assertEquals("linux-musl-x86_64", abi(TargetOs.LINUX, LibcFlavor.MUSL, Architecture.X86_64, 8));
        assertEquals("linux-glibc-x86_64", abi(TargetOs.LINUX, LibcFlavor.GLIBC, Architecture.X86_64, 8));
        assertEquals("linux-glibc-aarch64", abi(TargetOs.LINUX, LibcFlavor.GLIBC, Architecture.AARCH64, 8));
        assertEquals("linux-glibc-i686", abi(TargetOs.LINUX, LibcFlavor.GLIBC, Architecture.X86, 4));
        assertEquals("linux-glibc-armhf", abi(TargetOs.LINUX, LibcFlavor.GLIBC, Architecture.ARM, 4));
        assertEquals("linux-musl-ilp32", abi(TargetOs.LINUX, LibcFlavor.MUSL, Architecture.X86, 4));
        assertEquals("darwin-statfs64", abi(TargetOs.MACOS, LibcFlavor.NOT_APPLICABLE, Architecture.AARCH64, 8));
        assertEquals(Optional.empty(),
                Statvfs.Layout.forHost(TargetOs.WINDOWS, LibcFlavor.NOT_APPLICABLE, Architecture.X86_64, 8));
    }

    private static String abi(TargetOs os, LibcFlavor libc, Architecture arch, int pointerBytes) {
        return Statvfs.Layout.forHost(os, libc, arch, pointerBytes).orElseThrow().abi();
    }

    @Test
    void macOsStatfsHasItsFlagsAfterOwnerAndTypeAndTheTwoPathBuffersAfterThem() {
        Statvfs.Layout l = Statvfs.Layout.DARWIN_STATFS;
        // <sys/mount.h>, 64-bit inodes: f_flags follows f_fsid (8 bytes at 48), f_owner and f_type.
        assertEquals(64, l.flagOffset());
        assertEquals(2168, l.size());
        assertEquals(2136, l.struct().byteOffset(MemoryLayout.PathElement.groupElement("f_flags_ext")));
    }

    @Test
    void decodingReadsOnlyTheFlagsFieldOfEachLayout() {
        for (Statvfs.Layout l : Statvfs.Layout.all()) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment s = arena.allocate(l.size(), 8).fill((byte) 0);
                assertEquals(new MountFlags(false, false, false), l.decode(s), l.abi());
                ValueLayout field = (ValueLayout) l.struct().select(MemoryLayout.PathElement.groupElement(l.flagField()));
                long bits = l.noExec() | l.readOnly();
                if (field.byteSize() == 8) {
                    s.set(ValueLayout.JAVA_LONG, l.flagOffset(), bits);
                } else {
                    s.set(ValueLayout.JAVA_INT, l.flagOffset(), (int) bits);
                }
                assertEquals(new MountFlags(true, true, false), l.decode(s), l.abi());
                s.fill((byte) 0xff);
                assertEquals(new MountFlags(true, true, true), l.decode(s), l.abi());
            }
        }
    }

    @Test
    void pageSizeSysconfNamesDifferPerOs() {
        assertEquals(30, Unistd.scPageSize(TargetOs.LINUX).orElseThrow());
        assertEquals(29, Unistd.scPageSize(TargetOs.MACOS).orElseThrow());
        assertEquals(false, Unistd.scPageSize(TargetOs.WINDOWS).isPresent());
    }
}
