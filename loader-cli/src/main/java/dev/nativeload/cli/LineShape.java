package dev.nativeload.cli;

/**
 * What a log line is, judged from its first bytes without decoding it: part of a Java stack trace (a
 * frame, {@code Caused by:}, {@code Suppressed:}, an exception's header), or the start of a new log
 * record. Two prefixes that wrap every line are looked past: a GitHub Actions time stamp
 * ({@code 2024-05-01T10:00:00.1234567Z }) and a Docker Compose service column ({@code app_1    | }).
 */
enum LineShape {
    /** A stack frame ({@code at ...}) or {@code ... 12 more}: ends a message's continuation. */
    FRAME,
    /** {@code Caused by:} or {@code Suppressed:}: a nested exception of the same trace. */
    NESTED,
    /** An exception's header ({@code java.lang.UnsatisfiedLinkError: ...}, {@code Exception in thread ...}) or an indented line. */
    TRACE,
    /** A blank line. */
    BLANK,
    /** The start of a new log record: a time stamp or a bracket ({@code 2024-..}, {@code [main]}), a JSON object, a level word. */
    RECORD,
    /** Anything else: a line of a record's message. */
    OTHER;

    private static final String[] LEVELS = {"ERROR", "WARN", "INFO", "DEBUG", "TRACE", "FATAL", "SEVERE"};

    /**
     * {@return the shape of a line}
     *
     * @param bytes  the array holding it
     * @param offset where it starts
     * @param count  how many bytes it has
     */
    static LineShape of(byte[] bytes, int offset, int count) {
        byte[] b = bytes;
        int length = offset + count;
        int i = contentStart(b, offset, length);
        if (i >= length) {
            return BLANK;
        }
        boolean indented = b[i] == ' ' || b[i] == '\t';
        while (i < length && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        if (i >= length) {
            return BLANK;
        }
        if (startsWith(b, length, i, "at ") || startsWith(b, length, i, "...")) {
            return FRAME;
        }
        if (startsWith(b, length, i, "Caused by:") || startsWith(b, length, i, "Suppressed:")) {
            return NESTED;
        }
        if (indented || startsWith(b, length, i, "Exception in thread ") || isExceptionHeader(b, length, i)) {
            return TRACE;
        }
        if (b[i] >= '0' && b[i] <= '9' || b[i] == '[' || b[i] == '{') {
            return RECORD;
        }
        for (String level : LEVELS) {
            if (startsWith(b, length, i, level)) {
                return RECORD;
            }
        }
        return OTHER;
    }

    /** A token like {@code java.lang.UnsatisfiedLinkError} or {@code org.x.SnappyError} followed by ':' or the end. */
    private static boolean isExceptionHeader(byte[] b, int length, int from) {
        int i = from;
        boolean dot = false;
        while (i < length && (isWordByte(b[i]) && b[i] != '-' || b[i] == '$')) {
            dot |= b[i] == '.';
            i++;
        }
        if (!dot || i < length && b[i] != ':') {
            return false;
        }
        return endsWith(b, from, i, "Exception") || endsWith(b, from, i, "Error");
    }

    /** Where the line's own text starts, past a CI time stamp or a Compose service column. */
    private static int contentStart(byte[] b, int from, int length) {
        int i = from;
        if (length - from > 21 && isDigits(b, from, 4) && b[from + 4] == '-' && b[from + 10] == 'T') {
            int z = from + 11;
            while (z < length && z < from + 40 && b[z] != 'Z' && b[z] != ' ') {
                z++;
            }
            if (z + 1 < length && b[z] == 'Z' && b[z + 1] == ' ') {
                i = z + 2;
            }
        }
        int bar = i;
        while (bar < length && bar - i < 64 && isWordByte(b[bar])) {
            bar++;
        }
        if (bar > i) {
            int s = bar;
            while (s < length && b[s] == ' ') {
                s++;
            }
            if (s + 1 < length && b[s] == '|' && b[s + 1] == ' ') {
                return s + 2;
            }
        }
        return i;
    }

    private static boolean isWordByte(byte c) {
        int lower = c | 0x20;
        return lower >= 'a' && lower <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.';
    }

    private static boolean isDigits(byte[] b, int from, int count) {
        for (int k = from; k < from + count; k++) {
            if (b[k] < '0' || b[k] > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] b, int length, int at, String s) {
        if (at + s.length() > length) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (b[at + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean endsWith(byte[] b, int from, int end, String s) {
        return end - from >= s.length() && startsWith(b, end, end - s.length(), s);
    }
}
