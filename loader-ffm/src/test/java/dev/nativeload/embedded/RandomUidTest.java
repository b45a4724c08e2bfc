package dev.nativeload.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.ffm.FfmNativeAccess;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A uid with no passwd entry, as OpenShift and many CI containers run: {@code user.name} and
 * {@code user.home} are {@code "?"}. The embedded step still gets a cache of its own (ownership is
 * compared by uid) and creates no directory named {@code "?"} in the working directory.
 */
class RandomUidTest {
    private static final int UID = 4242;

    @TempDir
    Path tmp;

    @BeforeAll
    static void rootOnLinuxX86_64() {
        EmbeddedFixtures.assumeLinuxX86_64(FfmNativeAccess.provider().host());
        Privileged.requireRootAnd("setpriv", "getent");
    }

    @Test
    void aUidWithoutAPasswdEntryGetsAWorkingCacheAndNoQuestionMarkDirectory() throws Exception {
        assertFalse(new ProcessBuilder("getent", "passwd", Integer.toString(UID)).start().waitFor() == 0,
                "uid " + UID + " must have no passwd entry for this test");
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        // the child reads its class path from a copy everyone can read (root's home is private)
        Path cp = Files.createDirectory(tmp.resolve("cp"));
        List<String> child = EmbeddedFixtures.childJvm(LoadDefaultCacheMain.class,
                EmbeddedFixtures.writeJar(tmp, Map.of(EmbeddedFixtures.X86_64 + "libembedded_solo.so",
                        EmbeddedFixtures.testdata("gcc-x86_64", "libembedded_solo.so"))).toString());
        int cpAt = child.indexOf("-cp") + 1;
        List<String> copied = new ArrayList<>();
        int i = 0;
        for (String entry : child.get(cpAt).split(System.getProperty("path.separator"))) {
            Path from = Path.of(entry);
            if (Files.exists(from)) {
                Path to = cp.resolve(i++ + "-" + from.getFileName());
                copyTree(from, to);
                copied.add(to.toString());
            }
        }
        child.set(cpAt, String.join(System.getProperty("path.separator"), copied));
        Files.setPosixFilePermissions(Files.list(tmp).filter(p -> p.toString().endsWith(".jar")).findFirst().orElseThrow(),
                PosixFilePermissions.fromString("rw-r--r--"));
        Path tmpdir = Files.createDirectory(tmp.resolve("t"));
        Files.setAttribute(tmpdir, "unix:mode", 01777);
        Path work = Files.createDirectory(tmp.resolve("work"));
        Files.setAttribute(work, "unix:mode", 0777);
        child.add(1, "-Djava.io.tmpdir=" + tmpdir);
        List<String> cmd = new ArrayList<>(List.of("setpriv", "--reuid", Integer.toString(UID), "--regid", Integer.toString(UID),
                "--clear-groups", "env", "-u", "HOME"));
        cmd.addAll(child);
        Process p = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child JVM hung");
        assertEquals(0, p.exitValue(), out);
        String last = out.lines().reduce((a, b) -> b).orElse("");
        String[] f = last.split(" ");
        assertEquals("ok", f[0], out);
        assertEquals("42", f[2], "the embedded library ran: " + out);
        assertEquals("?", f[3], "user.name of a uid without a passwd entry");
        Path lib = Path.of(f[1]);
        assertTrue(lib.startsWith(tmpdir), "the cache under java.io.tmpdir is used: " + lib);
        assertEquals(UID, (int) Files.getAttribute(lib, "unix:uid"));
        assertEquals(UID, (int) Files.getAttribute(lib.getParent().getParent(), "unix:uid"));
        try (var left = Files.list(work)) {
            assertEquals(List.of(), left.toList(), "nothing, and no directory named \"?\", is created in the working directory");
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (Files.isRegularFile(from)) {
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
            Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rw-r--r--"));
            return;
        }
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path d = Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path t = to.resolve(from.relativize(file).toString());
                Files.copy(file, t);
                Files.setPosixFilePermissions(t, PosixFilePermissions.fromString("rw-r--r--"));
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
