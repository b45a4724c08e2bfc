package dev.nativeload.binary.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The native libraries inside the third-party jars on the test class or module path (JNA,
 * sqlite-jdbc, zstd-jni), extracted once per JVM into a temporary directory for tests to read.
 */
public final class JarNatives {
    private static final Pattern NATIVE = Pattern.compile(".*(\\.so(\\.[0-9.]+)?|\\.dylib|\\.jnilib|\\.dll)$");
    private static final List<String> JARS = List.of("jna-", "sqlite-jdbc-", "zstd-jni-");
    /** Jars only the Mach-O symbol tests read (snappy's 32-bit x86 jnilib keeps its symbols only in nlist form). */
    private static final List<String> MORE_JARS = List.of("snappy-java-", "lz4-java-");
    private static List<Entry> cached;
    private static List<Entry> more;

    /**
     * One extracted native.
     *
     * @param jar   the jar's file name, e.g. {@code jna-5.19.1.jar}
     * @param entry the entry's name inside the jar
     * @param file  where it was extracted
     */
    public record Entry(String jar, String entry, Path file) {
        @Override
        public String toString() {
            return jar + "!/" + entry;
        }
    }

    private JarNatives() {
    }

    /** {@return every native library in the known third-party jars, extracted} */
    public static synchronized List<Entry> all() {
        if (cached == null) {
            cached = List.copyOf(extract(JARS));
        }
        return cached;
    }

    /** {@return {@link #all()} and the natives of snappy-java and lz4-java, extracted} */
    public static synchronized List<Entry> withMore() {
        if (more == null) {
            List<Entry> entries = new ArrayList<>(all());
            entries.addAll(extract(MORE_JARS));
            more = List.copyOf(entries);
        }
        return more;
    }

    private static List<Entry> extract(List<String> prefixes) {
        List<Entry> result = new ArrayList<>();
        try {
            Path out = Files.createTempDirectory("nativeload-jar-natives");
            for (Path jar : jarsOnPath(prefixes)) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    Enumeration<? extends ZipEntry> entries = zip.entries();
                    int n = 0;
                    while (entries.hasMoreElements()) {
                        ZipEntry e = entries.nextElement();
                        if (e.isDirectory() || !NATIVE.matcher(e.getName().toLowerCase(Locale.ROOT)).matches()) {
                            continue;
                        }
                        Path target = out.resolve(jar.getFileName() + "-" + (n++) + "-" + Path.of(e.getName()).getFileName());
                        try (InputStream in = zip.getInputStream(e)) {
                            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                        }
                        result.add(new Entry(jar.getFileName().toString(), e.getName(), target));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (result.isEmpty()) {
            throw new IllegalStateException("no third-party jars with natives on the test path: " + prefixes);
        }
        return result;
    }

    private static List<Path> jarsOnPath(List<String> prefixes) {
        List<Path> jars = new ArrayList<>();
        for (String property : List.of("java.class.path", "jdk.module.path")) {
            String value = System.getProperty(property, "");
            for (String element : value.split(java.io.File.pathSeparator)) {
                if (element.isEmpty()) {
                    continue;
                }
                Path p = Path.of(element);
                String name = p.getFileName().toString();
                if (name.endsWith(".jar") && prefixes.stream().anyMatch(name::startsWith) && !jars.contains(p)) {
                    jars.add(p);
                }
            }
        }
        return jars;
    }
}
