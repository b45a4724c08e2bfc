package dev.nativeload.internal.cache;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.jar.JarEntry;
import java.util.regex.Pattern;

/**
 * Remembers, in a cache directory, the SHA-256 of a resource inside a jar, keyed by a stamp that
 * is cheap to read: the jar's path, size and modification time and the entry's name, size and
 * CRC-32. A warm start then finds its entry without inflating and hashing the resource; the
 * extracted file itself is still hashed and compared before it is reused. Resources that are not
 * in a local jar have no stamp and are always hashed.
 */
final class SourceIndex {
    static final String PREFIX = "source-";
    private static final Pattern RECORD = Pattern.compile("([0-9a-f]{64}) ([0-9]{1,19})");

    private SourceIndex() {
    }

    /** {@return the stamp of a resource in a local jar, or empty for any other resource} */
    static Optional<String> stamp(URL url) {
        if (!url.getProtocol().equals("jar")) {
            return Optional.empty();
        }
        try {
            URLConnection c = url.openConnection();
            if (!(c instanceof JarURLConnection jc) || !jc.getJarFileURL().getProtocol().equals("file")) {
                return Optional.empty();
            }
            JarEntry e = jc.getJarEntry();
            if (e == null || e.getSize() < 0 || e.getCrc() < 0) {
                return Optional.empty();
            }
            Path jar = Path.of(jc.getJarFileURL().toURI());
            BasicFileAttributes a = Files.readAttributes(jar, BasicFileAttributes.class);
            return Optional.of(jar.toAbsolutePath() + "\n" + a.size() + "\n" + a.lastModifiedTime().toMillis() + "\n"
                    + e.getName() + "\n" + e.getSize() + "\n" + e.getCrc());
        } catch (IOException | URISyntaxException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** {@return the digest recorded for a stamp in this cache directory, if any} */
    static Optional<Sha256.Summary> lookup(Path cacheDir, String stamp) {
        Path file = cacheDir.resolve(fileName(stamp));
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > 128) {
                return Optional.empty();
            }
            var m = RECORD.matcher(Files.readString(file, StandardCharsets.US_ASCII).strip());
            return m.matches() ? Optional.of(new Sha256.Summary(m.group(1), Long.parseLong(m.group(2)))) : Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** Records a stamp's digest, atomically; a failure only costs the next start a hash. */
    static void record(Path cacheDir, String stamp, Sha256.Summary digest) {
        Path tmp = cacheDir.resolve("." + PREFIX + UUID.randomUUID() + ".tmp");
        try {
            Files.writeString(tmp, digest.sha256() + " " + digest.size() + "\n", StandardCharsets.US_ASCII);
            Files.move(tmp, cacheDir.resolve(fileName(stamp)), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException unwritable) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // Nothing more to do: the index is an optimisation.
            }
        }
    }

    private static String fileName(String stamp) {
        var d = Sha256.newDigest();
        return PREFIX + HexFormat.of().formatHex(d.digest(stamp.getBytes(StandardCharsets.UTF_8)));
    }
}
