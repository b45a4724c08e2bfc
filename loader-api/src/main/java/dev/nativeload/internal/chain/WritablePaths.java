package dev.nativeload.internal.chain;

import dev.nativeload.report.Attempt.Origin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import dev.nativeload.internal.log.Loggers;
import org.slf4j.Logger;

/**
 * Notes a library found through a path the user or the environment names (an explicit path,
 * {@code java.library.path}, {@code LD_LIBRARY_PATH}) whose file, or a directory above it, every
 * user may write (and, for a directory, is not sticky): anyone could put their code there. Loading
 * still follows the OS's rules, as {@code ld.so} does; the note goes into the candidate's origin,
 * so into the report, and is logged once as a WARN.
 */
final class WritablePaths {
    /** The logger, made on the first warning: a load with nothing to warn about looks for no SLF4J provider. */
    private static final class Log {
        static final Logger LOG = Loggers.of(WritablePaths.class);
    }

    private static final Set<Path> WARNED = ConcurrentHashMap.newKeySet();
    private static final int OTHERS_WRITE = 0002;
    private static final int STICKY = 01000;

    private WritablePaths() {
    }

    /**
     * {@return {@code origin}, with a warning appended when {@code file} or a directory above it is writable by every user}
     *
     * @param file   a candidate library file (it need not exist)
     * @param origin where it came from
     */
    static Origin origin(Path file, Origin origin) {
        Optional<String> warning = warning(file); // no method reference: each spins a class on every first load
        return warning.isPresent() ? origin.withWarning(warning.get()) : origin;
    }

    /** {@return what is writable by every user on the way to {@code file}, or empty} @param file a candidate file */
    static Optional<String> warning(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (!abs.getFileSystem().supportedFileAttributeViews().contains("unix")) {
            return Optional.empty();
        }
        Optional<String> found = Optional.empty();
        try {
            if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS) && (mode(abs) & OTHERS_WRITE) != 0) {
                found = Optional.of(abs + " is writable by every user (mode " + octal(mode(abs))
                        + "): anyone could replace this library; run chmod o-w " + abs);
            }
            for (Path dir = abs.getParent(); found.isEmpty() && dir != null; dir = dir.getParent()) {
                if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                    int m = mode(dir);
                    if ((m & OTHERS_WRITE) != 0 && (m & STICKY) == 0) {
                        found = Optional.of("the directory " + dir + " is writable by every user and not sticky (mode " + octal(m)
                                + "): anyone could put a library of their own in place of " + abs.getFileName()
                                + "; run chmod o-w " + dir);
                    }
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
        if (found.isPresent() && WARNED.add(abs)) {
            Log.LOG.atWarn().addKeyValue("path", abs).log("nativeload: {}", found.get());
        }
        return found;
    }

    private static int mode(Path p) throws IOException {
        return (int) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    }

    private static String octal(int mode) {
        return "0" + Integer.toOctalString(mode & 07777);
    }
}
