package dev.nativeload.binary.pe;

import dev.nativeload.binary.testing.JarNatives;
import dev.nativeload.binary.testing.MzMagic;
import dev.nativeload.binary.testing.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/** The PE files the tests read: committed fixtures, the third-party jars' DLLs, the toolchains' DLLs. */
final class PeFiles {
    /** Where Debian's mingw-w64 and cross toolchain packages put DLLs. */
    static final List<String> SYSTEM_DIRS = List.of("/usr/lib/gcc-cross", "/usr/x86_64-w64-mingw32",
            "/usr/i686-w64-mingw32", "/usr/lib/gcc/x86_64-w64-mingw32", "/usr/lib/gcc/i686-w64-mingw32", "/usr/share");

    private PeFiles() {
    }

    /** {@return the committed fixtures, by path relative to testdata/pe} */
    static TreeMap<String, Path> fixtures() {
        Path root = TestData.path("pe");
        TreeMap<String, Path> result = new TreeMap<>();
        for (Path p : walk(root)) {
            result.put(root.relativize(p).toString().replace('\\', '/'), p);
        }
        return result;
    }

    /** {@return the DLLs inside the third-party jars} */
    static List<JarNatives.Entry> jarDlls() {
        return JarNatives.all().stream().filter(e -> e.entry().toLowerCase(Locale.ROOT).endsWith(".dll")).toList();
    }

    /**
     * {@return PE files under the toolchain directories, plus any directories named in the system
     * property {@code nativeload.pe.extraDirs} (path-separator separated)}
     */
    static List<Path> systemFiles() {
        List<String> dirs = new ArrayList<>(SYSTEM_DIRS);
        String extra = System.getProperty("nativeload.pe.extraDirs", "");
        for (String d : extra.split(java.io.File.pathSeparator)) {
            if (!d.isBlank()) {
                dirs.add(d);
            }
        }
        List<Path> result = new ArrayList<>();
        for (String d : dirs) {
            Path dir = Path.of(d);
            if (Files.isDirectory(dir)) {
                result.addAll(walk(dir));
            }
        }
        return result;
    }

    private static List<Path> walk(Path root) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                    if (attrs.isRegularFile() && (name.endsWith(".dll") || name.endsWith(".exe") || name.endsWith(".efi"))
                            && MzMagic.startsWithMz(file)) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.sort(null);
        return found;
    }
}
