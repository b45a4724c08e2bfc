package dev.nativeload.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.binary.TargetOs;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ResolveHostTest {

    /** Every component of a host, by name. */
    private static Map<String, Object> components(ResolveHost host) throws ReflectiveOperationException {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent c : ResolveHost.class.getRecordComponents()) {
            out.put(c.getName(), c.getAccessor().invoke(host));
        }
        return out;
    }

    @Test
    void eachWitherChangesItsOwnComponentsAndKeepsEveryOther() throws ReflectiveOperationException {
        ResolveHost start = ResolveHost.linuxGlibc(Architecture.X86_64);
        Map<String, UnaryOperator<ResolveHost>> withers = new LinkedHashMap<>();
        withers.put("env", h -> h.withEnv(Map.of("LD_LIBRARY_PATH", "/x")));
        withers.put("secure", h -> h.withSecure(true));
        withers.put("ldSoCache", h -> h.withLdSoCache(Optional.of(Path.of("/c"))));
        withers.put("defaultDirs", h -> h.withDefaultDirs(List.of(Path.of("/d"))));
        withers.put("defaultFrameworkDirs", h -> h.withDefaultFrameworkDirs(List.of(Path.of("/f"))));
        withers.put("hwcapsSubdirs", h -> h.withHwcapsSubdirs(List.of("glibc-hwcaps/x86-64-v2")));
        withers.put("libcVersion", h -> h.withLibcVersion("2.36"));
        withers.put("platform lib", h -> h.withPlatformAndLib("haswell", "lib64"));
        withers.put("muslPathFile", h -> h.withMuslPathFile(Optional.of(Path.of("/m"))));
        withers.put("currentDir", h -> h.withCurrentDir(Path.of("/w")));
        withers.put("mainOriginIsRealPath", h -> h.withMainOriginIsRealPath(false));
        withers.put("knownDlls", h -> h.withKnownDlls(Set.of("KERNEL32.dll")));
        withers.put("windowsDir", h -> h.withWindowsDir(Path.of("/win")));
        withers.put("windowsMode", h -> h.withWindowsMode(ResolveHost.WindowsSearchMode.DLL_LOAD_DIR_AND_DEFAULT_DIRS));
        assertEquals(14, withers.size(), "one entry per with... method");

        // From the factory's host, and from one where every component already differs from it.
        ResolveHost changed = start;
        for (UnaryOperator<ResolveHost> w : withers.values()) {
            changed = w.apply(changed);
        }
        for (ResolveHost base : List.of(start, changed)) {
            Map<String, Object> before = components(base);
            for (Map.Entry<String, UnaryOperator<ResolveHost>> w : withers.entrySet()) {
                List<String> named = List.of(w.getKey().split(" "));
                Map<String, Object> after = components(w.getValue().apply(base));
                List<String> differing = new ArrayList<>();
                before.forEach((name, value) -> {
                    if (!value.equals(after.get(name))) {
                        differing.add(name);
                    }
                });
                if (base == start) {
                    assertEquals(named, differing, w.getKey());
                } else {
                    assertEquals(List.of(), differing, w.getKey() + " again changes nothing");
                }
            }
        }
    }

    @Test
    void factoriesDescribeEachLoadersOwnDefaults() {
        ResolveHost glibc = ResolveHost.linuxGlibc(Architecture.X86_64);
        assertEquals(LibcFlavor.GLIBC, glibc.libc());
        assertEquals(Optional.of(Path.of("/etc/ld.so.cache")), glibc.ldSoCache());
        assertEquals(List.of(Path.of("/lib/x86_64-linux-gnu"), Path.of("/usr/lib/x86_64-linux-gnu"), Path.of("/lib"),
                Path.of("/usr/lib")), glibc.defaultDirs());
        assertEquals("lib/x86_64-linux-gnu", glibc.lib());
        assertEquals("x86_64", glibc.platform());

        ResolveHost musl = ResolveHost.linuxMusl(Architecture.X86_64);
        assertEquals(LibcFlavor.MUSL, musl.libc());
        assertEquals(Optional.empty(), musl.ldSoCache());
        assertEquals(Optional.of(Path.of("/etc/ld-musl-x86_64.path")), musl.muslPathFile());
        assertEquals(List.of(Path.of("/lib"), Path.of("/usr/local/lib"), Path.of("/usr/lib")), musl.defaultDirs());

        ResolveHost mac = ResolveHost.macos(Architecture.AARCH64);
        assertEquals(TargetOs.MACOS, mac.os());
        assertEquals(List.of(Path.of("/Library/Frameworks"), Path.of("/System/Library/Frameworks")), mac.defaultFrameworkDirs());
        assertEquals(Optional.empty(), mac.ldSoCache());

        ResolveHost win = ResolveHost.windows(Architecture.X86, Path.of("/sys32"));
        assertEquals(32, win.bits());
        assertEquals(Optional.of(Path.of("/sys32")), win.systemDir());
        assertEquals(ResolveHost.WindowsSearchMode.STANDARD, win.windowsMode());
        assertNotEquals(glibc, musl);
        for (ResolveHost h : List.of(glibc, musl, mac, win)) {
            assertEquals(Map.of(), h.env(), "an empty environment");
            assertEquals(Path.of("/"), h.currentDir());
        }
    }
}
