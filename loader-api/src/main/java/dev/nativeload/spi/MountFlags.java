package dev.nativeload.spi;

/**
 * The mount flags of the filesystem holding a directory, from {@code statvfs}.
 *
 * @param noExec   {@code ST_NOEXEC}: files there cannot be mapped executable, so libraries there fail to load
 * @param readOnly {@code ST_RDONLY}: nothing can be written there
 * @param noSuid   {@code ST_NOSUID}
 */
public record MountFlags(boolean noExec, boolean readOnly, boolean noSuid) {
}
