package dev.nativeload.cli;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The real third-party jars on the test class path (test-scoped Maven dependencies of loader-cli), and archives
 * built of them in the shapes applications ship: a Spring Boot fat jar, a war.
 */
final class RealJars {
    static final String ZSTD = "com/github/luben/zstd/Zstd.class";
    static final String SQLITE = "org/sqlite/JDBC.class";
    static final String JNA = "com/sun/jna/Native.class";
    static final String SNAPPY = "org/xerial/snappy/Snappy.class";
    static final String LZ4 = "net/jpountz/lz4/LZ4JNI.class";
    static final String NETTY_EPOLL = "META-INF/native/libnetty_transport_native_epoll_x86_64.so";
    static final String JANSI = "org/fusesource/jansi/internal/native/Windows/x86_64/jansi.dll";
    static final String JFFI = "jni/x86_64-Windows/jffi-1.2.dll";

    private RealJars() {
    }

    /**
     * {@return the jar on the test class path that holds a resource}
     *
     * @param resource a resource only that jar holds
     */
    static Path holding(String resource) {
        URL url = RealJars.class.getClassLoader().getResource(resource);
        assertNotNull(url, "no jar on the test class path holds " + resource);
        assertTrue(url.getProtocol().equals("jar"), url.toString());
        String spec = url.getPath();
        try {
            return Path.of(new java.net.URI(spec.substring(0, spec.indexOf("!/"))));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes an archive whose entries are files, each STORED (as Spring Boot stores nested jars) or DEFLATED.
     *
     * @param archive the archive to write
     * @param entries entry name to file, in order
     * @param stored  whether entries are STORED, with their size and CRC in the local header
     */
    static void write(Path archive, Map<String, Path> entries, boolean stored) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive))) {
            for (Map.Entry<String, Path> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                if (stored) {
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(Files.size(e.getValue()));
                    entry.setCrc(crc(e.getValue()));
                }
                zip.putNextEntry(entry);
                Files.copy(e.getValue(), zip);
                zip.closeEntry();
            }
        }
    }

    private static long crc(Path file) throws IOException {
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                crc.update(buffer, 0, n);
            }
        }
        return crc.getValue();
    }

    /**
     * {@return {@code nativeload scan ARGS} run in-process}
     *
     * @param dir  the working directory
     * @param args the arguments after {@code scan}
     */
    static CliRun scan(Path dir, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "scan";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.run(dir, all);
    }

    /**
     * {@return each line of a run's standard output, parsed as JSON}
     *
     * @param run the run
     */
    static List<com.fasterxml.jackson.databind.JsonNode> jsonLines(CliRun run) throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<com.fasterxml.jackson.databind.JsonNode> out = new java.util.ArrayList<>();
        for (String line : run.outLines()) {
            out.add(json.readTree(line));
        }
        return out;
    }

    /**
     * Copies one entry of a jar to a file.
     *
     * @param jar   the jar
     * @param entry the entry's name
     * @param to    the file to write
     */
    static void extract(Path jar, String entry, Path to) throws IOException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile());
             InputStream in = zip.getInputStream(zip.getEntry(entry));
             OutputStream out = Files.newOutputStream(to)) {
            in.transferTo(out);
        }
    }
}
