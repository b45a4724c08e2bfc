package dev.nativeload.internal.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MountInfoTest {
    private static final List<String> TABLE = List.of(
            "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw",
            "30 22 0:26 / /tmp rw,nosuid,nodev,noexec shared:5 - tmpfs tmpfs rw",
            "31 30 0:27 / /tmp/build rw,relatime shared:6 - tmpfs tmpfs rw",
            "32 22 0:28 / /mnt/with\\040space ro,relatime shared:7 - tmpfs tmpfs ro",
            "garbage line");

    @Test
    void theLongestMountPointPrefixDecidesTheFlags() {
        assertTrue(MountInfo.mountOf(Path.of("/tmp/x/y"), TABLE).orElseThrow().noExec());
        assertFalse(MountInfo.mountOf(Path.of("/tmp/build/x"), TABLE).orElseThrow().noExec());
        assertFalse(MountInfo.mountOf(Path.of("/home/u"), TABLE).orElseThrow().noExec());
        assertFalse(MountInfo.mountOf(Path.of("/tmpfoo"), TABLE).orElseThrow().noExec(), "a name prefix is not a path prefix");
    }

    @Test
    void octalEscapesInMountPointsAreDecoded() {
        MountInfo.Mount m = MountInfo.mountOf(Path.of("/mnt/with space/cache"), TABLE).orElseThrow();
        assertEquals(Path.of("/mnt/with space"), m.mountPoint());
        assertTrue(m.readOnly());
    }

    @Test
    void aLaterMountOnTheSamePointHidesTheEarlierOne() {
        List<String> table = List.of(
                "22 1 8:1 / / rw - ext4 /dev/sda1 rw",
                "40 22 0:30 / /data rw,noexec - tmpfs tmpfs rw",
                "41 40 0:31 / /data rw - tmpfs tmpfs rw");
        assertFalse(MountInfo.mountOf(Path.of("/data/x"), table).orElseThrow().noExec());
    }

    @Test
    void thisProcessesMountTableHasARootMount() {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isReadable(Path.of("/proc/self/mountinfo")));
        assertEquals(Path.of("/"), MountInfo.of(Path.of("/")).orElseThrow().mountPoint());
    }
}
