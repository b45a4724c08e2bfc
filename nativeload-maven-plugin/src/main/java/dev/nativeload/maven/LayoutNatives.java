package dev.nativeload.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds the files in the platform directories of the default layout ({@code <prefix>/<platform-id>/...}, the
 * layout the loader's embedded step reads) in a classes directory and in a packaged jar. Every regular file there
 * is taken, whatever its name or bytes: a file the loader may be asked to load that is no native (a Git LFS
 * pointer, a truncated copy) is exactly what the check must catch. A jar's entries are copied to a work
 * directory so the command line can read them; an entry with the same path and bytes as a file of the classes
 * directory is the same native and is checked once.
 */
final class LayoutNatives {
    private final String prefix;
    private final Path baseDirectory;
    private final List<NativeFile> found = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();

    /**
     * @param prefix        the layout's top directory, {@code native} by default
     * @param baseDirectory the project's directory, which the names shown are relative to
     */
    LayoutNatives(String prefix, Path baseDirectory) {
        this.prefix = prefix;
        this.baseDirectory = baseDirectory;
    }

    /** {@return the files found so far, in the order found} */
    List<NativeFile> files() {
        return List.copyOf(found);
    }

    /**
     * Adds the files under {@code <prefix>/<platform-id>/} of a classes directory.
     *
     * @param classes the directory; nothing is added when it does not exist
     * @throws IOException when it cannot be read
     */
    void addDirectory(Path classes) throws IOException {
        Path top = classes.resolve(prefix);
        if (!Files.isDirectory(top)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(top)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
                String relative = classes.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                Optional<String> id = platformOf(relative);
                if (id.isPresent() && seen.add(relative + "\0" + sha256(file))) {
                    found.add(new NativeFile(id.get(), file, shown(file)));
                }
            }
        }
    }

    /**
     * Adds the entries under {@code <prefix>/<platform-id>/} of a jar, copied into a work directory.
     *
     * @param jar         the packaged jar
     * @param workDirectory where its entries are copied, under their own paths
     * @throws IOException when the jar cannot be read or the copies written
     */
    void addJar(Path jar, Path workDirectory) throws IOException {
        Path root = workDirectory.toAbsolutePath().normalize();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                Optional<String> id = entry.isDirectory() ? Optional.empty() : platformOf(name);
                if (id.isEmpty()) {
                    continue;
                }
                Path copy = root.resolve(name).normalize();
                if (!copy.startsWith(root)) {
                    throw new IOException(jar + " has an entry that points outside the jar: " + name);
                }
                Files.createDirectories(copy.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                }
                if (seen.add(name + "\0" + sha256(copy))) {
                    found.add(new NativeFile(id.get(), copy, shown(jar) + "!/" + name));
                }
            }
        }
    }

    /** {@return the platform directory a path inside the output is in: the part after the prefix, when deeper} */
    private Optional<String> platformOf(String relative) {
        if (!relative.startsWith(prefix + "/")) {
            return Optional.empty();
        }
        String rest = relative.substring(prefix.length() + 1);
        int slash = rest.indexOf('/');
        return slash <= 0 || slash == rest.length() - 1 ? Optional.empty() : Optional.of(rest.substring(0, slash));
    }

    private String shown(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path base = baseDirectory.toAbsolutePath().normalize();
        return (absolute.startsWith(base) ? base.relativize(absolute) : absolute).toString();
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
