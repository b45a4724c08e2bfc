package dev.nativeload.internal.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads a Linux mount table ({@code /proc/self/mountinfo}) to tell whether a directory's
 * filesystem is mounted {@code noexec}: the fallback when {@code statvfs} cannot be called.
 */
public final class MountInfo {
    private static final Path PROC_SELF = Path.of("/proc/self/mountinfo");
    private static final int MAX_LINES = 100_000;

    /**
     * One mount.
     *
     * @param mountPoint where it is mounted
     * @param options    its per-mount options, comma-separated ({@code rw,nosuid,noexec,relatime})
     */
    public record Mount(Path mountPoint, List<String> options) {
        /** {@return whether the mount forbids executable mappings} */
        public boolean noExec() {
            return options.contains("noexec");
        }

        /** {@return whether the mount is read-only} */
        public boolean readOnly() {
            return options.contains("ro");
        }
    }

    private MountInfo() {
    }

    /**
     * {@return the mount holding {@code directory} according to this process's mount table, or
     * empty where there is no {@code /proc/self/mountinfo}}
     *
     * @param directory an absolute directory; symbolic links in it are resolved first where possible
     */
    public static Optional<Mount> of(Path directory) {
        if (!Files.isReadable(PROC_SELF)) {
            return Optional.empty();
        }
        try {
            return mountOf(directory, Files.readAllLines(PROC_SELF));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * {@return the mount whose mount point is the longest prefix of {@code directory}; the last
     * such line wins, as later mounts hide earlier ones}
     *
     * @param directory an absolute directory
     * @param lines     the lines of a mountinfo file
     */
    static Optional<Mount> mountOf(Path directory, List<String> lines) {
        Path dir = realOrAbsolute(directory);
        Mount best = null;
        int bestDepth = -1;
        int n = 0;
        for (String line : lines) {
            if (++n > MAX_LINES) {
                break;
            }
            Optional<Mount> m = parse(line);
            if (m.isEmpty() || !dir.startsWith(m.get().mountPoint())) {
                continue;
            }
            int depth = m.get().mountPoint().getNameCount();
            if (depth >= bestDepth) {
                best = m.get();
                bestDepth = depth;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * {@return one line of mountinfo parsed, or empty when it is not of the documented shape}:
     * {@code 36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue}.
     *
     * @param line the line
     */
    static Optional<Mount> parse(String line) {
        String[] f = line.split(" ");
        if (f.length < 6 || !f[4].startsWith("/")) {
            return Optional.empty();
        }
        return Optional.of(new Mount(Path.of(unescape(f[4])), List.of(f[5].split(","))));
    }

    /** Undoes the kernel's octal escapes of space, tab, newline and backslash ({@code \040}). */
    static String unescape(String field) {
        StringBuilder sb = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && isOctal(field, i + 1)) {
                sb.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean isOctal(String s, int from) {
        if (from + 3 > s.length()) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }

    private static Path realOrAbsolute(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException | RuntimeException unresolvable) {
            return p.toAbsolutePath().normalize();
        }
    }
}
