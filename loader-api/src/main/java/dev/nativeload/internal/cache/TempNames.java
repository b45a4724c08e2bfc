package dev.nativeload.internal.cache;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of files being written into an entry: short ({@code .nl-<pid>-<8 hex>.tmp}, about 30
 * bytes whatever the library's name, so a library name near the 255-byte limit still fits) and
 * carrying the writer's pid, so a sweep can tell a partial file whose writer is gone.
 */
final class TempNames {
    private static final Pattern NAME = Pattern.compile("\\.nl-([0-9]{1,19})-[0-9a-f]{8}\\.tmp");
    private static final SecureRandom RANDOM = new SecureRandom();

    private TempNames() {
    }

    /** {@return a fresh temporary name for this process} */
    static String next() {
        byte[] r = new byte[4];
        RANDOM.nextBytes(r);
        return ".nl-" + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(r) + ".tmp";
    }

    /** {@return the pid of the writer of a temporary file, or empty when the name is not one of these} @param name a file name */
    static OptionalLong writer(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(m.group(1)));
        } catch (NumberFormatException tooLong) {
            return OptionalLong.empty();
        }
    }
}
