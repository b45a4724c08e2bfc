package dev.nativeload.internal.cache;

import dev.nativeload.internal.os.FileDescriptors;

import dev.nativeload.report.Errno;
import dev.nativeload.internal.diagnose.ErrnoTable;
import dev.nativeload.internal.os.FileOpenResult;
import dev.nativeload.internal.os.FileStatus;
import dev.nativeload.spi.NativeAccess;
import dev.nativeload.internal.os.OpenFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Verifies one extracted file through a single descriptor: opened without following a link,
 * {@code fstat}ed (a regular file, owned by this process's effective uid, not writable by group or
 * others, one link, the expected size) and hashed from that same descriptor. The descriptor that
 * passes is the one handed to the OS loader, so a file renamed over the path afterwards is never
 * what runs.
 */
final class EntryFileCheck {
    private final NativeAccess access;
    private final int euid;
    private final ErrnoTable errnos;

    /** What the check found. */
    sealed interface Verdict {
        /**
         * The file verified; its descriptor stays open.
         *
         * @param file the open, verified file
         */
        record Verified(OpenFile file) implements Verdict {
        }

        /**
         * The file must not be used.
         *
         * @param reason what was wrong
         * @param why    a sentence naming the file, what was found and what to do
         */
        record Refused(Reason reason, String why) implements Verdict {
        }
    }

    /** Why an entry's file was refused. */
    enum Reason {
        /** A symbolic link sits at the name ({@code ELOOP} from {@code O_NOFOLLOW}). */
        SYMLINK,
        /** A directory, FIFO, device or socket sits at the name. */
        NOT_A_REGULAR_FILE,
        /** Another user owns the file. */
        WRONG_OWNER,
        /** Group or other users may write it. */
        WRITABLE_BY_OTHERS,
        /** More than one name links to it, so someone else may hold a writable name. */
        HARD_LINKED,
        /** Its size or SHA-256 is not the resource's. */
        DIGEST_MISMATCH,
        /** The OS refused to open or read it. */
        OS_ERROR
    }

    /**
     * @param access the OS boundary that opens files by descriptor
     * @param euid   this process's effective uid
     */
    EntryFileCheck(NativeAccess access, int euid) {
        this.access = Objects.requireNonNull(access, "access");
        this.euid = euid;
        this.errnos = ErrnoTable.forHost(access.host().os(), access.host().arch()).orElse(ErrnoTable.LINUX);
    }

    /**
     * {@return a check through {@code access}, or empty where it cannot open files by descriptor or tell the effective uid}
     *
     * @param access the OS boundary
     */
    static Optional<EntryFileCheck> of(NativeAccess access) {
        OptionalInt euid = FileDescriptors.of(access).effectiveUid();
        return euid.isPresent() ? Optional.of(new EntryFileCheck(access, euid.getAsInt())) : Optional.empty();
    }

    /** {@return the effective uid files must be owned by} */
    int euid() {
        return euid;
    }

    /**
     * Opens, checks and hashes a file.
     *
     * @param file   the file in a cache entry
     * @param sha256 the digest it must have
     * @param size   the size it must have
     * @return the open file, or why it was refused (the descriptor then closed); unsupported hosts
     *         answer {@link Optional#empty()}
     */
    Optional<Verdict> verify(Path file, String sha256, long size) {
        FileOpenResult opened = FileDescriptors.of(access).openNoFollow(file);
        return switch (opened) {
            case FileOpenResult.Unsupported u -> Optional.empty();
            case FileOpenResult.Failed f -> Optional.of(refusedOpen(file, f));
            case FileOpenResult.Opened o -> Optional.of(check(file, o.file(), sha256, size));
        };
    }

