package dev.nativeload.binary.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.binary.TargetOs;
import dev.nativeload.binary.testing.JarNatives;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The OS and C library the summary names agree with where the jars' authors filed each native. */
class ElfTargetDetectionTest {
    @Test
    void osAndLibcOfJarNativesMatchTheirResourceDirectory() throws Exception {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (JarNatives.Entry e : JarNatives.all()) {
            if (!ElfReadelfDifferentialTest.isElf(e.file())) {
                continue;
            }
            String path = e.entry().toLowerCase(Locale.ROOT);
            TargetOs os;
            LibcFlavor libc;
            if (path.contains("linux-musl/")) {
                os = TargetOs.LINUX;
                libc = LibcFlavor.MUSL;
            } else if (path.contains("linux")) {
                os = TargetOs.LINUX;
                libc = LibcFlavor.GLIBC;
            } else if (path.contains("freebsd")) {
                os = TargetOs.FREEBSD;
                libc = LibcFlavor.UNKNOWN;
            } else if (path.contains("openbsd")) {
                os = TargetOs.OPENBSD;
                libc = LibcFlavor.UNKNOWN;
            } else if (path.contains("sunos")) {
                os = TargetOs.SOLARIS;
                libc = LibcFlavor.UNKNOWN;
            } else if (path.contains("dragonfly")) {
                os = TargetOs.DRAGONFLY; // no note and EI_OSABI System V, but libc.so.8 and its DFnnn.n versions
                libc = LibcFlavor.UNKNOWN;
            } else {
                wrong.add(e + ": no rule for this directory");
                continue;
            }
            var summary = ElfFile.read(e.file()).summary();
            checked++;
            if (summary.os() != os || summary.libc() != libc) {
                wrong.add(e + ": " + summary.os() + "/" + summary.libc() + ", directory says " + os + "/" + libc);
            }
        }
        assertTrue(checked > 10, "checked " + checked);
        assertEquals(List.of(), wrong);
    }
}
