package dev.nativeload.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of one JSON-lines log record (logstash, ECS, GCP and the like put the message and the stack
 * trace in string fields): every string value, unescaped, split into lines. Written by hand rather than
 * with a JSON parser because a record here may be cut at {@link LogLines#MAX_KEPT} bytes, which a
 * parser rejects as a whole, while its first fields still hold the failure; this reads what is there.
 */
final class JsonLogRecord {
    private JsonLogRecord() {
    }

    /** {@return whether a line looks like a JSON object: its first non-blank character is '{'} @param line the line */
    static boolean looksLikeJson(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{';
            }
        }
        return false;
    }

    /**
     * {@return the record's string values (not its field names), unescaped, as lines}
     *
     * @param line one JSON object, possibly cut short
     */
    static List<String> lines(String line) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            if (line.charAt(i) != '"') {
                i++;
                continue;
            }
            StringBuilder value = new StringBuilder();
            i = readString(line, i + 1, value);
            int j = i;
            while (j < n && Character.isWhitespace(line.charAt(j))) {
                j++;
            }
            boolean isName = j < n && line.charAt(j) == ':';
            if (!isName) {
                value.toString().lines().forEach(out::add);
            }
        }
        return out;
    }

    /** Reads a string's body from {@code at} (after its opening quote) into {@code into}; returns the index after its closing quote. */
    private static int readString(String s, int at, StringBuilder into) {
        int i = at;
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '"') {
                return i;
            }
            if (c != '\\' || i >= s.length()) {
                into.append(c);
                continue;
            }
            char e = s.charAt(i++);
            switch (e) {
                case 'n' -> into.append('\n');
                case 't' -> into.append('\t');
                case 'r' -> into.append('\r');
                case 'b' -> into.append('\b');
                case 'f' -> into.append('\f');
                case 'u' -> {
                    if (i + 4 <= s.length() && isHex(s, i)) {
                        into.append((char) Integer.parseInt(s, i, i + 4, 16));
                        i += 4;
                    }
                }
                default -> into.append(e);
            }
        }
        return i;
    }

    private static boolean isHex(String s, int at) {
        for (int k = at; k < at + 4; k++) {
            if (Character.digit(s.charAt(k), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