    /**
     * {@return why an entry directory must not be used, or empty when it may}: it must be owned by
     * this process's effective uid and give group and others no write access (nativeload makes it
     * {@code 0700}); one planted while the cache was open to others is refused.
     *
     * @param entry the entry directory
     */
    Optional<Verdict.Refused> checkDirectory(Path entry) {
        if (!DirectoryTrust.available(entry)) {
            return Optional.empty();
        }
        try {
            int uid = DirectoryTrust.uid(entry);
            int mode = DirectoryTrust.mode(entry);
            if (uid != euid) {
                return Optional.of(new Verdict.Refused(Reason.WRONG_OWNER, "the entry " + entry + " is owned by "
                        + ownerName(entry, uid) + ", not by this process (uid " + euid + "); nothing in it is loaded."
                        + " Remove it as its owner or as root"));
            }
            if ((mode & 0022) != 0) {
                return Optional.of(new Verdict.Refused(Reason.WRITABLE_BY_OTHERS, "the entry " + entry + " has mode "
                        + octal(mode & 07777) + ", writable by others; nothing in it is loaded. Remove it"));
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(new Verdict.Refused(Reason.OS_ERROR, "cannot read the owner of " + entry + ": "
                    + CacheDirectoryCheck.describe(e)));
        }
    }

    private Verdict refusedOpen(Path file, FileOpenResult.Failed f) {
        Optional<Errno> name = f.error().code().isPresent() ? errnos.name(f.error().code().getAsInt()) : Optional.empty();
        if (name.equals(Optional.of(Errno.ELOOP))) {
            return new Verdict.Refused(Reason.SYMLINK, file + " is a symbolic link; it is never followed. Remove it, or the entry "
                    + file.getParent());
        }
        return new Verdict.Refused(Reason.OS_ERROR, "cannot open " + file + ": " + f.error().message()
                + name.map(n -> " (" + n + ")").orElse(""));
    }

    private Verdict check(Path file, OpenFile open, String sha256, long size) {
        boolean keep = false;
        try {
            FileStatus s = open.status();
            Optional<Verdict.Refused> wrong = statusProblem(file, s, size);
            if (wrong.isPresent()) {
                return wrong.get();
            }
            MessageDigest digest = Sha256.newDigest();
            byte[] buf = new byte[Sha256.BUFFER];
            long pos = 0;
            for (int n; (n = open.read(pos, buf, 0, buf.length)) > 0; pos += n) {
                digest.update(buf, 0, n);
            }
            String have = Sha256.hex(digest);
            if (pos != size || !have.equals(sha256)) {
                return new Verdict.Refused(Reason.DIGEST_MISMATCH, file + " has SHA-256 " + have + " (" + pos
                        + " bytes), expected " + sha256 + " (" + size + " bytes): corrupted or replaced; it is not loaded");
            }
            keep = true;
            return new Verdict.Verified(open);
        } catch (OpenFile.OsErrorException e) {
            return new Verdict.Refused(Reason.OS_ERROR, "cannot read " + file + ": " + e.error());
        } finally {
            if (!keep) {
                open.close();
            }
        }
    }

    private Optional<Verdict.Refused> statusProblem(Path file, FileStatus s, long size) {
        if (!s.isRegularFile()) {
            return Optional.of(new Verdict.Refused(Reason.NOT_A_REGULAR_FILE, file + " is not a regular file (mode "
                    + octal(s.mode()) + "); it is never opened as a library. Remove it, or the entry " + file.getParent()));
        }
        if (s.uid() != euid) {
            return Optional.of(new Verdict.Refused(Reason.WRONG_OWNER, file + " is owned by " + ownerName(file, s.uid())
                    + ", not by this process (uid " + euid + "): another user's file is never loaded. Remove the entry "
                    + file.getParent() + " as its owner or as root"));
        }
        if (s.writableByOthers()) {
            return Optional.of(new Verdict.Refused(Reason.WRITABLE_BY_OTHERS, file + " has mode " + octal(s.permissions())
                    + ", writable by " + ((s.mode() & 02) != 0 ? "every user" : "its group")
                    + "; it is not loaded. Remove the entry " + file.getParent() + "; nativeload writes files 0500"));
        }
        if (s.links() != 1) {
            return Optional.of(new Verdict.Refused(Reason.HARD_LINKED, file + " has " + s.links()
                    + " hard links; another name could change it, so it is not loaded. Remove the entry " + file.getParent()));
        }
        if (s.size() != size) {
            return Optional.of(new Verdict.Refused(Reason.DIGEST_MISMATCH, file + " has " + s.size() + " bytes, expected "
                    + size + ": corrupted or replaced; it is not loaded"));
        }
        return Optional.empty();
    }

    /** {@return "uid N (name)" with the name when the OS can tell it} */
    static String ownerName(Path file, int uid) {
        try {
            String name = Files.getOwner(file, LinkOption.NOFOLLOW_LINKS).getName();
            return name.equals(Integer.toString(uid)) ? "uid " + uid : "uid " + uid + " (" + name + ")";
        } catch (IOException | UnsupportedOperationException unknown) {
            return "uid " + uid;
        }
    }

    /** {@return a mode in octal, {@code 0644} or {@code 0100644}} @param mode mode bits */
    static String octal(int mode) {
        return "0" + Integer.toOctalString(mode);
    }
}
