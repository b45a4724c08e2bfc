package dev.nativeload.embedded;

import dev.nativeload.testsupport.ChildJvm;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nativeload.binary.TargetOs;
import dev.nativeload.platform.Host;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/** Jars of the testdata/embedded libraries, the real third-party jars, tmpfs mounts and child JVMs. */
final class EmbeddedFixtures {
    static final String X86_64 = "native/linux-x86_64/";

    private EmbeddedFixtures() {
    }

    static void assumeLinuxX86_64(Host host) {
        assumeTrue(host.os() == TargetOs.LINUX && host.platformId().equals("linux-x86_64"),
                "the embedded fixtures are built for linux-x86_64 (glibc); this host is " + host.platformId());
    }

    static Path testdata(String... parts) {
        String root = System.getProperty("nativeload.testdata");
        assumeTrue(root != null, "system property nativeload.testdata is not set");
        return Path.of(root, "embedded").resolve(Path.of("", parts));
    }

    static Path writeJar(Path dir, Map<String, Path> entries) {
        try {
            Path jar = Files.createTempFile(dir, "natives", ".jar");
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
                for (Map.Entry<String, Path> e : entries.entrySet()) {
                    out.putNextEntry(new JarEntry(e.getKey()));
                    Files.copy(e.getValue(), out);
                    out.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static URLClassLoader loaderOf(Path jar) {
        try {
            return new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jar on the test class or module path that holds {@code resource}: JNA's, sqlite-jdbc's, zstd-jni's. */
    static Path realJarHolding(String resource) {
        URL url = ClassLoader.getSystemClassLoader().getResource(resource);
        assumeTrue(url != null && url.getProtocol().equals("jar"), "no jar on the test path holds " + resource);
        String spec = url.getPath();
        try {
            return Path.of(new java.net.URI(spec.substring(0, spec.indexOf("!/"))));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String manifestValue(Path jar, String attribute) throws IOException {
        try (JarFile f = new JarFile(jar.toFile())) {
            return f.getManifest().getMainAttributes().getValue(attribute);
        }
    }

    static String entryText(Path jar, String entry) throws IOException {
        try (JarFile f = new JarFile(jar.toFile())) {
            return new String(f.getInputStream(f.getJarEntry(entry)).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        }
    }

    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A tmpfs at {@code dir}; the test is skipped where mounting is not allowed. Detached lazily on close. */
    static AutoCloseable tmpfs(Path dir, String options) throws Exception {
        Files.createDirectories(dir);
        int rc = run(List.of("mount", "-t", "tmpfs", "-o", options, "tmpfs", dir.toString()));
        assumeTrue(rc == 0, "cannot mount a tmpfs here (needs root or a user namespace): mount exited " + rc);
        return () -> run(List.of("umount", "-l", dir.toString()));
    }

    static int run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    /** The command starting a JVM like this one (same java binary) running {@code main} from the test class path. */
    static List<String> childJvm(Class<?> main, String... args) {
        return ChildJvm.command(main, args);
    }
}
