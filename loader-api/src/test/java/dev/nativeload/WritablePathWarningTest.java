package dev.nativeload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.internal.chain.ExplicitPathStrategy;
import dev.nativeload.internal.chain.SystemNameStrategy;
import dev.nativeload.platform.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A library reached through a path anyone may write still loads by the OS's rules, with a WARNING in the report. */
class WritablePathWarningTest {
    @TempDir
    Path tmp;

    private static Environment env(String... props) {
        Properties p = new Properties();
        p.setProperty("java.library.path", "");
        for (int i = 0; i + 1 < props.length; i += 2) {
            p.setProperty(props[i], props[i + 1]);
        }
        return Environment.of(Map.of(), p);
    }

    private static String loadedOrigin(String name, Path file, Environment env, boolean viaLibraryPath) {
        NativeLibrary lib = NativeLoader.builder(name).access(new FakeAccess().opens(file.toString())).environment(env).precheck(false)
                .strategies(List.of(viaLibraryPath ? new SystemNameStrategy() : ExplicitPathStrategy.defaults())).build().load();
        assertEquals(file, lib.path());
        return lib.report().attempts().getLast().origin().toString();
    }

    @Test
    void aWorldWritableNonStickyDirectoryOnAnExplicitPathIsWarnedInTheReportAndTheLibraryStillLoads() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("open"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path lib = Files.writeString(dir.resolve("libwarnone.so"), "x");
        String origin = loadedOrigin("warnone", lib, env("nativeload.warnone.path", dir.toString()), false);
        assertTrue(origin.contains("WARNING: the directory " + dir + " is writable by every user and not sticky (mode 0777)")
                && origin.contains("chmod o-w " + dir), origin);
    }

    @Test
    void aWorldWritableFileOnJavaLibraryPathIsWarned() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("lib"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path lib = Files.writeString(dir.resolve("libwarntwo.so"), "x");
        Files.setPosixFilePermissions(lib, PosixFilePermissions.fromString("rw-rw-rw-"));
        String origin = loadedOrigin("warntwo", lib, env("java.library.path", dir.toString()), true);
        assertTrue(origin.contains("WARNING: " + lib + " is writable by every user (mode 0666)"), origin);
    }

    @Test
    void aPrivatePathGetsNoWarning() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("lib"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path lib = Files.writeString(dir.resolve("libwarnthree.so"), "x");
        Files.setPosixFilePermissions(lib, PosixFilePermissions.fromString("rw-r--r--"));
        String origin = loadedOrigin("warnthree", lib, env("nativeload.warnthree.path", lib.toString()), false);
        assertFalse(origin.contains("WARNING"), origin);
    }
}
