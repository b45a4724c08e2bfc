package dev.nativeload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nativeload doctor} as a user without the permissions a library needs: a directory on the way
 * to it that may not be searched, an unreadable file. As root, the doctor runs in a JVM started with
 * {@code setpriv} as uid 4242, a uid without a passwd entry (as OpenShift runs containers); as another
 * user, it runs here, on files that user's own permission bits keep out.
 *
 * <p>Rebuilds reports such as https://github.com/processing/processing/issues/3300 (a native library in a
 * temporary folder the user may not read: "Access is denied").
 */
class UnprivilegedDoctorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UID = "4242";
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    @TempDir
    Path dir;

    @Test
    void directoryWithoutSearchPermissionIsAccessDeniedNamingThatDirectory() throws Exception {
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.copy(CrashZoo.dir().resolve("plain/libplain.so"), locked.resolve("libplain.so"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString(ROOT ? "rwxr--r--" : "rw-r--r--"));
        JsonNode cause = doctor(locked.resolve("libplain.so").toString()).get("cause");
        assertEquals("ACCESS_DENIED", cause.get("kind").asText(), cause.toString());
        assertTrue(cause.get("message").asText().contains("may not search directory " + locked), cause.toString());
        assertTrue(cause.get("hint").asText().contains(locked.toString()), cause.toString());
    }

    @Test
    void unreadableLibraryIsAccessDeniedNamingTheFile() throws Exception {
        Path lib = Files.copy(CrashZoo.dir().resolve("plain/libplain.so"), dir.resolve("libsecret.so"));
        Files.setPosixFilePermissions(lib, PosixFilePermissions.fromString(ROOT ? "rwx------" : "-wx------"));
        JsonNode cause = doctor(lib.toString()).get("cause");
        assertEquals("ACCESS_DENIED", cause.get("kind").asText(), cause.toString());
        assertTrue(cause.get("message").asText().startsWith(lib + " is not readable"), cause.toString());
    }

    @Test
    void libraryPathDirectoryWithoutSearchPermissionIsAccessDeniedForALoadByName() throws Exception {
        Path locked = Files.createDirectory(dir.resolve("natives"));
        Files.copy(CrashZoo.dir().resolve("plain/libplain.so"), locked.resolve("libplain.so"));
        // Listable but not searchable: the name is seen, the file cannot be reached.
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString(ROOT ? "rwxr--r--" : "rw-r--r--"));
        JsonNode node = doctor("-Djava.library.path=" + locked, "plain");
        JsonNode cause = node.get("cause");
        assertEquals("ACCESS_DENIED", cause.get("kind").asText(), node.toString());
        assertTrue(cause.get("message").asText().contains("may not search directory " + locked), cause.toString());
    }

    /** Runs {@code doctor --json} as the unprivileged user; JVM options (-D...) come first. */
    private JsonNode doctor(String... args) throws Exception {
        List<String> jvmOptions = new ArrayList<>();
        List<String> doctorArgs = new ArrayList<>(List.of("doctor", "--json"));
        for (String a : args) {
            (a.startsWith("-D") ? jvmOptions : doctorArgs).add(a);
        }
        String out;
        if (ROOT) {
            out = asUid4242(jvmOptions, doctorArgs);
        } else {
            java.util.Properties saved = (java.util.Properties) System.getProperties().clone();
            try {
                jvmOptions.forEach(o -> System.setProperty(o.substring(2, o.indexOf('=')), o.substring(o.indexOf('=') + 1)));
                CliRun run = CliRun.run(dir, doctorArgs.toArray(String[]::new));
                assertEquals(1, run.status(), run.out() + run.err());
                out = run.out();
            } finally {
                System.setProperties(saved);
            }
        }
        List<String> lines = out.lines().toList();
        assertEquals(1, lines.size(), out);
        return JSON.readTree(lines.get(0));
    }

    private String asUid4242(List<String> jvmOptions, List<String> doctorArgs) throws Exception {
        CrashZoo.require(CrashZoo.onPath("setpriv"), "setpriv (util-linux) is not installed");
        // The test JVM's module path may sit in root's home: copy what is there to a place uid 4242 can read.
        Path modules = Files.createDirectory(dir.resolve("modules"));
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("jdk.module.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (Files.isRegularFile(p)) {
                Path copy = modules.resolve(p.getFileName());
                Files.copy(p, copy);
                entries.add(copy.toString());
            } else {
                entries.add(entry);
            }
        }
        for (Path p = dir; p != null; p = p.getParent()) {
            if (p.equals(dir.getRoot()) || p.toString().equals("/tmp")) {
                break;
            }
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        try (var files = Files.walk(modules)) {
            for (Path f : files.toList()) {
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(Files.isDirectory(f) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(List.of("setpriv", "--reuid", UID, "--regid", UID, "--clear-groups",
                "env", "-u", "HOME", java, "--enable-native-access=dev.nativeload.ffm,dev.nativeload.cli"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Djava.io.tmpdir=/tmp", "-p", String.join(File.pathSeparator, entries),
                "-m", "dev.nativeload.cli/dev.nativeload.cli.Main"));
        command.addAll(doctorArgs);
        Process p = new ProcessBuilder(command).directory(modules.toFile()).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the doctor as uid " + UID + " did not finish");
        assertEquals(1, p.exitValue(), "exit status of the doctor as uid " + UID + ":\n" + out + err);
        return out;
    }
}
