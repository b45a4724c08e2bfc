package dev.nativeload.resolve;

import dev.nativeload.binary.Binaries;
import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.NativeBinary;
import dev.nativeload.binary.NotABinaryException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The files a resolver has looked at, each read once: what is at a path (nothing, something no
 * loader can map, or a parsed binary with its file identity). The file system is assumed not to
 * change while one resolver is in use.
 */
final class ObjectFiles {
    /** What a path holds. */
    sealed interface Probe permits Absent, Unusable, Present {
    }

    /**
     * Nothing the loader can open: the open would fail and the search go on.
     *
     * @param reason why
     */
    record Absent(String reason) implements Probe {
    }

    /**
     * A file the loader opens and then gives up on (a directory, a text file, a short file).
     *
     * @param reason why
     */
    record Unusable(String reason) implements Probe {
    }

    /**
     * A parsed binary.
     *
     * @param binary  the binary (a fat Mach-O file keeps all slices)
     * @param fileKey the file's identity (device and inode), to spot one file under two names
     */
    record Present(NativeBinary binary, Object fileKey) implements Probe {
        Present {
            Objects.requireNonNull(binary, "binary");
        }
    }

    private final Map<Path, Probe> probes = new HashMap<>();
    private final Map<Path, Boolean> directories = new HashMap<>();

    /**
     * {@return what is at this path}
     *
     * @param path an absolute path
     */
    Probe probe(Path path) {
        Probe known = probes.get(path);
        if (known == null) {
            known = read(path);
            probes.put(path, known);
        }
        return known;
    }

    /**
     * {@return whether a directory exists at this path}
     *
     * @param path an absolute path
     */
    boolean isDirectory(Path path) {
        return directories.computeIfAbsent(path, Files::isDirectory);
    }

    private static Probe read(Path path) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return new Absent("no such file");
        } catch (AccessDeniedException e) {
            return new Absent("permission denied");
        } catch (IOException e) {
            return new Absent("cannot open: " + e.getMessage());
        }
        if (attributes.isDirectory()) {
            return new Unusable("cannot read file data: Is a directory");
        }
        if (!attributes.isRegularFile()) {
            return new Unusable("not a regular file");
        }
        if (attributes.size() < 64) {
            return new Unusable("file too short");
        }
        try {
            return new Present(Binaries.read(path), attributes.fileKey());
        } catch (AccessDeniedException e) {
            return new Absent("permission denied");
        } catch (IOException e) {
            return new Absent("cannot read: " + e.getMessage());
        } catch (NotABinaryException e) {
            return new Unusable("not a loadable binary: " + e.getMessage());
        } catch (MalformedBinaryException e) {
            return new Unusable("malformed: " + e.getMessage());
        }
    }
}
