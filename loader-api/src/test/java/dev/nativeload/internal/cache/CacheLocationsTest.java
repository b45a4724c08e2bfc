package dev.nativeload.internal.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.binary.TargetOs;
import dev.nativeload.platform.Environment;
import dev.nativeload.platform.Host;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class CacheLocationsTest {
    private static Host host(TargetOs os) {
        return Host.of(os, Architecture.X86_64, LibcFlavor.GLIBC, Optional.empty(), 4096, false);
    }

    private static Environment env(Map<String, String> vars, String... props) {
        Properties p = new Properties();
        for (int i = 0; i + 1 < props.length; i += 2) {
            p.setProperty(props[i], props[i + 1]);
        }
        return Environment.of(vars, p);
    }

    @Test
    void onLinuxTheOrderIsConfiguredThenPropertyThenXdgCacheThenTmpdirPerUser() {
        Environment e = env(Map.of("XDG_CACHE_HOME", "/xdg"), "user.home", "/home/u", "user.name", "u",
                "java.io.tmpdir", "/tmp", CacheLocations.PROPERTY, "/prop");
        assertEquals(List.of(Path.of("/app"), Path.of("/prop"), Path.of("/xdg/nativeload"), Path.of("/tmp/nativeload-u")),
                CacheLocations.of(host(TargetOs.LINUX), e, Optional.of(Path.of("/app"))));
    }

    @Test
    void withoutXdgCacheHomeOrWithARelativeOneLinuxUsesDotCacheInHome() {
        Environment e = env(Map.of("XDG_CACHE_HOME", "relative"), "user.home", "/home/u", "user.name", "u");
        assertEquals(List.of(Path.of("/home/u/.cache/nativeload")), CacheLocations.of(host(TargetOs.LINUX), e, Optional.empty()));
    }

    @Test
    void macOsUsesLibraryCachesAndWindowsLocalAppData() {
        Environment mac = env(Map.of(), "user.home", "/Users/u");
        assertEquals(Optional.of(Path.of("/Users/u/Library/Caches/nativeload")), CacheLocations.perUser(host(TargetOs.MACOS), mac));
        Environment win = env(Map.of("LOCALAPPDATA", "/c/Users/u/AppData/Local"), "user.home", "/c/Users/u");
        assertEquals(Optional.of(Path.of("/c/Users/u/AppData/Local/nativeload")), CacheLocations.perUser(host(TargetOs.WINDOWS), win));
    }

    @Test
    void aUserNameIsMadeSafeAsOnePathElementOfTheTmpdirFallback() {
        Environment e = env(Map.of(), "user.name", "../evil/x", "java.io.tmpdir", "/tmp");
        assertEquals(List.of(Path.of("/tmp/nativeload-_.._evil_x")), CacheLocations.of(host(TargetOs.LINUX), e, Optional.empty()));
    }

    @Test
    void aDirectoryNamedTwiceIsTriedOnce() {
        Environment e = env(Map.of(), CacheLocations.PROPERTY, "/same", "java.io.tmpdir", "/tmp", "user.name", "u");
        assertEquals(List.of(Path.of("/same"), Path.of("/tmp/nativeload-u")),
                CacheLocations.of(host(TargetOs.LINUX), e, Optional.of(Path.of("/same/"))));
    }
}
