package dev.nativeload.cli;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A small streaming writer for one compact JSON value (RFC 8259), built into a string.
 *
 * <p>Strings are escaped so the output is valid JSON whatever they hold: {@code "} and
 * {@code \} get a backslash, control characters (U+0000 to U+001F and U+007F) use their short
 * escape or {@code \}{@code uXXXX}, and so do lone surrogates (which have no UTF-8 form) and
 * U+2028/U+2029 (line separators to JavaScript). Other characters are written as they are.
 * Misuse (a value where a name is due, an unclosed scope, a second top-level value) throws
 * {@link IllegalStateException}, so a malformed document cannot be produced silently.
 */
public final class JsonWriter {
    private enum Scope { OBJECT, ARRAY }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final StringBuilder out = new StringBuilder();
    private final Deque<Scope> scopes = new ArrayDeque<>();

    /** A writer with nothing written yet. */
    public JsonWriter() {
    }
    /** Whether the innermost scope already holds an element (so the next one needs a comma). */
    private final Deque<Boolean> nonEmpty = new ArrayDeque<>();
    private boolean nameWritten;
    private boolean complete;

    /** {@return this writer after opening an object} */
    public JsonWriter beginObject() {
        beforeValue();
        open(Scope.OBJECT, '{');
        return this;
    }

    /** {@return this writer after closing the innermost object} */
    public JsonWriter endObject() {
        if (nameWritten) {
            throw new IllegalStateException("a name without a value before '}'");
        }
        close(Scope.OBJECT, '}');
        return this;
    }

    /** {@return this writer after opening an array} */
    public JsonWriter beginArray() {
        beforeValue();
        open(Scope.ARRAY, '[');
        return this;
    }

    /** {@return this writer after closing the innermost array} */
    public JsonWriter endArray() {
        close(Scope.ARRAY, ']');
        return this;
    }

    /**
     * Writes the name of the next object member.
     *
     * @param name the member name
     * @return this writer
     */
    public JsonWriter name(String name) {
        Objects.requireNonNull(name, "name");
        if (scopes.peek() != Scope.OBJECT || nameWritten) {
            throw new IllegalStateException("a name is only allowed inside an object, before its value");
        }
        separate();
        appendString(out, name);
        out.append(':');
        nameWritten = true;
        return this;
    }

    /**
     * Writes a string, or {@code null} when it is null.
     *
     * @param value the string, or null
     * @return this writer
     */
    public JsonWriter value(String value) {
        if (value == null) {
            return nullValue();
        }
        beforeValue();
        appendString(out, value);
        afterScalar();
        return this;
    }

    /**
     * Writes an integer.
     *
     * @param value the number
     * @return this writer
     */
    public JsonWriter value(long value) {
        beforeValue();
        out.append(value);
        afterScalar();
        return this;
    }

    /**
     * Writes {@code true} or {@code false}.
     *
     * @param value the boolean
     * @return this writer
     */
    public JsonWriter value(boolean value) {
        beforeValue();
        out.append(value);
        afterScalar();
        return this;
    }

    /** {@return this writer after writing {@code null}} */
    public JsonWriter nullValue() {
        beforeValue();
        out.append("null");
        afterScalar();
        return this;
    }

    /**
     * Writes an array of strings.
     *
     * @param values the strings, in order
     * @return this writer
     */
    public JsonWriter stringArray(List<String> values) {
        beginArray();
        for (String v : values) {
            value(v);
        }
        return endArray();
    }

    /**
     * {@return the finished document}
     *
     * @throws IllegalStateException if no value was written or a scope is still open
     */
    public String toJson() {
        if (!complete) {
            throw new IllegalStateException("the JSON document is not complete");
        }
        return out.toString();
    }

    /**
     * Quotes and escapes one string as a JSON string literal.
     *
     * @param value the string
     * @return the literal, with its quotes
     */
    public static String quote(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 2);
        appendString(sb, value);
        return sb.toString();
    }

    private void beforeValue() {
        if (complete) {
            throw new IllegalStateException("a JSON document holds one top-level value");
        }
        Scope scope = scopes.peek();
        if (scope == Scope.OBJECT) {
            if (!nameWritten) {
                throw new IllegalStateException("an object member needs a name before its value");
            }
            nameWritten = false;
        } else if (scope == Scope.ARRAY) {
            separate();
        }
    }

    private void separate() {
        if (nonEmpty.pop()) {
            out.append(',');
        }
        nonEmpty.push(true);
    }

    private void afterScalar() {
        if (scopes.isEmpty()) {
            complete = true;
        }
    }

    private void open(Scope scope, char bracket) {
        scopes.push(scope);
        nonEmpty.push(false);
        out.append(bracket);
    }

    private void close(Scope scope, char bracket) {
        if (scopes.peek() != scope) {
            throw new IllegalStateException("no open " + scope.name().toLowerCase(Locale.ROOT) + " to close");
        }
        scopes.pop();
        nonEmpty.pop();
        out.append(bracket);
        afterScalar();
    }

    private static void appendString(StringBuilder sb, String s) {
        sb.append('"');
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7F || c == '\u2028' || c == '\u2029') {
                        appendUnicodeEscape(sb, c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                        sb.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        appendUnicodeEscape(sb, c); // a lone surrogate has no UTF-8 encoding
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    private static void appendUnicodeEscape(StringBuilder sb, char c) {
        sb.append("\\u")
                .append(HEX[(c >> 12) & 0xF])
                .append(HEX[(c >> 8) & 0xF])
                .append(HEX[(c >> 4) & 0xF])
                .append(HEX[c & 0xF]);
    }
}
