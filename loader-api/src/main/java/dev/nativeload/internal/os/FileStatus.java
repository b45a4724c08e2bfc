package dev.nativeload.internal.os;

/**
 * What {@code fstat} says about an open file: its identity, owner, type and permission bits, and
 * link count. Read from a descriptor, so it describes the very file that descriptor reads.
 *
 * @param device the device holding it ({@code st_dev})
 * @param inode  its inode number ({@code st_ino})
 * @param mode   type and permission bits ({@code st_mode}: {@code S_IFMT} type, {@code 07777} permissions)
 * @param uid    the owner's user id ({@code st_uid})
 * @param links  how many directory entries name it ({@code st_nlink})
 * @param size   its size in bytes ({@code st_size})
 */
public record FileStatus(long device, long inode, int mode, int uid, long links, long size) {
    private static final int S_IFMT = 0170000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFDIR = 0040000;

    /** {@return whether it is a regular file} */
    public boolean isRegularFile() {
        return (mode & S_IFMT) == S_IFREG;
    }

    /** {@return whether it is a directory} */
    public boolean isDirectory() {
        return (mode & S_IFMT) == S_IFDIR;
    }

    /** {@return the permission bits, {@code mode & 07777}} */
    public int permissions() {
        return mode & 07777;
    }

    /** {@return whether its group or other users may write it} */
    public boolean writableByOthers() {
        return (mode & 0022) != 0;
    }

    /** {@return whether it is the same file as {@code other}: same device and inode} @param other another status */
    public boolean sameFile(FileStatus other) {
        return device == other.device && inode == other.inode;
    }
}
