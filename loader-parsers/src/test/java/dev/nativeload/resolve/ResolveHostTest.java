package dev.nativeload.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.binary.TargetOs;
import dev.nativeload.platform.Platform;
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

    /** Every component of a loader's settings, by name. */
    private static Map<String, Object> components(Record host) throws ReflectiveOperationException {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent c : host.getClass().getRecordComponents()) {
            out.put(c.getName(), c.getAccessor().invoke(host));
        }
        return out;
    }

    /**
     * Each wither, applied to the factory's settings, changes exactly the components its key names;
     * applied again to settings where every component already differs, it changes nothing.
     */
    private static <R extends Record> void assertWithersChangeOnlyTheirOwn(R start, Map<String, UnaryOperator<R>> withers)
            throws ReflectiveOperationException {
        List<String> covered = withers.keySet().stream().flatMap(k -> List.of(k.split(" ")).stream()).sorted().toList();
        List<String> all = java.util.Arrays.stream(start.getClass().getRecordComponents()).map(RecordComponent::getName)
                .filter(n -> !n.equals("platform") || covered.contains("platform")).sorted().toList();
        assertEquals(all, covered, "every component but the platform (fixed by the factory) has its wither");
        R changed = start;
        for (UnaryOperator<R> w : withers.values()) {
            changed = w.apply(changed);
        }
        for (R base : List.of(start, changed)) {
            Map<String, Object> before = components(base);
            for (Map.Entry<String, UnaryOperator<R>> w : withers.entrySet()) {
                List<String> named = List.of(w.getKey().split(" "));
                Map<String, Object> after = components(w.getValue().apply(base));
                List<String> differing = new ArrayList<>();
                before.forEach((name, value) -> {
                    if (!value.equals(after.get(name))) {
                        differing.add(name);
                    }
                });
                assertEquals(base == start ? named : List.of(), differing, w.getKey());
            }
        }
    }

    @Test
    void eachGlibcWitherChangesItsOwnComponentsAndKeepsEveryOther() throws ReflectiveOperationException {
        Map<String, UnaryOperator<ResolveHost.Glibc>> withers = new LinkedHashMap<>();
        withers.put("env", h -> h.withEnv(Map.of("LD_LIBRARY_PATH", "/x")));
        withers.put("currentDir", h -> h.withCurrentDir(Path.of("/w")));
        withers.put("secure", h -> h.withSecure(true));
        withers.put("ldSoCache", h -> h.withLdSoCache(Optional.of(Path.of("/c"))));
        withers.put("defaultDirs", h -> h.withDefaultDirs(List.of(Path.of("/d"))));
        withers.put("hwcapsSubdirs", h -> h.withHwcapsSubdirs(List.of("glibc-hwcaps/x86-64-v2")));
        withers.put("platformName lib", h -> h.withPlatformAndLib("haswell", "lib64"));
        withers.put("mainOriginIsRealPath", h -> h.withMainOriginIsRealPath(false));
        withers.put("platform", h -> h.withLibcVersion("2.36"));
        assertWithersChangeOnlyTheirOwn(ResolveHost.linuxGlibc(Architecture.X86_64), withers);
        assertEquals(Optional.of("2.36"), ResolveHost.linuxGlibc(Architecture.X86_64).withLibcVersion("2.36").platform().libcVersion());
    }

    @Test
    void eachMuslWitherChangesItsOwnComponentsAndKeepsEveryOther() throws ReflectiveOperationException {
        Map<String, UnaryOperator<ResolveHost.Musl>> withers = new LinkedHashMap<>();
        withers.put("env", h -> h.withEnv(Map.of("LD_LIBRARY_PATH", "/x")));
        withers.put("currentDir", h -> h.withCurrentDir(Path.of("/w")));
        withers.put("secure", h -> h.withSecure(true));
        withers.put("muslPathFile", h -> h.withMuslPathFile(Optional.of(Path.of("/m"))));
        withers.put("defaultDirs", h -> h.withDefaultDirs(List.of(Path.of("/d"))));
        withers.put("mainOriginIsRealPath", h -> h.withMainOriginIsRealPath(false));
        assertWithersChangeOnlyTheirOwn(ResolveHost.linuxMusl(Architecture.X86_64), withers);
    }

    @Test
    void eachDyldWitherChangesItsOwnComponentsAndKeepsEveryOther() throws ReflectiveOperationException {
        Map<String, UnaryOperator<ResolveHost.Dyld>> withers = new LinkedHashMap<>();
        withers.put("env", h -> h.withEnv(Map.of("DYLD_LIBRARY_PATH", "/x")));
        withers.put("currentDir", h -> h.withCurrentDir(Path.of("/w")));
        withers.put("secure", h -> h.withSecure(true));
        withers.put("defaultDirs", h -> h.withDefaultDirs(List.of(Path.of("/d"))));
        withers.put("defaultFrameworkDirs", h -> h.withDefaultFrameworkDirs(List.of(Path.of("/f"))));
        assertWithersChangeOnlyTheirOwn(ResolveHost.macos(Architecture.AARCH64), withers);
    }

    @Test
    void eachWindowsWitherChangesItsOwnComponentsAndKeepsEveryOther() throws ReflectiveOperationException {
        Map<String, UnaryOperator<ResolveHost.Windows>> withers = new LinkedHashMap<>();
        withers.put("env", h -> h.withEnv(Map.of("PATH", "/x")));
        withers.put("currentDir", h -> h.withCurrentDir(Path.of("/w")));
        withers.put("knownDlls", h -> h.withKnownDlls(Set.of("KERNEL32.dll")));
        withers.put("windowsDir", h -> h.withWindowsDir(Path.of("/win")));
        withers.put("mode", h -> h.withWindowsMode(ResolveHost.WindowsSearchMode.DLL_LOAD_DIR_AND_DEFAULT_DIRS));
        // systemDir is fixed by the factory: a Windows loader always has one.
        Map<String, UnaryOperator<ResolveHost.Windows>> all = new LinkedHashMap<>(withers);
        all.put("systemDir", h -> new ResolveHost.Windows(h.platform(), h.env(), h.currentDir(), h.knownDlls(), Path.of("/s2"),
                h.windowsDir(), h.mode()));
        assertWithersChangeOnlyTheirOwn(ResolveHost.windows(Architecture.X86_64, Path.of("/sys32")), all);
    }

    @Test
    void factoriesDescribeEachLoadersOwnDefaults() {
        ResolveHost.Glibc glibc = ResolveHost.linuxGlibc(Architecture.X86_64);
        assertEquals(LibcFlavor.GLIBC, glibc.libc());
        assertEquals(Optional.of(Path.of("/etc/ld.so.cache")), glibc.ldSoCache());
        assertEquals(List.of(Path.of("/lib/x86_64-linux-gnu"), Path.of("/usr/lib/x86_64-linux-gnu"), Path.of("/lib"),
                Path.of("/usr/lib")), glibc.defaultDirs());
        assertEquals("lib/x86_64-linux-gnu", glibc.lib());
        assertEquals("x86_64", glibc.platformName());

        ResolveHost.Musl musl = ResolveHost.linuxMusl(Architecture.X86_64);
        assertEquals(LibcFlavor.MUSL, musl.libc());
        assertEquals(Optional.of(Path.of("/etc/ld-musl-x86_64.path")), musl.muslPathFile());
        assertEquals(List.of(Path.of("/lib"), Path.of("/usr/local/lib"), Path.of("/usr/lib")), musl.defaultDirs());

        ResolveHost.Dyld mac = ResolveHost.macos(Architecture.AARCH64);
        assertEquals(TargetOs.MACOS, mac.os());
        assertEquals(List.of(Path.of("/Library/Frameworks"), Path.of("/System/Library/Frameworks")), mac.defaultFrameworkDirs());

        ResolveHost.Windows win = ResolveHost.windows(Architecture.X86, Path.of("/sys32"));
        assertEquals(32, win.bits());
        assertEquals(Path.of("/sys32"), win.systemDir());
        assertEquals(ResolveHost.WindowsSearchMode.STANDARD, win.mode());
        for (ResolveHost h : List.of(glibc, musl, mac, win)) {
            assertEquals(Map.of(), h.env(), "an empty environment");
            assertEquals(Path.of("/"), h.currentDir());
        }
    }

    @Test
    void thePlatformChoosesTheLoader() {
        assertInstanceOf(ResolveHost.Glibc.class, ResolveHost.forPlatform(Platform.parse("linux-aarch64")));
        assertInstanceOf(ResolveHost.Musl.class, ResolveHost.forPlatform(Platform.parse("linux-x86_64-musl")));
        assertInstanceOf(ResolveHost.Dyld.class, ResolveHost.forPlatform(Platform.parse("osx-x86_64")));
        assertInstanceOf(ResolveHost.Windows.class, ResolveHost.forPlatform(Platform.parse("windows-x86_64")));
        ResolveHost.Glibc old = (ResolveHost.Glibc) ResolveHost.forPlatform(Platform.parse("linux-x86_64").withLibcVersion("2.28"));
        assertEquals(Optional.of("2.28"), old.platform().libcVersion(), "a platform's glibc version reaches the loader");
        assertTrue(old.defaultDirs().contains(Path.of("/usr/lib/x86_64-linux-gnu")), "the multiarch table is the platform's");
    }
}
