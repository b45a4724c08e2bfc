package dev.nativeload.binary;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells what a file is from its first bytes ({@link FileContent}): pure Java, no parsing past
 * the magic of a binary, never an exception for any bytes.
 */
public final class FileSniffer {
    /**
     * How many bytes of a file are read to decide: enough for any text file handed to a loader by
     * mistake, and for a binary's headers and first tables, where a text filter or a line-ending
     * conversion leaves its marks; small enough to cost little on every pre-checked candidate.
     */
    public static final int HEAD = 16 * 1024;
    /** A text file holding only a name is at most this long (PATH_MAX). */
    static final int MAX_NAME_FILE = 4096;
    /** Fewer U+FFFD marks than this may be chance. */
    private static final int MIN_MARKS = 4;
    /** A small library may hold only a few LF bytes; two, all after a CR, and none alone, is no chance. */
    private static final int MIN_CRLF = 2;
    private static final Pattern LD_COMMAND = Pattern.compile("(?m)(?:^|[;)]|\\s)(?:GROUP|INPUT)\\s*\\(");
    private static final Pattern TITLE = Pattern.compile("(?is)<title[^>]*>\\s*([^<]{1,120}?)\\s*</title>");
    private static final Pattern JSON_MESSAGE = Pattern.compile("\"(?:message|error|errors|detail)\"\\s*:\\s*\"([^\"]{1,120})\"");
    private static final Pattern LFS_OID = Pattern.compile("(?m)^oid (\\S{1,100})$");
    private static final Pattern LFS_SIZE = Pattern.compile("(?m)^size (\\d{1,18})$");
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9._+@/\\\\:~-]{1,4096}");
    private static final Pattern LIBRARY_NAME = Pattern.compile(".*(?:\\.so(?:\\.[0-9][0-9.]*)?|\\.dylib|\\.dll|\\.jnilib|\\.a)");

    private FileSniffer() {
    }

    /**
     * Reads the first {@link #HEAD} bytes of a regular file and tells what it is.
     *
     * @param file a file
     * @return what it is
     * @throws IOException if it is not a regular file or cannot be read (a FIFO is refused before it is opened)
     */
    public static FileContent sniff(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " is not a regular file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return sniff(in.readNBytes(HEAD));
        }
    }

    /**
     * Tells what a file is from its first bytes.
     *
     * @param head the file's first bytes (all of it, or at least its first {@link #HEAD} bytes)
     * @return what it is; never null, for any bytes
     */
    public static FileContent sniff(byte[] head) {
        if (head.length == 0) {
            return new FileContent.Empty();
        }
        Optional<BinaryFormat> format = Binaries.sniff(BinaryData.of(head, ByteOrder.LITTLE_ENDIAN));
        if (format.isPresent()) {
            return damage(format.get(), head);
        }
        if (startsWith(head, "PK\u0003\u0004") || startsWith(head, "PK\u0005\u0006")) {
            return zip(head);
        }
        if (!isText(head)) {
            return new FileContent.Unknown(HexFormat.of().formatHex(head, 0, Math.min(8, head.length)));
        }
        String text = new String(head, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return textContent(text, head.length);
    }

    private static FileContent damage(BinaryFormat format, byte[] head) {
        int replacements = 0;
        int otherHigh = 0;
        int crlf = 0;
        int loneLf = 0;
        for (int i = 0; i < head.length; i++) {
            int b = head[i] & 0xFF;
            if (b == 0xEF && i + 2 < head.length && (head[i + 1] & 0xFF) == 0xBF && (head[i + 2] & 0xFF) == 0xBD) {
                replacements++;
                i += 2;
            } else if (b >= 0x80) {
                otherHigh++;
            } else if (b == '\n') {
                if (i > 0 && head[i - 1] == '\r') {
                    crlf++;
                } else {
                    loneLf++;
                }
            }
        }
        // A text filter leaves high bytes only as U+FFFD (and the rare valid UTF-8 sequence).
        if (replacements >= MIN_MARKS && otherHigh <= replacements) {
            return new FileContent.TextFiltered(format, replacements);
        }
        if (crlf >= MIN_CRLF && loneLf == 0) {
            return new FileContent.LineEndingsConverted(format, crlf);
        }
        return new FileContent.Binary(format);
    }

    private static FileContent zip(byte[] head) {
        Optional<String> first = Optional.empty();
        if (head.length >= 30 && head[2] == 3) {
            int nameLength = (head[26] & 0xFF) | (head[27] & 0xFF) << 8;
            if (nameLength > 0 && 30 + nameLength <= head.length) {
                first = Optional.of(new String(head, 30, Math.min(nameLength, 200), StandardCharsets.UTF_8));
            }
        }
        boolean jar = new String(head, StandardCharsets.ISO_8859_1).contains("META-INF/");
        return new FileContent.ZipArchive(jar, first);
    }

    private static FileContent textContent(String text, int length) {
        String trimmed = text.strip();
        if (trimmed.startsWith("version https://git-lfs")) {
            long size = -1;
            Matcher s = LFS_SIZE.matcher(trimmed);
            if (s.find()) {
                size = Long.parseLong(s.group(1));
            }
            Matcher o = LFS_OID.matcher(trimmed);
            return new FileContent.GitLfsPointer(o.find() ? Optional.of(o.group(1)) : Optional.empty(), size);
        }
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("<!doctype html") || lower.startsWith("<html") || lower.startsWith("<head")) {
            Matcher t = TITLE.matcher(trimmed);
            return new FileContent.ErrorPage("HTML", t.find() ? Optional.of(t.group(1)) : Optional.empty());
        }
        if (lower.startsWith("<?xml")) {
            return new FileContent.ErrorPage("XML", Optional.empty());
        }
        if (trimmed.startsWith("{") || (trimmed.startsWith("[") && trimmed.endsWith("]"))) {
            Matcher m = JSON_MESSAGE.matcher(trimmed);
            return new FileContent.ErrorPage("JSON", m.find() ? Optional.of(m.group(1)) : Optional.empty());
        }
        Optional<List<String>> script = linkerScript(stripComments(trimmed));
        if (script.isPresent()) {
            return new FileContent.LinkerScript(script.get());
        }
        if (length <= MAX_NAME_FILE && !trimmed.isEmpty() && trimmed.indexOf('\n') < 0
                && FILE_NAME.matcher(trimmed).matches() && LIBRARY_NAME.matcher(trimmed).matches()) {
            return new FileContent.FlattenedSymlink(trimmed);
        }
        String line = trimmed.lines().findFirst().orElse("");
        return new FileContent.Text(line.length() > 60 ? line.substring(0, 60) + "..." : line);
    }

    private static Optional<List<String>> linkerScript(String text) {
        Matcher m = LD_COMMAND.matcher(text);
        List<String> inputs = new ArrayList<>();
        boolean found = false;
        while (m.find()) {
            int depth = 1;
            int i = m.end();
            StringBuilder inside = new StringBuilder();
            while (i < text.length() && depth > 0) {
                char c = text.charAt(i++);
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                inside.append(depth > 0 && c != '(' && c != ')' ? c : ' ');
            }
            if (depth != 0) {
                break;
            }
            found = true;
            for (String token : inside.toString().split("[\\s,]+")) {
                if (!token.isEmpty() && !token.equals("AS_NEEDED") && inputs.size() < 32) {
                    inputs.add(token);
                }
            }
        }
        return found ? Optional.of(inputs) : Optional.empty();
    }

    private static String stripComments(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf("/*", i);
            if (open < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, open);
            int close = text.indexOf("*/", open + 2);
            i = close < 0 ? text.length() : close + 2;
        }
        return out.toString();
    }

    /** Text: valid UTF-8 with no control bytes but tab, CR, LF and form feed. */
    private static boolean isText(byte[] head) {
        for (byte b : head) {
            int c = b & 0xFF;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                return false;
            }
        }
        // A cut-off multi-byte character at the end of the head is still text.
        int end = head.length;
        for (int back = 1; back <= 3 && head.length - back >= 0; back++) {
            int c = head[head.length - back] & 0xFF;
            if (c >= 0xC0) {
                end = head.length - back;
                break;
            }
            if (c < 0x80) {
                break;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head, 0, end));
            return true;
        } catch (CharacterCodingException notUtf8) {
            return false;
        }
    }

    private static boolean startsWith(byte[] head, String ascii) {
        if (head.length < ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (head[i] != (byte) ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
