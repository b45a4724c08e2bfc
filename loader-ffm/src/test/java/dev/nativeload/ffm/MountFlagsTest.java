package dev.nativeload.ffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nativeload.binary.TargetOs;
import dev.nativeload.ffm.fixtures.BrokenLibraries;
import dev.nativeload.spi.NativeAccess.MountFlags;
import dev.nativeload.spi.NativeAccess;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** statvfs's f_flag through FFM, on real tmpfs mounts made with the flags in question. */
class MountFlagsTest {
    private static NativeAccess access;

    @BeforeAll
    static void linuxOnly() {
        assumeTrue(Host.os() == TargetOs.LINUX, "mounts tmpfs");
        access = FfmNativeAccess.provider();
    }

    @AfterAll
    static void unmount() {
        BrokenLibraries.unmountAll();
    }

    @Test
    void aTmpfsMountedNoexecReportsNoExecOnly() {
        Path mount = BrokenLibraries.onNoexecMount().getParent();
        assertEquals(Optional.of(new MountFlags(true, false, false)), access.mountFlags(mount));
    }

    @Test
    void aTmpfsMountedReadOnlyAndNosuidReportsBothAndStillExec() {
        Path mount = BrokenLibraries.mountTmpfs("ro-nosuid", "ro,nosuid,size=1m");
        assertEquals(Optional.of(new MountFlags(false, true, true)), access.mountFlags(mount));
    }

    @Test
    void aDirectoryInsideAMountHasThatMountsFlags() throws Exception {
        Path mount = BrokenLibraries.mountTmpfs("noexec-nosuid", "noexec,nosuid,size=1m");
        Path sub = java.nio.file.Files.createDirectories(mount.resolve("a/b"));
        assertEquals(Optional.of(new MountFlags(true, false, true)), access.mountFlags(sub));
    }

    @Test
    void theFlagsAgreeWithFindmntForTheTempDirectory(@TempDir Path dir) throws Exception {
        assumeTrue(dev.nativeload.ffm.fixtures.Toolchain.installed("findmnt"), "findmnt is not installed");
        String options = dev.nativeload.ffm.fixtures.Toolchain.check(dir, "findmnt", "-n", "-o", "OPTIONS", "-T", dir.toString())
                .strip();
        java.util.List<String> o = java.util.List.of(options.split(","));
        assertEquals(Optional.of(new MountFlags(o.contains("noexec"), o.contains("ro"), o.contains("nosuid"))),
                access.mountFlags(dir), options);
    }

    @Test
    void aMissingDirectoryHasNoFlags(@TempDir Path dir) {
        assertEquals(Optional.empty(), access.mountFlags(dir.resolve("absent")));
    }
}
