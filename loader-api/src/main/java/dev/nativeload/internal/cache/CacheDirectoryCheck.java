package dev.nativeload.internal.cache;

import dev.nativeload.spi.NativeAccess.MountFlags;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Decides whether a directory may hold extracted libraries, creating it ({@code 0700}) if absent:
 * it must be a real directory (not a symbolic link), owned by this user, not writable by group or
 * others, writable by this process, and on a filesystem that allows executable mappings.
 */
public final class CacheDirectoryCheck {
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private final Function<Path, Optional<MountFlags>> mountFlags;
    private final String userName;

    /**
     * @param mountFlags reads a directory's mount flags ({@code statvfs}); when it answers empty,
     *                   {@code /proc/self/mountinfo} is read instead
     * @param userName   the user who must own the directory ({@code user.name})
     */
    public CacheDirectoryCheck(Function<Path, Optional<MountFlags>> mountFlags, String userName) {
        this.mountFlags = Objects.requireNonNull(mountFlags, "mountFlags");
        this.userName = Objects.requireNonNull(userName, "userName");
    }

    /**
     * Creates the directory if it is absent and checks it.
     *
     * @param dir the candidate cache directory
     * @return why it must not be used, or empty when it may
     */
    public Optional<CacheRefusal> prepare(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
            try {
                createPrivateDirectory(abs);
            } catch (IOException e) {
                return refuse(abs, CacheRefusal.Reason.NOT_CREATABLE, "cannot create it: " + describe(e));
            }
        }
        return check(abs);
    }

    /**
     * Checks an existing directory without creating anything but a probe file.
     *
     * @param dir the directory, absolute
     * @return why it must not be used, or empty when it may
     */
    public Optional<CacheRefusal> check(Path dir) {
        BasicFileAttributes basic;
        try {
            basic = Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return refuse(dir, CacheRefusal.Reason.IO_ERROR, "cannot read its attributes: " + describe(e));
        }
        if (basic.isSymbolicLink()) {
            return refuse(dir, CacheRefusal.Reason.SYMLINK, "it is a symbolic link; links are not followed");
        }
        if (!basic.isDirectory()) {
            return refuse(dir, CacheRefusal.Reason.NOT_A_DIRECTORY, "it exists and is not a directory");
        }
        Optional<CacheRefusal> ownership = ownership(dir);
        if (ownership.isPresent()) {
            return ownership;
        }
        Optional<MountFlags> flags = mountFlags.apply(dir);
        Optional<MountInfo.Mount> mount = flags.isEmpty() ? MountInfo.of(dir) : Optional.empty();
        boolean noexec = flags.map(MountFlags::noExec).orElse(mount.map(MountInfo.Mount::noExec).orElse(false));
        boolean readOnly = flags.map(MountFlags::readOnly).orElse(mount.map(MountInfo.Mount::readOnly).orElse(false));
        String source = flags.isPresent() ? "statvfs" : "/proc/self/mountinfo";
        if (readOnly) {
            return refuse(dir, CacheRefusal.Reason.NOT_WRITABLE, "its filesystem is mounted read-only (" + source + ")");
        }
        if (noexec) {
            return refuse(dir, CacheRefusal.Reason.NOEXEC,
                    "its filesystem is mounted noexec (" + source + "), so a library there cannot be mapped executable");
        }
        return probeWrite(dir);
    }

    private Optional<CacheRefusal> ownership(Path dir) {
        if (!posix(dir)) {
            return ownerOnly(dir);
        }
        PosixFileAttributes attrs;
        try {
            attrs = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | UnsupportedOperationException e) {
            return ownerOnly(dir);
        }
        if (!isThisUser(dir, attrs.owner())) {
            return refuse(dir, CacheRefusal.Reason.WRONG_OWNER,
                    "owned by " + attrs.owner().getName() + ", not by " + userName);
        }
        Set<PosixFilePermission> perms = attrs.permissions();
        if (perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
            return refuse(dir, CacheRefusal.Reason.WRITABLE_BY_OTHERS, "mode " + PosixFilePermissions.toString(perms)
                    + " lets " + (perms.contains(PosixFilePermission.OTHERS_WRITE) ? "every user" : "its group")
                    + " replace files in it");
        }
        return Optional.empty();
    }

    private Optional<CacheRefusal> ownerOnly(Path dir) {
        try {
            UserPrincipal owner = Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS);
            if (!isThisUser(dir, owner)) {
                return refuse(dir, CacheRefusal.Reason.WRONG_OWNER, "owned by " + owner.getName() + ", not by " + userName);
            }
            return Optional.empty();
        } catch (IOException e) {
            return refuse(dir, CacheRefusal.Reason.IO_ERROR, "cannot read its owner: " + describe(e));
        } catch (UnsupportedOperationException e) {
            return refuse(dir, CacheRefusal.Reason.IO_ERROR, "its filesystem does not tell owners: " + e.getMessage());
        }
    }

    private boolean isThisUser(Path dir, UserPrincipal owner) {
        try {
            UserPrincipal me = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(userName);
            return me.equals(owner);
        } catch (IOException | UnsupportedOperationException unknown) {
            String name = owner.getName();
            return name.equals(userName) || name.endsWith("\\" + userName);
        }
    }

    private static boolean posix(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static Optional<CacheRefusal> probeWrite(Path dir) {
        Path probe = dir.resolve(".probe-" + UUID.randomUUID());
        try {
            Files.newByteChannel(probe, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS)).close();
            Files.delete(probe);
            return Optional.empty();
        } catch (IOException e) {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException ignored) {
                // The probe could not be created in the first place.
            }
            return refuse(dir, CacheRefusal.Reason.NOT_WRITABLE, "cannot create a file in it: " + describe(e));
        }
    }

    /**
     * Creates a directory readable, writable and searchable by its owner only, and its missing parents.
     *
     * @param dir the directory
     * @throws IOException if it cannot be created
     */
    static void createPrivateDirectory(Path dir) throws IOException {
        Path parent = dir.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            Files.createDirectories(parent);
        }
        boolean posix = posix(dir);
        try {
            if (posix) {
                FileAttribute<Set<PosixFilePermission>> mode = PosixFilePermissions.asFileAttribute(OWNER_ONLY);
                Files.createDirectory(dir, mode);
                Files.setPosixFilePermissions(dir, OWNER_ONLY);
            } else {
                Files.createDirectory(dir);
            }
        } catch (FileAlreadyExistsException raced) {
            // Another thread or process created it first; the checks that follow judge it.
        }
    }

    static String describe(IOException e) {
        String m = e.getMessage();
        String kind = e.getClass().getSimpleName();
        if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
            return fse.getReason() + " (" + kind + ")";
        }
        return (m == null ? "" : m + " ") + "(" + kind + ")";
    }

    private static Optional<CacheRefusal> refuse(Path dir, CacheRefusal.Reason reason, String detail) {
        return Optional.of(new CacheRefusal(dir, reason, detail));
    }
}
