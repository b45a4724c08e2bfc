package dev.nativeload.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.testing.TestData;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The ld.so.cache reader and glibc's lookup, on caches built by this machine's ldconfig from the
 * fixtures and on the machine's own /etc/ld.so.cache; the real ld.so (ldd in a private mount
 * namespace with the built cache bound over /etc/ld.so.cache) is the reference.
 */
@EnabledOnOs(OS.LINUX)
@EnabledIfSystemProperty(named = "os.arch", matches = "amd64|x86_64", disabledReason = "fixtures and references are x86-64 Linux")
class LdSoCacheTest {
    static final List<String> V2 = List.of("x86-64-v2");

    @TempDir
    static Path tmp;
    static Path dirs;

    @BeforeAll
    static void buildCaches() throws Exception {
        dirs = tmp.resolve("libs");
        Path src = TestData.path("resolve", "elf", "cache");
        try (Stream<Path> files = Files.walk(src)) {
            for (Path p : files.toList()) {
                Path to = dirs.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        // The soname links ldconfig would make; made here so ldconfig (-X) touches no system directory.
        Files.createSymbolicLink(dirs.resolve("a/libcv.so.1"), Path.of("libcv.so.1.0"));
        Files.createSymbolicLink(dirs.resolve("a/glibc-hwcaps/x86-64-v2/libcv.so.1"), Path.of("libcv.so.1.1"));
        Files.createSymbolicLink(dirs.resolve("b/libcv.so.1"), Path.of("libcv.so.1.5"));
        Files.createSymbolicLink(dirs.resolve("b/libcv.so.2"), Path.of("libcv.so.2.0"));
        Files.createSymbolicLink(dirs.resolve("i386/libcv.so.1"), Path.of("libcv.so.1.9"));
        Files.writeString(tmp.resolve("conf"), dirs.resolve("a") + "\n" + dirs.resolve("b") + "\n" + dirs.resolve("i386") + "\n");
        for (String format : List.of("new", "compat", "old")) {
            run("/sbin/ldconfig", "-X", "-c", format, "-C", tmp.resolve(format + ".cache").toString(), "-f", tmp.resolve("conf").toString());
        }
    }

    static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", command) + ":\n" + out);
        return out;
    }

    static LdSoCache cache(String format) throws Exception {
        return LdSoCache.read(tmp.resolve(format + ".cache"));
    }

    @Test
    void cacheWithSeveralVersionsOfOneSoname() throws Exception {
        LdSoCache c = cache("new");
        assertTrue(c.isNewFormat());
        assertEquals(5, c.entries().stream().filter(e -> e.key().startsWith("libcv.so")).count(), c.entries().toString());
        assertEquals(Optional.of(dirs.resolve("a/glibc-hwcaps/x86-64-v2/libcv.so.1.1").toString()),
                c.lookup("libcv.so.1", Architecture.X86_64, 64, V2), "the hwcaps entry wins on a v2 host");
        assertEquals(Optional.of(dirs.resolve("a/libcv.so.1").toString()),
                c.lookup("libcv.so.1", Architecture.X86_64, 64, List.of()), "first plain x86-64 entry on a host without hwcaps");
        assertEquals(Optional.of(dirs.resolve("b/libcv.so.2").toString()), c.lookup("libcv.so.2", Architecture.X86_64, 64, V2));
        assertEquals(Optional.of(dirs.resolve("i386/libcv.so.1").toString()), c.lookup("libcv.so.1", Architecture.X86, 32, List.of()),
                "an i386 host takes the ELFCLASS32 entry");
        assertEquals(Optional.empty(), c.lookup("libcv.so.1", Architecture.AARCH64, 64, List.of()));
        assertEquals(Optional.empty(), c.lookup("libcv.so.3", Architecture.X86_64, 64, V2));
        assertEquals(List.of("x86-64-v2"), c.hwcapsNames().stream().filter(n -> n.equals("x86-64-v2")).toList());
    }

    @Test
    void resolverUsesEveryCacheFormatLikeTheRealLoader() throws Exception {
        Path app = TestData.path("resolve", "elf", "cache", "app");
        for (String format : List.of("new", "compat", "old")) {
            Path file = tmp.resolve(format + ".cache");
            ResolveHost.Glibc host = GlibcRulesTest.host(Map.of()).withLdSoCache(Optional.of(file));
            DependencyNode tree = new DependencyResolver(host).resolve(app.toString());
            assertEquals(How.LD_SO_CACHE, TreeFacts.node(tree, "libcv.so.1").how());
            // The reference: ld.so itself, reading this cache as /etc/ld.so.cache in a private mount namespace.
            String ldd = run("unshare", "-m", "sh", "-c", "mount --bind \"$0\" /etc/ld.so.cache && ldd \"$1\"",
                    file.toString(), app.toString());
            assertEquals(Ldd.parse(ldd).paths(), TreeFacts.loaded(tree), format + ": " + ldd);
        }
    }

    @Test
    void compatFormatMatchesNewFormatButItsHwcapsEntriesAreUnusableAsInLdSo() throws Exception {
        LdSoCache newer = cache("new");
        LdSoCache compat = cache("compat");
        LdSoCache old = cache("old");
        assertTrue(compat.isNewFormat(), "the new block after the old one is the one read");
        assertFalse(old.isNewFormat());
        for (LdSoCache.Entry e : newer.entries()) {
            assertEquals(newer.lookup(e.key(), Architecture.X86_64, 64, List.of()),
                    compat.lookup(e.key(), Architecture.X86_64, 64, List.of()), e.key());
        }
        // ldconfig writes the compat extension offset from the file start, ld.so reads it from the new block:
        // no glibc-hwcaps names, so the hwcaps entry is skipped even on a v2 host (checked against ld.so above).
        assertTrue(compat.hwcapsNames().isEmpty());
        assertEquals(Optional.of(dirs.resolve("a/libcv.so.1").toString()), compat.lookup("libcv.so.1", Architecture.X86_64, 64, V2));
        // The old format has no hwcap word: ldconfig lists the hwcaps file as a plain entry, first of its key.
        assertTrue(old.entries().stream().allMatch(e -> e.hwcapsName().isEmpty()));
        assertEquals(Optional.of(dirs.resolve("a/glibc-hwcaps/x86-64-v2/libcv.so.1.1").toString()),
                old.lookup("libcv.so.1", Architecture.X86_64, 64, List.of()));
    }

    @Test
    void realCacheIsSortedInDigitAwareDescendingOrder() throws Exception {
        LdSoCache real = LdSoCache.read(Path.of("/etc/ld.so.cache"));
        List<LdSoCache.Entry> entries = real.entries();
        assertTrue(entries.size() > 50, "a real cache has many entries: " + entries.size());
        for (int i = 0; i + 1 < entries.size(); i++) {
            byte[] a = entries.get(i).key().getBytes(StandardCharsets.ISO_8859_1);
            byte[] b = entries.get(i + 1).key().getBytes(StandardCharsets.ISO_8859_1);
            assertTrue(CacheNameOrder.compare(a, b) >= 0, entries.get(i).key() + " before " + entries.get(i + 1).key());
        }
    }

    @Test
    void everyKeyOfTheRealCacheIsFoundByBinarySearchAsLdconfigListsIt() throws Exception {
        LdSoCache real = LdSoCache.read(Path.of("/etc/ld.so.cache"));
        // ldconfig -p prints "key (libc6,x86-64) => value" in file order; the first x86-64 line per key is ld.so's pick.
        String listing = run("/sbin/ldconfig", "-p");
        Map<String, String> firstX8664 = new java.util.LinkedHashMap<>();
        for (String line : listing.split("\n")) {
            String t = line.trim();
            if (t.contains("(libc6,x86-64)") && t.contains(" => ")) {
                firstX8664.putIfAbsent(t.substring(0, t.indexOf(' ')), t.substring(t.indexOf(" => ") + 4));
            }
        }
        assertTrue(firstX8664.size() > 50);
        firstX8664.forEach((key, value) -> assertEquals(Optional.of(value), real.lookup(key, Architecture.X86_64, 64, List.of()), key));
    }

    @Test
    void digitRunsCompareAsNumbers() {
        assertTrue(cmp("libfoo.so.10", "libfoo.so.9") > 0);
        assertTrue(cmp("libfoo.so.2", "libfoo.so.10") < 0);
        assertTrue(cmp("libfoo.so.007", "libfoo.so.7") == 0);
        assertTrue(cmp("libfoo.so.1", "libfoo.so.a") > 0, "a digit sorts after a letter");
        assertTrue(cmp("libfoo.so", "libfoo.so.1") < 0);
        assertEquals(0, cmp("libz.so.1", "libz.so.1"));
    }

    private static int cmp(String a, String b) {
        return CacheNameOrder.compare(a.getBytes(StandardCharsets.ISO_8859_1), b.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void hostileEntryCountIsRejectedBeforeAllocating() throws Exception {
        byte[] hostile = Files.readAllBytes(tmp.resolve("new.cache"));
        Arrays.fill(hostile, 20, 24, (byte) 0xFF);
        MalformedBinaryException e = assertThrows(MalformedBinaryException.class, () -> read(hostile));
        assertTrue(e.getMessage().contains("cache entry count 4294967295"), e.getMessage());
    }

    @Test
    void stringIndexBeyondTheFileIsRejected() throws Exception {
        byte[] hostile = Files.readAllBytes(tmp.resolve("new.cache"));
        Arrays.fill(hostile, 48 + 4, 48 + 8, (byte) 0x7F); // first entry's key index
        MalformedBinaryException e = assertThrows(MalformedBinaryException.class, () -> read(hostile));
        assertTrue(e.getMessage().contains("beyond the end of the file"), e.getMessage());
        assertEquals(48 + 4, e.offset().orElseThrow());
    }

    @Test
    void truncatedAndForeignFilesAreRejected() throws Exception {
        byte[] bytes = Files.readAllBytes(tmp.resolve("compat.cache"));
        for (int len : new int[] {0, 5, 11, 16, 40, 200, bytes.length / 2}) {
            byte[] cut = Arrays.copyOf(bytes, len);
            assertThrows(MalformedBinaryException.class, () -> read(cut), "length " + len);
        }
        byte[] elf = Files.readAllBytes(TestData.path("resolve", "elf", "cwd", "libcwd.so"));
        assertThrows(MalformedBinaryException.class, () -> read(elf));
    }

    static LdSoCache read(byte[] bytes) throws MalformedBinaryException {
        return LdSoCache.read(BinaryData.of(java.lang.foreign.MemorySegment.ofArray(bytes), ByteOrder.LITTLE_ENDIAN));
    }
}
