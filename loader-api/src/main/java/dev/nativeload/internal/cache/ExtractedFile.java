package dev.nativeload.internal.cache;

import dev.nativeload.spi.ResourceName;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One library file in the cache, its content verified.
 *
 * @param resource where it came from on the class path
 * @param path     the extracted file, absolute
 * @param sha256   the SHA-256 of its content, lower-case hex (the file was checked against it)
 * @param size     its length in bytes
 * @param reused   whether an earlier extraction was verified and reused, rather than written now
 */
public record ExtractedFile(ResourceName resource, Path path, String sha256, long size, boolean reused) {
    public ExtractedFile {
        Objects.requireNonNull(resource, "resource");
        path = path.toAbsolutePath();
        Objects.requireNonNull(sha256, "sha256");
    }

    /** {@return "extracted" or "reused", for reports} */
    public String action() {
        return reused ? "reused" : "extracted";
    }
}
