package dev.nativeload.internal.cache;

import dev.nativeload.testsupport.ChildJvm;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nativeload.platform.Environment;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** Jars holding the testdata/embedded libraries, environments, mounts and child JVMs for the extraction tests. */
final class Fixtures {
    static final String X86_64 = "native/linux-x86_64/";

    private Fixtures() {
    }

    static Path testdata(String... parts) {
        String root = System.getProperty("nativeload.testdata");
        assumeTrue(root != null, "system property nativeload.testdata is not set");
        return Path.of(root, "embedded").resolve(Path.of("", parts));
    }

    /** Writes a jar with these entries (name to file) and returns a class loader reading only it. */
    static URLClassLoader jar(Path dir, Map<String, Path> entries) {
        try {
            Path jar = Files.createTempFile(dir, "natives", ".jar");
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
                for (Map.Entry<String, Path> e : entries.entrySet()) {
                    out.putNextEntry(new JarEntry(e.getKey()));
                    Files.copy(e.getValue(), out);
                    out.closeEntry();
                }
            }
            return new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The x86_64 library set: libembedded.so needs libembedded_mid.so, which needs libembedded_dep.so. */
    static URLClassLoader librarySet(Path dir, String toolchain) {
        return jar(dir, Map.of(
                X86_64 + "libembedded.so", testdata(toolchain, "libembedded.so"),
                X86_64 + "libembedded_mid.so", testdata(toolchain, "libembedded_mid.so"),
                X86_64 + "libembedded_dep.so", testdata(toolchain, "libembedded_dep.so")));
    }

    static URLClassLoader solo(Path dir) {
        return jar(dir, Map.of(X86_64 + "libembedded_solo.so", testdata("gcc-x86_64", "libembedded_solo.so")));
    }

    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Environment env(Path home, Path tmp) {
        Properties p = new Properties();
        p.setProperty("java.library.path", "");
        p.setProperty("user.home", home.toString());
        p.setProperty("java.io.tmpdir", tmp.toString());
        p.setProperty("user.name", System.getProperty("user.name"));
        return Environment.of(Map.of(), p);
    }

    static CacheDirectoryCheck check() {
        return new CacheDirectoryCheck(dir -> java.util.Optional.empty(), System.getProperty("user.name"));
    }

    /** A tmpfs mounted at {@code dir} with these options; the test is skipped where mounting is not allowed. */
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

    /** The command to start a JVM like this one running {@code main} from the test class path. */
    static List<String> childJvm(Class<?> main, String... args) {
        return ChildJvm.command(main, args);
    }

    static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.flush();
    }
}
