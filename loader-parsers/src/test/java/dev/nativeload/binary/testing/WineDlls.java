package dev.nativeload.binary.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Wine's PE DLLs (Debian package wine64, scripts/install-packages.sh): a real system directory of
 * Windows images, with kernel32.dll, ntdll.dll, ucrtbase.dll and an apisetschema.dll in the Windows
 * 10 format. Missing: the test is skipped on a developer's machine and fails when {@code CI=true}.
 */
public final class WineDlls {
    public static final Path DIR = Path.of("/usr/lib/x86_64-linux-gnu/wine/x86_64-windows");

    private WineDlls() {
    }

    /** {@return the directory, after skipping (or failing, in CI) the calling test when it is missing} */
    public static Path requireOrSkip() {
        if (!Files.isRegularFile(DIR.resolve("kernel32.dll"))) {
            if ("true".equals(System.getenv("CI"))) {
                fail("Wine's PE DLLs are not installed (" + DIR + "); CI must have them (scripts/install-packages.sh: wine64)");
            }
            assumeTrue(false, "Wine's PE DLLs are not installed");
        }
        return DIR;
    }

    /** {@return every PE file (MZ magic) in the directory, sorted} */
    public static List<Path> images() {
        try (Stream<Path> s = Files.list(requireOrSkip())) {
            return s.filter(Files::isRegularFile).filter(MzMagic::startsWithMz).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
