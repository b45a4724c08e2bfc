package dev.nativeload.binary.macho;

/**
 * A version packed into 32 bits as Mach-O stores them ({@code xxxx.yy.zz}: 16 bits major, 8 minor,
 * 8 patch), used by dylib current and compatibility versions and by minimum OS and SDK versions.
 *
 * @param packed the raw 32-bit value
 */
public record MachOVersion(long packed) {
    /** Requires a value that fits in 32 unsigned bits. */
    public MachOVersion {
        if (packed < 0 || packed > 0xffff_ffffL) {
            throw new IllegalArgumentException("not a 32-bit packed version: " + packed);
        }
    }

    /** {@return the major version (the top 16 bits)} */
    public int major() {
        return (int) (packed >>> 16);
    }

    /** {@return the minor version} */
    public int minor() {
        return (int) ((packed >>> 8) & 0xff);
    }

    /** {@return the patch version} */
    public int patch() {
        return (int) (packed & 0xff);
    }

    /** {@return the version as {@code major.minor.patch}, such as {@code 2.4.1}} */
    @Override
    public String toString() {
        return major() + "." + minor() + "." + patch();
    }
}
