package dev.nativeload.spi;

import java.util.Objects;

/**
 * A validated class-path resource name such as {@code native/linux-x86_64/libfoo.so}: relative,
 * {@code /}-separated, with no empty, {@code .} or {@code ..} segment, no backslash, no drive
 * colon and no control character, so it can never name a file outside the directory it is
 * extracted into.
 *
 * @param value the name, without a leading slash
 */
public record ResourceName(String value) {
    private static final int MAX_LENGTH = 4096;

    public ResourceName {
        Objects.requireNonNull(value, "value");
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException("invalid resource name \"" + printable(value) + "\": " + problem);
        }
    }

    /**
     * {@return the validated name}
     *
     * @param value the name, e.g. {@code "native/linux-x86_64/libfoo.so"}
     * @throws IllegalArgumentException if the name could escape its directory or is malformed
     */
    public static ResourceName of(String value) {
        return new ResourceName(value);
    }

    /**
     * {@return whether a name is valid, without throwing}
     *
     * @param value the candidate name
     */
    public static boolean isValid(String value) {
        return value != null && problem(value) == null;
    }

    /**
     * {@return a file name ({@code libfoo.so}) that is safe as one path element of an extraction directory}
     *
     * @param fileName the name
     * @throws IllegalArgumentException if it contains a separator or is otherwise invalid
     */
    public static String checkFileName(String fileName) {
        ResourceName name = new ResourceName(fileName);
        if (name.value.indexOf('/') >= 0) {
            throw new IllegalArgumentException("invalid file name \"" + printable(fileName) + "\": contains '/'");
        }
        return fileName;
    }

    /** {@return the last segment: {@code libfoo.so}} */
    public String fileName() {
        return value.substring(value.lastIndexOf('/') + 1);
    }

    /** {@return the directory part with a trailing slash ({@code native/linux-x86_64/}), or empty at the root} */
    public String directory() {
        return value.substring(0, value.lastIndexOf('/') + 1);
    }

    /**
     * {@return the resource of that file name in the same directory}
     *
     * @param fileName a plain file name such as {@code libbar.so.1}
     * @throws IllegalArgumentException if the file name is invalid or contains a separator
     */
    public ResourceName sibling(String fileName) {
        return new ResourceName(directory() + checkFileName(fileName));
    }

    @Override
    public String toString() {
        return value;
    }

    private static String problem(String value) {
        if (value.isEmpty()) {
            return "empty";
        }
        if (value.length() > MAX_LENGTH) {
            return "longer than " + MAX_LENGTH + " characters";
        }
        if (value.startsWith("/")) {
            return "absolute (starts with '/')";
        }
        if (value.indexOf('\\') >= 0) {
            return "contains a backslash";
        }
        if (value.indexOf(':') >= 0) {
            return "contains ':' (a drive or URL scheme)";
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return "contains a control character at index " + i;
            }
        }
        for (String segment : value.split("/", -1)) {
            if (segment.isEmpty()) {
                return "has an empty segment";
            }
            if (segment.equals("..")) {
                return "has a '..' segment";
            }
            if (segment.equals(".")) {
                return "has a '.' segment";
            }
        }
        return null;
    }

    private static String printable(String value) {
        StringBuilder sb = new StringBuilder();
        value.codePoints().limit(200).forEach(c -> {
            if (Character.isISOControl(c)) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }
}
