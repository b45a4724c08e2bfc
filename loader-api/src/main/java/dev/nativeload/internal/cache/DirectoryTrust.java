package dev.nativeload.internal.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * OpenSSH's StrictModes for a cache directory, by user id: the directory must be owned by this
 * process's effective uid and have mode {@code 0700} (no group or other bits at all), and every
 * directory from the filesystem root down to it must be owned by root or that uid and not writable
 * by group or others unless sticky ({@code /tmp}). Otherwise another user could rename the cache,
 * or a directory above it, and put files of their own in its place.
 *
 * <p>Owners are compared as numbers ({@code unix:uid}), never as names: a uid without a passwd
 * entry has no name.
 */
final class DirectoryTrust {
    private static final int STICKY = 01000;

    private DirectoryTrust() {
    }

    /** Why a directory is not trusted: the reason and a sentence naming the directory, what was found and what to do. */
    record Distrust(CacheRefusal.Reason reason, String detail) {
    }

    /**
     * {@return why {@code dir} must not hold extracted libraries, or empty when it may}
     *
     * @param dir  an existing directory, absolute, not a symbolic link
     * @param euid this process's effective uid
     * @throws IOException if an attribute cannot be read
     */
    static Optional<Distrust> check(Path dir, int euid) throws IOException {
        int uid = uid(dir);
        int mode = mode(dir);
        if (uid != euid) {
            return Optional.of(new Distrust(CacheRefusal.Reason.WRONG_OWNER, "owned by " + EntryFileCheck.ownerName(dir, uid)
                    + ", not by this process (uid " + euid + "); use a directory of your own"));
        }
        if ((mode & 0077) != 0) {
            return Optional.of(new Distrust((mode & 0022) != 0 ? CacheRefusal.Reason.WRITABLE_BY_OTHERS : CacheRefusal.Reason.NOT_PRIVATE,
                    "mode " + EntryFileCheck.octal(mode & 07777) + " lets " + ((mode & 0022) != 0 ? "other users replace" : "other users read")
                            + " files in it; a cache directory must be 0700: run chmod 700 " + dir));
        }
        Path real = dir.toRealPath();
        for (Path p = real.getParent(); p != null; p = p.getParent()) {
            int pUid = uid(p);
            int pMode = mode(p);
            if (pUid != 0 && pUid != euid) {
                return Optional.of(new Distrust(CacheRefusal.Reason.UNSAFE_ANCESTOR, "its ancestor " + p + " is owned by "
                        + EntryFileCheck.ownerName(p, pUid) + ", neither root nor this process (uid " + euid
                        + "), who could replace everything below it; use a directory under one you or root own"));
            }
            if ((pMode & 0022) != 0 && (pMode & STICKY) == 0) {
                return Optional.of(new Distrust(CacheRefusal.Reason.UNSAFE_ANCESTOR, "its ancestor " + p + " has mode "
                        + EntryFileCheck.octal(pMode & 07777) + ", writable by " + ((pMode & 0002) != 0 ? "every user" : "its group")
                        + " and not sticky, so another user could rename " + real + " away and put their own in its place;"
                        + " run chmod go-w " + p + " (or chmod +t), or use another directory"));
            }
        }
        return Optional.empty();
    }

    /** {@return whether this file system tells numeric owners and modes (the JDK's {@code unix} view)} @param dir a path on it */
    static boolean available(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("unix");
    }

    static int uid(Path p) throws IOException {
        return (int) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    }

    static int mode(Path p) throws IOException {
        return (int) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    }
}
