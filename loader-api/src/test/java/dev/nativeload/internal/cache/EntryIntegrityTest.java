package dev.nativeload.internal.cache;

import dev.nativeload.spi.ResourceName;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar entry is checked while it is hashed: CRC-32 and size, a cap, the header; long names fit. */
class EntryIntegrityTest {
    private static final ResourceName SOLO = ResourceName.of(Fixtures.X86_64 + "libembedded_solo.so");

    @TempDir
    Path tmp;

    @AfterEach
    void clearCap() {
        System.clearProperty(EntryIntegrity.CAP_PROPERTY);
    }

    private Extraction extract(URLClassLoader loader, ResourceName name, Path cache) throws Exception {
        return new Extractor(List.of(cache), Fixtures.check()).extract(loader, name).orElseThrow();
    }

    private static boolean anyLibraryIn(Path cache) throws Exception {
        if (!Files.exists(cache)) {
            return false;
        }
        try (Stream<Path> all = Files.walk(cache)) {
            return all.anyMatch(p -> p.getFileName().toString().endsWith(".so"));
        }
    }

    /** A jar holding the solo library as a STORED entry, then one byte of the stored data flipped in the jar file. */
    private Path storedJarWithBadCrc() throws Exception {
        byte[] lib = Files.readAllBytes(Fixtures.testdata("gcc-x86_64", "libembedded_solo.so"));
        CRC32 crc = new CRC32();
        crc.update(lib);
        Path jar = tmp.resolve("stored.jar");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            ZipEntry e = new ZipEntry(SOLO.value());
            e.setMethod(ZipEntry.STORED);
            e.setSize(lib.length);
            e.setCompressedSize(lib.length);
            e.setCrc(crc.getValue());
            out.putNextEntry(e);
            out.write(lib);
            out.closeEntry();
        }
        byte[] bytes = Files.readAllBytes(jar);
        int at = indexOf(bytes, lib) + lib.length / 2; // the middle of the library: code, not headers
        assertTrue(at > lib.length / 2, "the stored data is in the jar as is");
        bytes[at] ^= 0x5a;
        Files.write(jar, bytes);
        return jar;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < 64; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void aStoredEntryWithABadCrcIsRefusedAndNothingIsWritten() throws Exception {
        Path jar = storedJarWithBadCrc();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            // the JDK itself reads the damaged STORED entry without a word
            try (InputStream in = loader.getResource(SOLO.value()).openStream()) {
                assertEquals(Files.size(Fixtures.testdata("gcc-x86_64", "libembedded_solo.so")), in.readAllBytes().length);
            }
            Path cache = tmp.resolve("cache");
            ExtractionException e = assertThrows(ExtractionException.class, () -> extract(loader, SOLO, cache));
            assertEquals(ExtractionException.Problem.CORRUPT_RESOURCE, e.problem());
            assertTrue(e.getMessage().contains("CRC-32") && e.getMessage().contains(SOLO.value())
                    && e.getMessage().contains("download it again"), e.getMessage());
            assertTrue(!anyLibraryIn(cache), "nothing of the damaged entry is in the cache");
        }
    }

    @Test
    void anEntryOverTheCapIsRefusedBeforeAnythingIsWritten() throws Exception {
        System.setProperty(EntryIntegrity.CAP_PROPERTY, "4096");
        Path cache = tmp.resolve("cache");
        ExtractionException e = assertThrows(ExtractionException.class, () -> extract(Fixtures.solo(tmp), SOLO, cache));
        assertEquals(ExtractionException.Problem.TOO_LARGE, e.problem());
        assertTrue(e.getMessage().contains("over the cap of 4096 bytes") && e.getMessage().contains(EntryIntegrity.CAP_PROPERTY),
                e.getMessage());
        assertTrue(!anyLibraryIn(cache));
        System.clearProperty(EntryIntegrity.CAP_PROPERTY);
        assertTrue(Files.isRegularFile(extract(Fixtures.solo(tmp), SOLO, cache).library().path()), "under the default cap it extracts");
    }

    @Test
    void anEntryWhoseFirstBytesStartNoLibraryIsRefusedBeforeWriting() throws Exception {
        Path text = Files.writeString(tmp.resolve("not-a-library"), "#!/bin/sh\necho this is a script, not a library\n");
        Path cache = tmp.resolve("cache");
        ExtractionException e = assertThrows(ExtractionException.class,
                () -> extract(Fixtures.jar(tmp, Map.of(SOLO.value(), text)), SOLO, cache));
        assertEquals(ExtractionException.Problem.CORRUPT_RESOURCE, e.problem());
        assertTrue(e.getMessage().contains("23212f62") && e.getMessage().contains("no ELF, Mach-O or PE"), e.getMessage());
        assertTrue(!anyLibraryIn(cache));
    }

    @Test
    void aLibraryNameOf250BytesStillExtractsThanksToAShortTemporaryName() throws Exception {
        String longName = "lib" + "x".repeat(244) + ".so";
        assertEquals(250, longName.length());
        ResourceName name = ResourceName.of(Fixtures.X86_64 + longName);
        Path solo = Fixtures.testdata("gcc-x86_64", "libembedded_solo.so");
        Extraction e = extract(Fixtures.jar(tmp, Map.of(name.value(), solo)), name, tmp.resolve("cache"));
        assertEquals(longName, e.library().path().getFileName().toString());
        assertArrayEquals(Files.readAllBytes(solo), Files.readAllBytes(e.library().path()));
        assertTrue(TempNames.next().length() < 40, TempNames.next());
    }
}
