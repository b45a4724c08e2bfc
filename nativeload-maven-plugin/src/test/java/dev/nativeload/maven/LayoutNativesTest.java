package dev.nativeload.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files of a real classes directory and a real jar the verify goal checks, and for which platform. */
class LayoutNativesTest {
    @TempDir
    Path project;

    private Path write(String relative, String content) throws IOException {
        Path file = project.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private Path jar(Map<String, String> entries) throws IOException {
        Path jar = project.resolve("target/app-1.0.jar");
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void everyFileUnderAPlatformDirectoryIsTakenWhateverItsNameAndNothingElse() throws IOException {
        write("target/classes/native/linux-x86_64/libfoo.so", "ELF bytes");
        write("target/classes/native/linux-x86_64/libfoo.so.sha256", "a checksum is shipped too, so it is checked");
        write("target/classes/native/osx-aarch64/sub/libfoo.dylib", "Mach-O bytes");
        write("target/classes/native/README.txt", "not in a platform directory");
        write("target/classes/org/example/linux/libbar.so", "outside the layout");
        LayoutNatives natives = new LayoutNatives("native", project);
        natives.addDirectory(project.resolve("target/classes"));
        List<String> found = natives.files().stream().map(f -> f.platformId() + " " + f.shownAs()).toList();
        assertEquals(List.of(
                "linux-x86_64 target/classes/native/linux-x86_64/libfoo.so",
                "linux-x86_64 target/classes/native/linux-x86_64/libfoo.so.sha256",
                "osx-aarch64 target/classes/native/osx-aarch64/sub/libfoo.dylib"), found);
    }

    @Test
    void aJarEntryWithTheBytesOfTheClassesFileIsCheckedOnceAndADifferentOneToo() throws IOException {
        write("target/classes/native/linux-x86_64/libfoo.so", "same");
        write("target/classes/native/linux-x86_64/libbar.so", "old build");
        Path jar = jar(Map.of("native/linux-x86_64/libfoo.so", "same", "native/linux-x86_64/libbar.so", "new build",
                "native/windows-x86_64/foo.dll", "only in the jar"));
        LayoutNatives natives = new LayoutNatives("native", project);
        natives.addDirectory(project.resolve("target/classes"));
        natives.addJar(jar, project.resolve("target/nativeload/jar"));
        List<String> shown = natives.files().stream().map(NativeFile::shownAs).sorted().toList();
        assertEquals(List.of(
                "target/app-1.0.jar!/native/linux-x86_64/libbar.so",
                "target/app-1.0.jar!/native/windows-x86_64/foo.dll",
                "target/classes/native/linux-x86_64/libbar.so",
                "target/classes/native/linux-x86_64/libfoo.so"), shown);
        NativeFile dll = natives.files().stream().filter(f -> f.platformId().equals("windows-x86_64")).findFirst().orElseThrow();
        assertEquals("only in the jar", Files.readString(dll.file()));
    }

    @Test
    void aPrefixOfSeveralDirectoriesIsHonoured() throws IOException {
        write("target/classes/META-INF/native/linux-aarch64/libfoo.so", "x");
        write("target/classes/native/linux-x86_64/libfoo.so", "not under the prefix");
        LayoutNatives natives = new LayoutNatives("META-INF/native", project);
        natives.addDirectory(project.resolve("target/classes"));
        assertEquals(List.of("linux-aarch64"), natives.files().stream().map(NativeFile::platformId).toList());
    }

    @Test
    void aJarEntryThatClimbsOutOfTheWorkDirectoryIsRefused() throws IOException {
        Path jar = jar(Map.of("native/linux-x86_64/../../../../escaped.so", "x"));
        LayoutNatives natives = new LayoutNatives("native", project);
        IOException e = assertThrows(IOException.class, () -> natives.addJar(jar, project.resolve("target/nativeload/jar")));
        assertTrue(e.getMessage().contains("has an entry that points outside the jar: native/linux-x86_64/../../../../escaped.so"),
                e.getMessage());
        assertTrue(Files.notExists(project.resolve("target/escaped.so")));
    }
}
